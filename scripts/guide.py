#!/usr/bin/env python3
"""The guide's command line.

    python scripts/guide.py validate          check data/ (schemas, ids, cross-references), no build
    python scripts/guide.py downloads         list the files generated at build time
    python scripts/guide.py export DIR        write every generated download into DIR
    python scripts/guide.py bench [--runs N] [--only compare|index|serve|scale] [--cold] [--scale N] [--json FILE]
                                              build timings side by side with bare Material (cold and warm),
                                              search index sizes, serve edit-to-served time, a guide N x the size
    python scripts/guide.py derive-typo-base [--check]
                                              make checker/vendor/typo-base/ (the context typo rule's word list
                                              from the pinned packages) again; --check only compares
    python scripts/guide.py derive-register [--check]
                                              make data/checker/register.yml (the register's own words: jieba's
                                              rare words the guide's prose writes often) again from the pages;
                                              --check only says whether it is stale
    python scripts/guide.py derive-open-gram --lexicon PYDICT_SC_BIN --dump TSLMINFO_OUTPUT [--check]
                                              make checker/vendor/open-gram/pairs.json (the context typo
                                              rule's word-pair evidence) from open-gram's model as Debian
                                              ships it (checker/vendor/open-gram/README.md); --check only compares
    python scripts/guide.py derive-lm --arpa LM_SC_ARPA [--check]
                                              make checker/vendor/libime-lm/lm.json (the context typo rule's
                                              language model) from libime's lm_sc.arpa as Debian's source
                                              package ships it (checker/vendor/libime-lm/README.md); --check only compares
    python scripts/guide.py derive-glyph-pairs [--check]
                                              measure which characters print alike in Debian's Noto Serif CJK
                                              into checker/vendor/glyph-alike/pairs.tsv (checker/glyphs.py);
                                              --check only compares
    python scripts/guide.py derive-theme-templates [--check]
                                              compile the theme's templates (Material's and overrides/) into
                                              macros/vendor/compiled-theme/ again; --check only compares
    python scripts/guide.py local-status [--local DIR]
                                              the local layer ($GUIDE_LOCAL): its overrides, and which guide
                                              records changed since the local ones were based on them
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cmd_validate(args) -> int:
    from macros.downloads import collect_downloads
    from macros.errors import GuideError
    from macros.sitedata import load_site_data

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
    from macros.errors import GuideError
    from macros.local import ENV, status_lines
    from macros.sitedata import load_site_data

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
    from macros.downloads import collect_downloads
    from macros.sitedata import load_site_data

    for path, download in sorted(collect_downloads(load_site_data(ROOT)).items()):
        print(f"{path}\t{download.filename}")
    return 0


def cmd_export(args) -> int:
    from macros.downloads import collect_downloads
    from macros.links import human_size
    from macros.sitedata import load_site_data

    out = Path(args.dir)
    for path, download in sorted(collect_downloads(load_site_data(ROOT)).items()):
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(download.build())
        print(f"{target}  {human_size(target.stat().st_size)}")
    return 0


def cmd_bench(args) -> int:
    from bench_build import bench

    only = [part for item in args.only for part in item.split(",")] if args.only else None
    return bench(runs=args.runs, only=only, warm=not args.cold, edits=args.edits, scale=args.scale,
                 json_path=args.json)


def context_settings() -> dict:
    """The context typo rule's knobs as data/checker/context.yml writes them (not through load_site_data,
    whose checks refuse a stale derived table: the derive commands make those tables again)."""
    import yaml

    return yaml.safe_load((ROOT / "data" / "checker" / "context.yml").read_text(encoding="utf-8"))


def cmd_derive_typo_base(args) -> int:
    """Make the context typo rule's base word list from the installed packages (checker/lexicon.py)."""
    from checker.lexicon import BASE, base_text, derive_base

    started = time.perf_counter()
    conf = context_settings()
    return write_or_check(BASE, base_text(derive_base(conf)), args.check, "the installed packages", started)


def write_or_check(path: Path, text: str, check: bool, source: str, started: float) -> int:
    """Write a derived file, or (check) say whether the committed one is what ``source`` gives: 0 if so."""
    rel = path.relative_to(ROOT)
    if check:
        same = path.is_file() and path.read_text(encoding="utf-8") == text
        print(f"{rel}: {'up to date' if same else f'differs from what {source} give'}")
        return 0 if same else 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {rel} ({len(text.encode()) / 1024:.0f} KB) in {time.perf_counter() - started:.1f} s")
    return 0


def cmd_derive_register(args) -> int:
    """Count the register's words in the guide's prose (checker/register.py) and write data/checker/register.yml."""
    import datetime

    from checker.compile import compile_data
    from checker.engine import check
    from checker.lexicon import jieba_entries
    from checker.register import PATH, check_message, page_words, read_counts, register_text, without_register
    from checker.typobase import load_base
    from macros.errors import GuideError
    from macros.sitedata import load_site_data

    started = time.perf_counter()
    try:
        site = load_site_data(ROOT)
    except GuideError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    conf = site.get("checker", "context").data
    data = compile_data(without_register(site))
    pages = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").rglob("*.md"))]
    words = page_words(pages, data, conf, load_base(conf), jieba_entries(), lambda text: check(text, data))
    path = ROOT / PATH
    if args.check:
        try:
            committed = read_counts(path.read_text(encoding="utf-8"))
        except OSError:
            committed = None
        same, message = check_message(committed, words)
        print(message)
        return 0 if same else 1
    path.write_text(register_text(words, conf, datetime.datetime.now(datetime.UTC).date().isoformat()),
                    encoding="utf-8")
    print(f"wrote {PATH} ({len(words)} words written {conf['register_min']} times or more) "
          f"in {time.perf_counter() - started:.1f} s")
    return 0


def cmd_derive_open_gram(args) -> int:
    """Make the context typo rule's word-pair table from open-gram's lexicon and model dump (checker/opengram.py)."""
    from checker.opengram import PAIRS, derive, table_text

    started = time.perf_counter()
    conf = context_settings()
    return write_or_check(PAIRS, table_text(derive(Path(args.lexicon), Path(args.dump), conf)), args.check, "these inputs", started)


def cmd_derive_lm(args) -> int:
    """Make the context typo rule's language model table from libime's ARPA model (checker/langmodel.py)."""
    from checker.langmodel import MODEL, derive, dumps

    started = time.perf_counter()
    conf = context_settings()
    return write_or_check(MODEL, dumps(derive(Path(args.arpa), conf)), args.check, "this model and these settings", started)


def cmd_derive_glyph_pairs(args) -> int:
    """Measure which characters print alike (checker/glyphs.py) into the committed table."""
    from checker.glyphs import PAIRS, FontMissing, derive
    from checker.lexicon import gb2312_hanzi

    started = time.perf_counter()
    try:
        text = derive(gb2312_hanzi())
    except FontMissing as exc:
        print(f"derive-glyph-pairs: {exc}", file=sys.stderr)
        return 2
    return write_or_check(PAIRS, text, args.check, "the font and Pillow", started)


def cmd_derive_theme_templates(args) -> int:
    """Compile the theme's templates into the committed file a build takes them from (macros/compiledtheme.py)."""
    from macros.compiledtheme import COMPILED, decode, derive, encode, same, theme_env

    started = time.perf_counter()
    compiled = derive(theme_env(ROOT))
    rel = COMPILED.relative_to(ROOT)
    try:
        current = same(decode(COMPILED.read_bytes()), compiled)
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        current = False
    if args.check or current:  # equal code is not written again (marshal's bytes can differ for it)
        print(f"{rel}: {'up to date' if current else 'differs from what the installed packages and overrides/ give'}")
        return 0 if current else 1
    data = encode(compiled)
    COMPILED.parent.mkdir(parents=True, exist_ok=True)
    COMPILED.write_bytes(data)
    print(f"wrote {rel} ({len(compiled['templates'])} templates, {len(data) / 1024:.0f} KB) "
          f"in {time.perf_counter() - started:.1f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guide.py", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check data/ without building").set_defaults(func=cmd_validate)
    sub.add_parser("downloads", help="list generated files").set_defaults(func=cmd_downloads)
    export = sub.add_parser("export", help="write generated files to a folder")
    export.add_argument("dir")
    export.set_defaults(func=cmd_export)
    bench = sub.add_parser("bench", help="time builds side by side with bare Material, serve, scale; print sizes")
    bench.add_argument("--runs", type=int, default=3, help="builds of each kind (median, min, max)")
    bench.add_argument("--only", action="append", metavar="PART",
                       help="run only these parts: compare, index, serve, scale (repeat or comma-separate)")
    bench.add_argument("--cold", action="store_true", help="cold guide builds only (no warm runs with .cache/ kept)")
    bench.add_argument("--edits", type=int, default=3, help="serve: edits of a page and of a data record")
    bench.add_argument("--scale", type=int, default=10, metavar="N", help="scale: build a guide N times the size")
    bench.add_argument("--json", metavar="FILE", help="also write every figure to FILE")
    bench.set_defaults(func=cmd_bench)
    derive = sub.add_parser("derive-typo-base", help="make the typo rule's base word list from the pinned packages")
    derive.add_argument("--check", action="store_true", help="only say whether the committed file is up to date")
    derive.set_defaults(func=cmd_derive_typo_base)
    reg = sub.add_parser("derive-register", help="make the register's words (data/checker/register.yml) from the pages")
    reg.add_argument("--check", action="store_true", help="only say whether the committed file is stale")
    reg.set_defaults(func=cmd_derive_register)
    gram = sub.add_parser("derive-open-gram", help="make the typo rule's word-pair table from open-gram's model")
    gram.add_argument("--lexicon", required=True, help="pydict_sc.bin of Debian's sunpinyin-data")
    gram.add_argument("--dump", required=True, help="the output of `tslminfo -v lm_sc.t3g` (sunpinyin-utils)")
    gram.add_argument("--check", action="store_true", help="only say whether the committed file is up to date")
    gram.set_defaults(func=cmd_derive_open_gram)
    lm = sub.add_parser("derive-lm", help="make the typo rule's language model table from libime's model")
    lm.add_argument("--arpa", required=True, help="lm_sc.arpa of libime's source (data/lm_sc.arpa-*.tar.xz)")
    lm.add_argument("--check", action="store_true", help="only say whether the committed file is up to date")
    lm.set_defaults(func=cmd_derive_lm)
    glyph = sub.add_parser("derive-glyph-pairs", help="measure which characters print alike into the committed table")
    glyph.add_argument("--check", action="store_true", help="only say whether the committed file is up to date")
    glyph.set_defaults(func=cmd_derive_glyph_pairs)
    theme = sub.add_parser("derive-theme-templates", help="compile the theme's templates into the committed file")
    theme.add_argument("--check", action="store_true", help="only say whether the committed file is up to date")
    theme.set_defaults(func=cmd_derive_theme_templates)
    status = sub.add_parser("local-status", help="the local layer's overrides and the guide changes under them")
    status.add_argument("--local", help="the layer's folder (default: $GUIDE_LOCAL)")
    status.set_defaults(func=cmd_local_status)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
