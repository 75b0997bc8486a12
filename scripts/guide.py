#!/usr/bin/env python3
"""The guide's command line.

    python scripts/guide.py validate          check data/ (schemas, ids, cross-references), no build
    python scripts/guide.py downloads         list the files generated at build time
    python scripts/guide.py export DIR        write every generated download into DIR
    python scripts/guide.py bench [--runs N]  time a cold strict build; print page count and sizes
    python scripts/guide.py local-status [--local DIR]
                                              the local layer ($GUIDE_LOCAL): its overrides, and which guide
                                              records changed since the local ones were based on them
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from macros.downloads import collect_downloads  # noqa: E402
from macros.errors import GuideError  # noqa: E402
from macros.links import human_size  # noqa: E402
from macros.sitedata import load_site_data  # noqa: E402


def cmd_validate(args) -> int:
    started = time.perf_counter()
    try:
        site = load_site_data(ROOT)
        collect_downloads(site)
    except GuideError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(records)} {kind}" for kind, records in site.records.items())
    print(f"data OK: {counts} ({time.perf_counter() - started:.2f} s)")
    return 0


def cmd_local_status(args) -> int:
    """Print the local layer's overrides and what changed under them; exit 0 unless the layer is bad."""
    from macros.local import ENV, status_lines

    try:
        site = load_site_data(ROOT, args.local)
    except GuideError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    if site.layer is None:
        print(f"no local layer: set {ENV}=/path/to/layer or pass --local DIR")
        return 0
    print("\n".join(status_lines(site.layer)))
    return 0


def cmd_downloads(args) -> int:
    for path, download in sorted(collect_downloads(load_site_data(ROOT)).items()):
        print(f"{path}\t{download.filename}")
    return 0


def cmd_export(args) -> int:
    out = Path(args.dir)
    for path, download in sorted(collect_downloads(load_site_data(ROOT)).items()):
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(download.build())
        print(f"{target}  {human_size(target.stat().st_size)}")
    return 0


def _dir_size(path: Path, pattern: str = "*") -> tuple[int, int]:
    files = [p for p in path.rglob(pattern) if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def cmd_bench(args) -> int:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    timings = []
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        for _ in range(args.runs):
            started = time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(site)],
                                    cwd=ROOT, env=env, capture_output=True, text=True)
            timings.append(time.perf_counter() - started)
            if result.returncode:
                print(result.stdout + result.stderr, file=sys.stderr)
                return 1
        pages = [p for p in site.rglob("*.html") if "assets" not in p.parts and p.name != "404.html"]
        n_files, total = _dir_size(site)
        html_bytes = sum(p.stat().st_size for p in pages)
        _, download_bytes = _dir_size(site / "downloads") if (site / "downloads").exists() else (0, 0)
        index = site / "search" / "search_index.json"
        best = min(timings)
        print(f"cold strict build (process start to exit): best {best:.2f} s, runs {', '.join(f'{t:.2f}' for t in timings)}")
        print(f"pages: {len(pages)}; {best / len(pages) * 1000:.0f} ms per page")
        print(f"site: {n_files} files, {human_size(total)}; HTML {human_size(html_bytes)}; "
              f"downloads {human_size(download_bytes)}")
        if index.exists():
            print(f"search index: {human_size(index.stat().st_size)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guide.py", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check data/ without building").set_defaults(func=cmd_validate)
    sub.add_parser("downloads", help="list generated files").set_defaults(func=cmd_downloads)
    export = sub.add_parser("export", help="write generated files to a folder")
    export.add_argument("dir")
    export.set_defaults(func=cmd_export)
    bench = sub.add_parser("bench", help="time a cold build; print sizes")
    bench.add_argument("--runs", type=int, default=3)
    bench.set_defaults(func=cmd_bench)
    status = sub.add_parser("local-status", help="the local layer's overrides and the guide changes under them")
    status.add_argument("--local", help="the layer's folder (default: $GUIDE_LOCAL)")
    status.set_defaults(func=cmd_local_status)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
