#!/usr/bin/env python3
"""Package the whole built site as a dated zip for a file share or a server.

    python scripts/package_site.py                      build (strict) and package into dist/
    python scripts/package_site.py --site /tmp/site     package an existing build
    python scripts/package_site.py --date 2026-11-22 --out /tmp/out
    python scripts/package_site.py --local ../qingxi-layer   the local edition (or set GUIDE_LOCAL):
                                                             guide-site-<slug>-<date>.zip

The zip holds one folder, guide/, with index.html, SHA256SUMS.txt and the
rest of the site; unzipped, it opens by double-clicking guide/index.html or
is served as /guide/. Its members are sorted and carry the package date as
their time, so one build and date always give the same bytes. A
<zip>.sha256 file is written next to it. Before packaging, every file is
checked against the site's SHA256SUMS.txt (written by hooks/intranet.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOP = "guide"
CHECKSUMS = "SHA256SUMS.txt"


def zip_name(date: dt.date, slug: str | None = None) -> str:
    return f"guide-site-{slug + '-' if slug else ''}{date.isoformat()}.zip"


def local_slug(local: str | None) -> str | None:
    """The local edition's slug from its settings.yml (None for the plain guide); exits on a bad layer."""
    from macros.errors import GuideError
    from macros.local import layer_dir, read_settings

    try:
        layer = layer_dir(ROOT, local)
        return read_settings(ROOT, layer).data["slug"] if layer else None
    except GuideError as exc:
        raise SystemExit(exc.message) from None


def build_site(dest: Path, local: str | None = None) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if local is not None:
        env["GUIDE_LOCAL"] = local
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(dest)],
                            cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if result.returncode:
        sys.exit(f"strict build failed:\n{(result.stdout + result.stderr)[-4000:]}")


def verify_checksums(site: Path) -> int:
    """Check every file against SHA256SUMS.txt; return how many were listed."""
    listing = site / CHECKSUMS
    if not listing.is_file():
        raise SystemExit(f"{listing} is missing: the site was not built with hooks/intranet.py")
    listed = {}
    for line in listing.read_text(encoding="utf-8").splitlines():
        digest, _, rel = line.partition("  ")
        listed[rel] = digest
    present = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()} - {CHECKSUMS}
    if present != set(listed):
        raise SystemExit(f"SHA256SUMS.txt does not match the files: missing {sorted(present - set(listed))[:5]}, "
                         f"extra {sorted(set(listed) - present)[:5]}")
    for rel, digest in listed.items():
        if hashlib.sha256((site / rel).read_bytes()).hexdigest() != digest:
            raise SystemExit(f"{rel} differs from SHA256SUMS.txt: rebuild the site")
    return len(listed)


def package(site: Path, out_dir: Path, date: dt.date, slug: str | None = None) -> Path:
    """Write the dated zip of ``site`` into ``out_dir`` and its .sha256; return the zip's path."""
    verify_checksums(site)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / zip_name(date, slug)
    stamp = (date.year, date.month, date.day, 0, 0, 0)
    tmp = target.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{TOP}/{path.relative_to(site).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    tmp.replace(target)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    (out_dir / (target.name + ".sha256")).write_text(f"{digest}  {target.name}\n", encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an existing build (default: build now, strictly)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where to write the zip (default: dist/)")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date.today(),
                        help="date in the file name and on the members (default: today)")
    parser.add_argument("--local", help="build the local edition with this layer (default: $GUIDE_LOCAL, if set)")
    args = parser.parse_args(argv)
    slug = local_slug(args.local)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build_site(site, args.local)
        target = package(site, args.out, args.date, slug)
    with zipfile.ZipFile(target) as archive:
        count = len(archive.namelist())
    print(f"{target}  {target.stat().st_size / 1024 / 1024:.1f} MB, {count} files")
    print(f"sha256: {(target.parent / (target.name + '.sha256')).read_text().split()[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
