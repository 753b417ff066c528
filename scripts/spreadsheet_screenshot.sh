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
(cd "$work/in" && "$bin" analyze . --themes "$fixtures/themes.csv" --kwic --theme-negation --quiet --out "$work/all")
(cd "$work/in" && "$bin" analyze =1+1.txt --quiet --out "$work/one")
# Grouped: two folders whose names a spreadsheet would turn into a formula
# and a date; three key terms a document, so the group rows show on page 1.
mkdir -p "$work/grouped/=2+2" "$work/grouped/3-4"
cp "$fixtures/articles/injection.txt" "$work/grouped/=2+2/=1+1.txt"
cp "$fixtures/articles/unicode.txt" "$work/grouped/=2+2/-2+3 «unicode».txt"
cp "$fixtures/articles/plain.txt" "$work/grouped/3-4/11-12.txt"
cp "$fixtures/articles/tariffs.txt" "$work/grouped/3-4/tariffs.txt"
(cd "$work/grouped" && "$bin" analyze . --group-by folder --top 3 --quiet --out "$work/grp")
filter="CSV:44,34,76,1,,2057,false,true,false,false,false,-1,true"
profile="-env:UserInstallation=file://$work/profile"
for report in documents themes kwic; do
  soffice "$profile" --headless --infilter="$filter" --convert-to pdf --outdir "$work/all" "$work/all/$report.csv" >/dev/null
done
soffice "$profile" --headless --infilter="$filter" --convert-to pdf --outdir "$work/one" "$work/one/terms.csv" >/dev/null
for report in compare keyness groups; do
  soffice "$profile" --headless --infilter="$filter" --convert-to pdf --outdir "$work/grp" "$work/grp/$report.csv" >/dev/null
done
crop() { # PDF, page, height, output
  pdftoppm -r 110 -png -singlefile -f "$2" -l "$2" -x 60 -y 85 -W 860 -H "$3" "$1" "docs/$4"
}
crop "$work/all/documents.pdf" 1 110 libreoffice-documents-ids
crop "$work/all/documents.pdf" 3 110 libreoffice-documents-grades
crop "$work/one/terms.pdf" 1 430 libreoffice-terms
crop "$work/all/themes.pdf" 1 240 libreoffice-themes
crop "$work/all/kwic.pdf" 1 240 libreoffice-kwic
crop "$work/grp/keyness.pdf" 1 320 libreoffice-keyness
crop "$work/grp/keyness.pdf" 2 320 libreoffice-keyness-p
crop "$work/grp/compare.pdf" 1 240 libreoffice-compare
crop "$work/grp/groups.pdf" 1 240 libreoffice-groups
ls -l docs/libreoffice-*.png
