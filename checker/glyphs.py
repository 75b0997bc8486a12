"""Look-alike characters measured on a typeface: which characters of GB 2312 print alike.

The stroke data of vendor/char-similar/ relates characters by stroke order, four-corner code
and shared components. It misses look-alikes whose strokes are written in another order or
whose radical differs while the rest is the same (概/慨, 狐/孤, 眼/限, 冶/洽, 予/矛, 薄/簿). A
scanner (OCR) and a reader's eye confuse characters by how they print, so ``derive`` measures
that: each character of GB 2312 is drawn in Noto Serif CJK SC Regular (a Song face, as reports
are printed in 宋体 or 仿宋), 64 px, blurred (Gaussian, ``BLUR`` px), reduced to ``SIZE`` x
``SIZE`` grey levels, and every two are compared by the cosine of their bitmaps. The dot
products of whole grey levels are exact in float64 (each under 2**53), so the table is the same
on any machine with the same font file and Pillow. A pair is kept where one of the two is among
the other's ``NEAREST`` most alike with a cosine of ``FLOOR`` or more, and at least one of the
two is of the 3,755 common characters.

``python scripts/guide.py derive-glyph-pairs`` writes the table to vendor/glyph-alike/pairs.tsv
(``--check`` compares); checker/lexicon.py ``shape_alike`` adds its pairs to those of the stroke
data, and ``twins_fn`` takes those from a cosine of ``PRINTED_TWIN`` for near-identical twins. The font file is Debian's ``fonts-noto-cjk`` (SIL Open Font License 1.1); the table holds
measurements of it, no glyph.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

PAIRS = Path(__file__).with_name("vendor") / "glyph-alike" / "pairs.tsv"
COMMAND = "python scripts/guide.py derive-glyph-pairs"
FONT = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
FONT_FACE = "Noto Serif CJK SC"
FONT_SHA256 = "a04178ec485dffdff7cc0c0c20e1fce9202d7e2160d805e8e44a4c8841c58481"  # fonts-noto-cjk 1:20220127+repack1-1
FONT_PACKAGE = "fonts-noto-cjk 1:20220127+repack1-1 (Debian)"
DRAW = 64  # px: the size each character is drawn at, in a square of DRAW + 8
BLUR = 1.5  # px: the Gaussian blur before the reduction, so a stroke moved by a pixel still overlaps
SIZE = 32  # the side of the reduced bitmap compared
NEAREST = 3  # a pair: one of the other's NEAREST most alike ...
FLOOR = 0.85  # ... with a cosine of FLOOR or more
LEVEL1 = 3755  # the common characters of GB 2312 (checker/lexicon.py LEVEL1)


class FontMissing(RuntimeError):
    """The font the table is measured on is not here, or is another version."""


def font_problem(path: Path = FONT) -> str | None:
    """Why the table cannot be measured here (no font, another version), or None."""
    if not path.is_file():
        return f"{path} is missing: install Debian's fonts-noto-cjk ({FONT_PACKAGE})"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != FONT_SHA256:
        return (f"{path} is another version (sha256 {digest[:16]}, the table was measured on "
                f"{FONT_SHA256[:16]}, {FONT_PACKAGE}): measure again and update FONT_SHA256 and FONT_PACKAGE")
    return None


def bitmaps(chars: list[str], path: Path = FONT):
    """One row of SIZE * SIZE grey levels (0-255, float64) per character."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    font = None
    for index in range(16):
        face = ImageFont.truetype(str(path), DRAW, index=index)
        if face.getname()[0] == FONT_FACE:
            font = face
            break
    if font is None:
        raise FontMissing(f"{path} has no face {FONT_FACE!r}")
    rows = np.zeros((len(chars), SIZE * SIZE), dtype=np.float64)
    for k, ch in enumerate(chars):
        image = Image.new("L", (DRAW + 8, DRAW + 8), 0)
        ImageDraw.Draw(image).text((4, -6), ch, font=font, fill=255)
        image = image.filter(ImageFilter.GaussianBlur(BLUR)).resize((SIZE, SIZE), Image.BOX)
        rows[k] = np.asarray(image, dtype=np.float64).ravel()
    return rows


def nearest_pairs(chars: list[str], rows, common: int = LEVEL1) -> dict[tuple[str, str], float]:
    """(a, b) in the order of ``chars`` -> cosine, for the pairs kept (``NEAREST``, ``FLOOR``,
    one of the first ``common`` characters in each)."""
    import numpy as np

    norms = np.sqrt(np.einsum("ij,ij->i", rows, rows))
    norms[norms == 0] = 1.0
    kept: dict[tuple[int, int], float] = {}
    for start in range(0, len(chars), 512):
        block = rows[start:start + 512] @ rows.T  # whole numbers, exact
        cos = block / norms[start:start + 512, None] / norms[None, :]
        for r in range(cos.shape[0]):
            a = start + r
            cos[r, a] = -1.0
            order = np.argsort(-cos[r], kind="stable")[:NEAREST]
            for b in order:
                b = int(b)
                if cos[r, b] < FLOOR or (a >= common and b >= common):
                    continue
                key = (a, b) if a < b else (b, a)
                kept[key] = max(kept.get(key, 0.0), float(cos[r, b]))
    return {(chars[a], chars[b]): c for (a, b), c in sorted(kept.items())}


def derive(chars: list[str], path: Path = FONT) -> str:
    """The table as committed: a header naming the font and the settings, then ``a<TAB>b<TAB>cosine``."""
    problem = font_problem(path)
    if problem:
        raise FontMissing(problem)
    pairs = nearest_pairs(chars, bitmaps(chars, path))
    head = [f"# Look-alike characters measured on {FONT_FACE} Regular, {FONT_PACKAGE}, sha256 {FONT_SHA256}.",
            (f"# Made by checker/glyphs.py ({COMMAND}): drawn at {DRAW} px, blurred {BLUR} px, reduced to "
             f"{SIZE} x {SIZE}; a pair where one is among the other's {NEAREST} most alike, cosine >= {FLOOR}."),
            "# character, character, cosine of their bitmaps"]
    return "\n".join(head + [f"{a}\t{b}\t{c:.3f}" for (a, b), c in pairs.items()]) + "\n"


def read_pairs(path: Path = PAIRS, floor: float = 0.0) -> list[tuple[str, str]]:
    """The committed pairs whose cosine is ``floor`` or more; a malformed line stops with the file
    and line named."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        try:
            cosine = float(parts[2]) if len(parts) == 3 and len(parts[0]) == 1 and len(parts[1]) == 1 else None
        except ValueError:
            cosine = None
        if cosine is None:
            raise ValueError(f"{path}:{number}: expected 'character<TAB>character<TAB>cosine', got {line!r}; "
                             f"make the table again with {COMMAND}")
        if cosine >= floor:
            out.append((parts[0], parts[1]))
    return out
