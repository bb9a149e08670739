#!/usr/bin/env bash
# Do two careerpress binaries make the same bytes? Builds the bundled project,
# the tests' own project (with mail) and a synthetic corpus of 40 jobs × 4
# trusts with each binary, into separate folders, and compares every file.
#   scripts/same-output.sh OLD_BINARY NEW_BINARY
# Exit 0 when every document is the same, 1 (naming the files) when not.
set -euo pipefail
old=$(realpath "$1"); new=$(realpath "$2")
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/fixture"
cp -r "$repo/tests/fixtures/content" "$repo/tests/fixtures/templates" "$work/fixture/"
cp -r "$repo/templates/fonts" "$work/fixture/templates/"
(cd "$repo" && cargo run -q --release --example make-corpus -- "$work/corpus" 40 4)
status=0
for project in "$repo" "$work/fixture" "$work/corpus"; do
  for bin in old new; do
    b=$old; [ $bin = new ] && b=$new
    out="$work/out-$bin/$(basename "$project")"
    env -u SOURCE_DATE_EPOCH "$b" --project "$project" build --quiet --force --out "$out" >/dev/null || true
    if [ -f "$project/content/recipients.example.csv" ]; then
      SOURCE_DATE_EPOCH=1733011200 "$b" --project "$project" mail "$project/content/recipients.example.csv" \
        --attach pdf --out "$out" --quiet >/dev/null || true
    fi
  done
  a="$work/out-old/$(basename "$project")"; b="$work/out-new/$(basename "$project")"
  if ! diff -r -q -x '.careerpress*' "$a" "$b"; then status=1; fi
  echo "$(basename "$project"): $(find "$a" -type f -not -name '.careerpress*' | wc -l) files compared"
done
[ $status = 0 ] && echo "same bytes" || echo "DIFFERENT (files named above)"
exit $status
