#!/usr/bin/env bash
# Render a .docx to PNG pages so a person can look at them: LibreOffice headless → PDF, then pdftoppm → PNG.
# Not part of `npm test` (test/report/write-docx.test.ts checks the document's structure instead).
#   scripts/docx-render.sh [file.docx] [out-dir]
# Without a file it writes the Zhengzhou 测算说明 first (cesuan write … -o out-dir/zhengzhou.docx).
# Needs: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk poppler-utils
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${2:-${TMPDIR:-/tmp}/cesuan-docx-render}"
mkdir -p "$out"
docx="${1:-}"
if [ -z "$docx" ]; then
  docx="$out/zhengzhou.docx"
  node "$root/bin/cesuan.js" write "$root/models/zhengzhou-hrss-14th.yaml" --with audit -o "$docx"
fi
command -v soffice >/dev/null || { echo "docx-render: soffice not found (apt-get install -y libreoffice-writer-nogui)" >&2; exit 2; }
command -v pdftoppm >/dev/null || { echo "docx-render: pdftoppm not found (apt-get install -y poppler-utils)" >&2; exit 2; }
name="$(basename "${docx%.docx}")"
# a private profile, so a running LibreOffice (or another render) does not block this one
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# Word's Chinese font names → the open CJK fonts, so headings (黑体) look like headings in the render too
cat > "$profile/fonts.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family><family>Noto Sans Mono CJK SC</family></prefer></alias>
  <alias binding="same"><family>仿宋</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>仿宋_GB2312</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>楷体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>方正小标宋简体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
</fontconfig>
XML
export FONTCONFIG_FILE="$profile/fonts.conf"
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$docx" >/dev/null
pdftoppm -png -r 60 "$out/$name.pdf" "$out/$name"
ls "$out/$name"*.png
