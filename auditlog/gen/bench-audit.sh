#!/usr/bin/env bash
# bench-audit: vaultguard's audit analyzer against jq and grep on the same
# generated log (realistic Vault 1.21 line shapes, see auditlog/gen).
#
#   make bench-audit                          # 1 GiB log + 10 GiB stdin stream
#   make bench-audit BENCH_AUDIT_MB=256 BENCH_AUDIT_STREAM_MB=0
#
# Variables: BENCH_AUDIT_MB (log size, default 1024), BENCH_AUDIT_STREAM_MB
# (size streamed through stdin to check that memory stays flat, default
# 10240, 0 skips), BENCH_AUDIT_DIR (default /tmp/vaultguard-bench; the log is
# generated there and reused, never committed), VAULTGUARD (a prebuilt
# binary instead of building ./cmd/vaultguard). Installs nothing: it checks
# for jq, grep and GNU time and says what is missing.
set -euo pipefail

SIZE_MB=${BENCH_AUDIT_MB:-1024}
STREAM_MB=${BENCH_AUDIT_STREAM_MB:-10240}
DIR=${BENCH_AUDIT_DIR:-/tmp/vaultguard-bench}
GO=${GO:-go}
TARGET_API=kv/data/payments/stripe
TARGET=kv/payments/stripe

missing=()
command -v jq >/dev/null || missing+=(jq)
command -v grep >/dev/null || missing+=(grep)
[ -x /usr/bin/time ] || missing+=("time (GNU time at /usr/bin/time)")
if [ ${#missing[@]} -gt 0 ]; then
	echo "bench-audit: missing: ${missing[*]}" >&2
	echo "bench-audit: install them yourself, e.g. sudo apt-get install -y jq time" >&2
	exit 1
fi

mkdir -p "$DIR"
echo "== building the log generator${VAULTGUARD:+, using vaultguard at $VAULTGUARD}"
$GO build -o "$DIR/auditgen" ./auditlog/gen/auditgen
if [ -z "${VAULTGUARD:-}" ]; then
	$GO build -o "$DIR/vaultguard" ./cmd/vaultguard
	VAULTGUARD="$DIR/vaultguard"
fi
VG="$VAULTGUARD"
LOG="$DIR/audit-${SIZE_MB}m.log"
if [ ! -s "$LOG" ] || [ "$(stat -c %s "$LOG")" -lt $((SIZE_MB * 1048576)) ]; then
	echo "== generating $LOG"
	"$DIR/auditgen" -size "${SIZE_MB}MiB" >"$LOG"
fi
BYTES=$(stat -c %s "$LOG")
echo "== warming the page cache ($((BYTES / 1048576)) MiB)"
cat "$LOG" >/dev/null

results=()
# run NAME CMD...: runs CMD under GNU time with stdout to a file, records
# seconds, MB/s and peak RSS.
run() {
	local name=$1
	shift
	/usr/bin/time -f '%e %M %U %S' -o "$DIR/time.txt" "$@" >"$DIR/out-$name.txt"
	read -r secs rss usr sys <"$DIR/time.txt"
	local mbs cpu
	cpu=$(awk -v u="$usr" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
	mbs=$(awk -v b="$BYTES" -v s="$secs" 'BEGIN { if (s == 0) s = 0.01; printf "%.0f", b / 1048576 / s }')
	results+=("$(printf '%-22s %8.2f s wall %8.2f s cpu %7s MB/s %8.1f MiB' "$name" "$secs" "$cpu" "$mbs" "$(awk -v k="$rss" 'BEGIN{printf "%.1f", k/1024}')")")
	eval "secs_${name//-/_}=$secs; cpu_${name//-/_}=$cpu"
	echo "   $name: ${secs}s wall, ${cpu}s cpu, $mbs MB/s, peak RSS $((rss / 1024)) MiB, output $(wc -l <"$DIR/out-$name.txt") line(s)"
}

echo "== who-read $TARGET (side by side on $LOG)"
echo "   grep:       grep -c -F '$TARGET_API' LOG"
echo "   vaultguard: vaultguard audit who-read $TARGET LOG --format ndjson -q"
echo "   jq:         jq -c 'select(.type==\"response\" and .request.path==\"$TARGET_API\")' LOG"
run grep-c grep -c -F "$TARGET_API" "$LOG"
run vaultguard-who-read "$VG" audit who-read "$TARGET" "$LOG" --format ndjson -q
run jq-select jq -c "select(.type==\"response\" and .request.path==\"$TARGET_API\")" "$LOG"

JQ_REPORT='reduce inputs as $e ({}; if $e.type == "response" then
  .paths[$e.request.path] += 1 | .who[$e.auth.display_name // "-"] += 1 |
  .from[($e.auth.display_name // "-") + " " + ($e.request.remote_address // "-")] += 1 |
  .mounts[($e.request.mount_point // "-") + " " + ($e.request.operation // "-")] += 1 |
  (if ($e.error // "") | test("permission denied") then .denied[$e.request.path] += 1 else . end)
  else . end)
  | map_values(to_entries | sort_by(-.value) | .[:10])'
echo "== report (top paths, identities, sources, mounts, denials)"
echo "   vaultguard: vaultguard audit report LOG --format json -q"
echo "   jq:         jq -n '$(echo "$JQ_REPORT" | tr -s ' \n' ' ')' LOG"
run vaultguard-report "$VG" audit report "$LOG" --format json -q
run jq-report jq -n "$JQ_REPORT" "$LOG"

if [ "$STREAM_MB" -gt 0 ]; then
	echo "== memory on a ${STREAM_MB} MiB stream through stdin (auditgen | vaultguard audit who-read $TARGET)"
	/usr/bin/time -f '%e %M' -o "$DIR/time.txt" sh -c "'$DIR/auditgen' -size ${STREAM_MB}MiB 2>/dev/null | '$VG' audit who-read '$TARGET' --format ndjson -q >'$DIR/out-stream.txt'"
	read -r ssecs _ <"$DIR/time.txt"
	# GNU time reports the largest child; measure vaultguard alone with a
	# second run that wraps only it.
	/usr/bin/time -f '%e %M' -o "$DIR/time-vg.txt" "$VG" audit who-read "$TARGET" --format ndjson -q \
		< <("$DIR/auditgen" -size "${STREAM_MB}MiB" 2>/dev/null) >"$DIR/out-stream.txt"
	read -r _ srss <"$DIR/time-vg.txt"
	echo "   ${STREAM_MB} MiB streamed in ${ssecs}s (generator-bound); vaultguard peak RSS $((srss / 1024)) MiB; $(wc -l <"$DIR/out-stream.txt") record(s)"
	results+=("$(printf '%-22s %8.2f s %8s      %8.1f MiB' "stream-${STREAM_MB}MiB" "$ssecs" "-" "$(awk -v k="$srss" 'BEGIN{printf "%.1f", k/1024}')")")
fi

echo
echo "== results on $((BYTES / 1048576)) MiB ($(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%s\n' "${results[@]}"
echo "(wall-clock ratios; CPU-time ratios in brackets are less sensitive to other load on the machine)"
awk -v g="$secs_grep_c" -v v="$secs_vaultguard_who_read" -v j="$secs_jq_select" -v r="$secs_vaultguard_report" -v jr="$secs_jq_report" \
	-v gc="$cpu_grep_c" -v vc="$cpu_vaultguard_who_read" -v jc="$cpu_jq_select" -v rc="$cpu_vaultguard_report" -v jrc="$cpu_jq_report" 'BEGIN {
	printf "who-read vs jq:   %.1fx faster [cpu %.1fx] (target >= 20x)\n", j / v, jc / vc
	printf "who-read vs grep: %.2fx grep -c speed [cpu %.2fx] (target >= 0.5x)\n", g / v, gc / vc
	printf "report vs jq:     %.1fx faster [cpu %.1fx] (target >= 10x)\n", jr / r, jrc / rc
}'
