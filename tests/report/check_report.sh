#!/usr/bin/env bash
# Opens a citenet report in headless Chromium and fails when the browser sees a problem:
# any console message of the page (the report has no script, so even a warning means
# something was run or could not be loaded), an uncaught error, or a page whose DOM lost
# sections or maps while parsing (misnested markup). Optionally takes a screenshot.
#
#   tests/report/check_report.sh report.html [screenshot.png [WIDTHxHEIGHT]]
#
# Exit status: 0 clean, 1 a problem (printed), 77 no Chromium here (skipped; CI installs it).
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 3 ]; then
  echo "usage: $0 report.html [screenshot.png [WIDTHxHEIGHT]]" >&2
  exit 2
fi
page=$(realpath "$1")
[ -f "$page" ] || { echo "check_report: $1: no such file" >&2; exit 1; }

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
if [ -z "$browser" ]; then
  echo "check_report: skipped, no chromium installed (apt-get install chromium)" >&2
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A fresh profile per run, so parallel runs do not share a lock; no network at all.
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage
       --disable-background-networking --enable-logging=stderr --v=0
       --user-data-dir="$work/profile" --no-first-run --disable-extensions)

if ! timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$page" >"$work/dom.html" 2>"$work/log.txt"; then
  echo "check_report: $browser failed on $page:" >&2
  cat "$work/log.txt" >&2
  exit 1
fi

status=0
if grep -E ':CONSOLE[:(]|Uncaught' "$work/log.txt" >"$work/console.txt"; then
  echo "check_report: the page logged to the console:" >&2
  cat "$work/console.txt" >&2
  status=1
fi

count() { { grep -o "$1" "$2" || true; } | wc -l; }
# The DOM Chromium built must keep every section and every map of the file: an HTML parser
# drops or re-parents elements when markup is misnested, an XML checker does not see that.
for tag in '<section' '<svg' '<table' '<figure'; do
  in_file=$(count "$tag" "$page")
  in_dom=$(count "$tag" "$work/dom.html")
  if [ "$in_file" != "$in_dom" ]; then
    echo "check_report: $tag: $in_file in the file, $in_dom in Chromium's DOM" >&2
    status=1
  fi
done
# Text of the input that looks like markup must have stayed text.
if grep -qiE '<(script|iframe|object|embed|link)[ >]' "$work/dom.html"; then
  echo "check_report: the DOM has an element the report never writes:" >&2
  grep -oiE '<(script|iframe|object|embed|link)[ >][^>]*' "$work/dom.html" | head -5 >&2
  status=1
fi

if [ $# -ge 2 ]; then
  size=${3:-1200x3000}
  shot=$(realpath -m "$2")
  if ! timeout 120 "$browser" "${flags[@]}" --hide-scrollbars --window-size="${size/x/,}" \
      --screenshot="$shot" "file://$page" >/dev/null 2>"$work/shot.txt" || [ ! -s "$shot" ]; then
    echo "check_report: no screenshot written:" >&2
    cat "$work/shot.txt" >&2
    status=1
  fi
fi

if [ $status -eq 0 ]; then
  echo "check_report: $1: no console messages; $(count '<section' "$page") sections, $(count '<svg' "$page") SVGs intact in $browser's DOM"
fi
exit $status
