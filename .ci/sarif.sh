#!/usr/bin/env bash
# Validates copydesk's SARIF output with Microsoft's SARIF Multitool.
#
# Installs @microsoft/sarif-multitool from npm into a local prefix (never
# globally), builds the release binary if needed, writes SARIF logs for the
# example drafts (and for the test fixtures, which include an unreadable
# file), and fails when the validator reports any error or warning. Notes
# (style suggestions such as "consider message arguments") are printed but
# do not fail.
set -euo pipefail
cd "$(dirname "$0")/.."

MULTITOOL_VERSION="5.7.0"
PREFIX="${SARIF_MULTITOOL_PREFIX:-target/sarif-multitool}"
OUT="target/sarif"
BIN="target/release/copydesk"

mkdir -p "$PREFIX" "$OUT"
installed="$PREFIX/node_modules/@microsoft/sarif-multitool/package.json"
if ! [ -f "$installed" ] || ! grep -q "\"version\": \"$MULTITOOL_VERSION\"" "$installed"; then
  echo "== installing @microsoft/sarif-multitool@$MULTITOOL_VERSION into $PREFIX"
  npm install --prefix "$PREFIX" --no-audit --no-fund --no-save --loglevel=error \
    "@microsoft/sarif-multitool@$MULTITOOL_VERSION"
fi
# The wrapper package resolves the native tool for this platform. Call it
# directly: the wrapper's shell would split the `;`-separated options.
TOOL="$(cd "$PREFIX" && node -p "require('@microsoft/sarif-multitool')")"
chmod u+x "$TOOL" # its postinstall (the same chmod) may be skipped by npm
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

if ! [ -x "$BIN" ] || [ -n "$(find src Cargo.toml -newer "$BIN" -print -quit)" ]; then
  cargo build --release
fi

status=0
validate() { # name, then copydesk arguments
  local name="$1"
  shift
  local log="$OUT/$name.sarif" report="$OUT/$name.validation.sarif"
  # Exit status 1 (findings) and 2 (unreadable input) still produce a log.
  "$BIN" check --format sarif "$@" >"$log" || [ $? -le 2 ]
  rm -f "$report"
  "$TOOL" validate --level "Error;Warning;Note" -o "$report" "$log" >"$OUT/$name.validation.txt" 2>&1 || {
    cat "$OUT/$name.validation.txt"
    echo "sarif: the validator failed to run on $log" >&2
    status=1
    return
  }
  # The validator exits 0 even when it finds errors: read its own SARIF log.
  if ! node - "$report" "$log" <<'JS'; then status=1; fi
const [report, log] = process.argv.slice(2);
const fs = require("fs");
const read = (f) => JSON.parse(fs.readFileSync(f, "utf8").replace(/^\uFEFF/, ""));
const results = read(report).runs.flatMap((r) => r.results || []);
const text = (r) => (r.message.text || (r.message.arguments || []).join(" "));
let bad = 0;
for (const r of results) {
  const level = r.level || "warning";
  if (level === "error" || level === "warning") bad++;
  console.log(`${log}: ${level} ${r.ruleId}: ${text(r)}`);
}
const n = read(log).runs[0].results.length;
console.log(`${log}: ${n} results; validator: ${bad} errors or warnings, ${results.length - bad} notes`);
process.exit(bad ? 1 : 0);
JS
}

validate examples examples/
validate fixtures tests/fixtures/

if [ "$status" -ne 0 ]; then
  echo "sarif: FAILED (see $OUT)" >&2
else
  echo "sarif: valid"
fi
exit "$status"
