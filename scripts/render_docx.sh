#!/bin/sh
# Render generated .docx files to PDF and PNG pages to look at them.
# Not run in CI. Usage: scripts/render_docx.sh OUTDIR FILE.docx [FILE.docx ...]
#
# The GB/T 9704 fonts (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体, 黑体) are
# usually not installed on a Linux build machine; without them LibreOffice
# falls back to a Latin font plus glyph fallback and the character grid looks
# wrong. A private fontconfig file maps them to the Noto CJK fonts, which have
# the same full-width metrics, so line and character counts are meaningful.
set -eu
out=$1; shift
mkdir -p "$out"
conf="$out/fonts.conf"
cat > "$conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern"><test name="family"><string>仿宋_GB2312</string></test><edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit></match>
  <match target="pattern"><test name="family"><string>仿宋</string></test><edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit></match>
  <match target="pattern"><test name="family"><string>楷体_GB2312</string></test><edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit></match>
  <match target="pattern"><test name="family"><string>楷体</string></test><edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit></match>
  <match target="pattern"><test name="family"><string>方正小标宋简体</string></test><edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit></match>
  <match target="pattern"><test name="family"><string>宋体</string></test><edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit></match>
  <match target="pattern"><test name="family"><string>黑体</string></test><edit name="family" mode="assign" binding="strong"><string>Noto Sans CJK SC</string></edit></match>
</fontconfig>
XML
export FONTCONFIG_FILE="$conf"
profile="$out/lo-profile"
for f in "$@"; do
  libreoffice -env:UserInstallation="file://$(realpath "$out")/lo-profile" \
    --headless --convert-to pdf --outdir "$out" "$f" >/dev/null 2>&1
  base=$(basename "$f" .docx)
  pdftoppm -png -r 80 "$out/$base.pdf" "$out/$base"
  echo "$out/$base.pdf: $(pdfinfo "$out/$base.pdf" | awk '/^Pages/ {print $2}') pages"
done
