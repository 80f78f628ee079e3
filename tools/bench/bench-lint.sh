#!/usr/bin/env bash
# bench-lint.sh: vaultguard lint against conftest running equivalent Rego
# over the same generated policy files, side by side in one run, plus the
# single-file latency a pre-commit hook feels. Everything is timed with
# hyperfine when it is installed (apt-get install hyperfine), else with a
# plain loop. conftest is installed into bin/ for the benchmark only.
set -euo pipefail
cd "$(dirname "$0")/../.."
GO=${GO:-go}
N=${BENCH_LINT_FILES:-5000}
DIR=${BENCH_LINT_DIR:-/tmp/vaultguard-bench/policies-$N}
CONFTEST_VERSION=${CONFTEST_VERSION:-v0.71.1}
mkdir -p bin
$GO build -o bin/vaultguard ./cmd/vaultguard
if [ ! -x bin/conftest ]; then
  echo "installing conftest $CONFTEST_VERSION into bin/ (benchmark only)"
  GOBIN="$PWD/bin" $GO install "github.com/open-policy-agent/conftest@$CONFTEST_VERSION"
fi
if [ ! -d "$DIR" ] || [ "$(ls "$DIR" | wc -l)" -ne "$N" ]; then
  rm -rf "$DIR"
  tools/bench/gen-policies.sh "$DIR" "$N"
fi
echo "== $N policy files in $DIR ($(du -sh "$DIR" | cut -f1))"
# Like for like: vaultguard with only the four rules ported to conftest
# (a config that disables the rest), and with its whole catalog.
SAME=/tmp/vaultguard-bench/same-four-rules.hcl
bin/vaultguard rules | grep -o 'VG-[A-Z]*-[0-9]*' | grep -v -E '^VG-POL-00[1-4]$|^VG-PARSE-|^VG-IGNORE-' |
  awk '{printf "rule \"%s\" {\n  enabled = false\n}\n", $1}' > "$SAME"
# Both exit non-zero because the data holds findings; the wrappers ignore that.
vg="bin/vaultguard lint --config $SAME --format json $DIR > /dev/null || true"
vgall="bin/vaultguard lint --format json $DIR > /dev/null || true"
ct="bin/conftest test --parser hcl1 --no-color --output json -p tools/bench/conftest $DIR > /dev/null || true"
one="bin/vaultguard lint --format json examples/policies/payments-api.hcl > /dev/null || true"
# Same findings: count them from both tools.
vgn=$(bin/vaultguard lint --config "$SAME" --format compact "$DIR" | wc -l || true)
ctn=$(bin/conftest test --parser hcl1 --no-color --output json -p tools/bench/conftest "$DIR" 2>/dev/null | grep -c '"msg"' || true)
echo "findings on the same four rules: vaultguard $vgn, conftest $ctn"
if command -v hyperfine > /dev/null; then
  hyperfine --warmup 2 --runs "${BENCH_RUNS:-10}" -N --export-json /tmp/vaultguard-bench/lint.json \
    -n vaultguard "bash -c '$vg'" -n conftest "bash -c '$ct'" -n "vaultguard all rules" "bash -c '$vgall'"
  hyperfine --warmup 3 --runs 30 -N -n "vaultguard one file" "bash -c '$one'"
  python3 - <<'PY'
import json
r = {x["command"]: x for x in json.load(open("/tmp/vaultguard-bench/lint.json"))["results"]}
# Medians: a shared 2-core machine has slow outliers, and the mean of a
# handful of runs moves with them.
v, c = r["vaultguard"]["median"], r["conftest"]["median"]
a = r["vaultguard all rules"]["median"]
print(f"same four rules (medians): vaultguard {v:.2f}s, conftest {c:.2f}s: vaultguard/conftest speed ratio {c / v:.2f}x; the whole catalog: vaultguard {a:.2f}s")
PY
else
  t() { local s e; s=$(date +%s%N); bash -c "$1"; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
  v=$(t "$vg"); c=$(t "$ct"); o=$(t "$one")
  echo "vaultguard ${v}ms, conftest ${c}ms (ratio $(awk "BEGIN{printf \"%.1f\", $c/$v}")x); one file ${o}ms"
fi
/usr/bin/time -f "vaultguard (four rules) peak RSS %M KiB over $N files" bash -c "$vg"
/usr/bin/time -f "vaultguard (all rules) peak RSS %M KiB over $N files" bash -c "$vgall"
/usr/bin/time -f "conftest peak RSS %M KiB over $N files" bash -c "$ct"
