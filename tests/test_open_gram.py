"""The word-pair evidence of the context typo rule (checker/opengram.py): open-gram's model made
into the committed table checker/vendor/open-gram/pairs.json, its licence stated, the derivation
the same every time."""

from __future__ import annotations

import glob
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
import yaml

from checker import opengram

ROOT = Path(__file__).resolve().parents[1]
CONF = yaml.safe_load((ROOT / "data" / "checker" / "context.yml").read_text(encoding="utf-8"))


def _lexicon_bin(path: Path, words: list[str]) -> None:
    """A pydict_sc.bin of ``words`` (id i = words[i]) in the layout checker/opengram.py reads."""
    table = b"".join(b"".join(struct.pack("<I", ord(ch)) for ch in w) + b"\0\0\0\0" for w in words)
    path.write_bytes(struct.pack("<III", len(words), 0, 12) + table)


def _dump(path: Path, uni: dict[int, float], bi: list[tuple[int, int, float]]) -> None:
    lines = ["\\0-gram\\1", " 1.0 1.0 (0,0)", f"\\1-gram\\{len(uni)}"]
    lines += [f"  {i} {c:.6f} 0.1 (0,0)" for i, c in uni.items()]
    lines += [f"\\2-gram\\{len(bi)}"] + [f"  {a} {b} {c:.6f} 0.0 (1,0)" for a, b, c in bi]
    lines += ["\\3-gram\\1", "  0 1 2 0.5 (1,0)"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_readme_states_source_licence_and_derivation():
    readme = (opengram.VENDOR / "README.md").read_text(encoding="utf-8")
    for needed in ("open-gram", "CC BY-SA 3.0", "sunpinyin-data 0.1.22+20170109-2", "sunpinyin-utils",
                   "tslminfo -v", "python scripts/guide.py derive-open-gram", "pydict_sc.bin"):
        assert needed in readme, needed
    licence = (opengram.VENDOR / "LICENSE").read_text(encoding="utf-8")
    assert "Attribution-ShareAlike 3.0" in licence and "open-gram" in licence


def test_committed_table_matches_the_settings_and_is_read_back():
    table = opengram.parse_text(opengram.PAIRS.read_text(encoding="utf-8"))
    assert {k: table["made_from"][k] for k in opengram.KNOBS} == {k: CONF[k] for k in opengram.KNOBS}
    assert opengram.table_text(table) == opengram.PAIRS.read_text(encoding="utf-8")
    pairs = sum(len(item.split(":")[1].split(",")) for v in table["pairs"].values() for item in v.split())
    assert pairs == CONF["pair_count"]
    loaded = opengram.load_pairs(CONF)
    assert set(loaded) == {"words", "pairs"}
    with pytest.raises(ValueError, match="derive-open-gram"):
        opengram.load_pairs({**CONF, "pair_count": CONF["pair_count"] + 1})


def test_derivation_is_reproducible(tmp_path):
    """Small inputs in the Debian files' formats: the table keeps the Chinese words and the pairs
    of positive association, most frequent first, and is the same byte for byte when made again."""
    words = ["<s>", "今年", "以来", "已", "来", "，", "abc", "社区"]
    _lexicon_bin(tmp_path / "lex.bin", words)
    uni = {0: 2.0, 1: 8.0, 2: 9.0, 3: 7.0, 4: 6.0, 5: 2.5, 6: 12.0, 7: 8.5}
    bi = [(1, 2, 3.0), (3, 4, 7.5), (2, 5, 1.0), (7, 1, 9.5), (6, 1, 1.0)]
    _dump(tmp_path / "dump.txt", uni, bi)
    assert opengram.read_lexicon(tmp_path / "lex.bin") == words
    conf = {"pair_count": 2, "pair_floor": 2, "pair_max_len": 4}
    made = opengram.table_text(opengram.derive(tmp_path / "lex.bin", tmp_path / "dump.txt", conf))
    assert made == opengram.table_text(opengram.derive(tmp_path / "lex.bin", tmp_path / "dump.txt", conf))
    table = opengram.parse_text(made)
    listed = {w for v in table["words"].values() for w in v.split()}
    assert listed == {"今年", "以来", "已", "来", "，", "社区"}  # no "<s>", no "abc"
    assert table["words"]["16"] == "今年"  # 2 * 8.0 half-nats
    # 今年→以来: 2 * (9.0 - 3.0) = 12; 以来→，: 2 * (2.5 - 1.0) = 3; 已→来: negative, left out;
    # 社区→今年: 2 * (8.0 - 9.5) < 0, left out; of the two kept, the more frequent first
    assert table["pairs"] == {"12": "今年:以来", "3": "以来:，"}


def test_committed_table_is_what_the_debian_files_give(tmp_path):
    """Debian's sunpinyin-data and sunpinyin-utils (installed by scripts/dev.sh test) give the committed
    table byte for byte: the lexicon read from pydict_sc.bin, the model from `tslminfo -v lm_sc.t3g`."""
    data = sorted(glob.glob("/usr/lib/*/sunpinyin/data"))
    tslminfo = shutil.which("tslminfo")
    if not data or not tslminfo:
        pytest.fail("open-gram's files or tslminfo not found: apt-get install -y sunpinyin-data sunpinyin-utils")
    dump = tmp_path / "lm_sc.arpa"
    with dump.open("w", encoding="utf-8") as out:
        subprocess.run([tslminfo, "-v", str(Path(data[0]) / "lm_sc.t3g")], stdout=out, check=True)
    made = opengram.table_text(opengram.derive(Path(data[0]) / "pydict_sc.bin", dump, CONF))
    assert made == opengram.PAIRS.read_text(encoding="utf-8")
