#!/usr/bin/env bash
# The README's pictures of the reports opened in LibreOffice Calc: the
# hostile test inputs (tests/spreadsheet/) analyzed under hostile file names,
# each CSV imported by LibreOffice in an English (UK) locale with "detect
# special numbers" and "evaluate formulas" on, printed to PDF, and the top of
# the pages cropped to PNG in docs/. Needs LibreOffice (soffice) and
# poppler-utils (pdftoppm). Run from the repository root.
set -euo pipefail
cargo build --release --quiet
bin=$PWD/target/release/textgauge
fixtures=$PWD/tests/spreadsheet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in" docs
cp "$fixtures/articles/injection.txt" "$work/in/=1+1.txt"
cp "$fixtures/articles/unicode.txt" "$work/in/-2+3 «unicode».txt"
cp "$fixtures/articles/plain.txt" "$work/in/11-12.txt"
(cd "$work/in" && "$bin" analyze . --themes "$fixtures/themes.csv" --quiet --out "$work/all")
(cd "$work/in" && "$bin" analyze =1+1.txt --quiet --out "$work/one")
filter="CSV:44,34,76,1,,2057,false,true,false,false,false,-1,true"
profile="-env:UserInstallation=file://$work/profile"
soffice "$profile" --headless --infilter="$filter" --convert-to pdf --outdir "$work/all" "$work/all/documents.csv" >/dev/null
soffice "$profile" --headless --infilter="$filter" --convert-to pdf --outdir "$work/one" "$work/one/terms.csv" >/dev/null
crop() { # PDF, page, height, output
  pdftoppm -r 110 -png -singlefile -f "$2" -l "$2" -x 60 -y 85 -W 860 -H "$3" "$1" "docs/$4"
}
crop "$work/all/documents.pdf" 1 110 libreoffice-documents-ids
crop "$work/all/documents.pdf" 3 110 libreoffice-documents-grades
crop "$work/one/terms.pdf" 1 430 libreoffice-terms
ls -l docs/libreoffice-*.png
