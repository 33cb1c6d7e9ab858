#!/usr/bin/env bash
# Runs every benchmark of stemkn and writes BENCHMARKS.md and its plot.
#
#   .ci/bench.sh          full run: -count=5, medians, BENCHMARKS.md (make bench)
#   .ci/bench.sh smoke    each benchmark once, briefly, so none can rot (make bench-smoke);
#                         writes bench/out/BENCHMARKS.smoke.md, leaves BENCHMARKS.md alone
#
# Raw outputs, all in Go's benchmark format, go to bench/out/*.txt:
# go.txt (go test -bench), ajv.txt (the Node peer), bulk.txt (the stemkn
# command on NDJSON), process.txt (whole processes on one core: stemkn, ajv,
# santhosh), wasm.txt (the widget's size), browser.txt (Chromium: the
# widget's page against an ajv page, and the demo), calls.txt (the
# widget's calls into Go in Node, wasm/bench/calls.mjs), startwork.txt (one
# start's instructions in Node under callgrind, the widget against ajv).
# Needs: go, node with `npm ci` done, brotli, chromium and valgrind from Debian
# (installed here when missing, as `make deps` does for chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-full}
out=bench/out
mkdir -p "$out"
rm -f "$out"/*.txt

case "$mode" in
full)
	count=5 benchtime=1s docs=1,100,10000,100000 calls=2000 keys=2000 process=10000 ;;
smoke)
	count=1 benchtime=1x docs=1,100 calls=20 keys=20 process=100 ;;
*)
	echo "usage: $0 [full|smoke]" >&2
	exit 2 ;;
esac

need() {
	if ! command -v "$1" >/dev/null; then
		sudo=
		[ "$(id -u)" -ne 0 ] && sudo=sudo
		$sudo apt-get update -qq && $sudo apt-get install -y -qq "$2" >/dev/null
	fi
}
need brotli brotli
need chromium chromium
[ -d node_modules/ajv ] && [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund

{
	echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
	echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
	echo "nproc: $(nproc)"
	echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
	echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
	echo "kernel: $(uname -sr)"
	echo "go: $(go version | cut -d' ' -f3-)"
	echo "node: $(node --version)"
	echo "chromium: $(chromium --version 2>/dev/null | head -1)"
	echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$out/machine.txt"

echo "== go test -bench (one core; the parallel benchmark on every core)" >&2
go test -run '^$' -bench . -skip ValidateParallel -benchmem -count="$count" -benchtime="$benchtime" -cpu 1 -timeout 60m ./stemkn/ | tee "$out/go.txt" >&2
go test -run '^$' -bench 'ValidateParallel' -benchmem -count="$count" -benchtime="$benchtime" -cpu "$(nproc)" ./stemkn/ | tee "$out/go-parallel.txt" >&2
if [ "$mode" = smoke ]; then
	# Every other package's benchmarks too (such as the command's), once.
	go test -run '^$' -bench . -benchtime=1x $(go list ./... | grep -v '/stemkn/stemkn$') >&2
fi

echo "== ajv in Node" >&2
go run ./stemkn/internal/benchreport inputs "$out"
node stemkn/testdata/bench/ajv-bench.mjs "$out/inputs.json" -count="$count" -benchtime="$benchtime" | tee "$out/ajv.txt" >&2

echo "== stemkn validate on NDJSON" >&2
go build -o "$out/stemkn" ./cmd/stemkn
go run ./stemkn/internal/benchreport bulk -bin "$out/stemkn" -dir "$out" -count "$count" -docs "$docs" | tee "$out/bulk.txt" >&2

echo "== whole process on one core: stemkn, ajv, santhosh on the same NDJSON" >&2
go build -o "$out/benchreport" ./stemkn/internal/benchreport
"$out/benchreport" process -bin "$out/stemkn" -self "$out/benchreport" -dir "$out" -count "$count" -docs "$process" | tee "$out/process.txt" >&2

echo "== the widget: size and Chromium timings" >&2
make --no-print-directory widget >&2
wasm=wasm/dist/stemkn.wasm
printf 'BenchmarkWASMSize\t1\t%d raw-bytes\t%d gzip-bytes\t%d brotli-bytes\n' \
	"$(stat -c %s "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)" "$(brotli -q 11 -c "$wasm" | wc -c)" | tee "$out/wasm.txt" >&2
go build -o "$out/demo" ./examples/demo
node wasm/bench/timing.mjs -count="$count" -calls="$calls" -keys="$keys" -demo="$out/demo" | tee "$out/browser.txt" >&2

echo "== the widget's calls into Go, in Node" >&2
for _ in $(seq "$count"); do
	node wasm/bench/calls.mjs -calls="$calls" -warm="$calls"
done | tee "$out/calls.txt" >&2

echo "== start-up work, counted: the widget and ajv in Node under callgrind" >&2
need valgrind valgrind
wasm/bench/startwork.sh | tee "$out/startwork.txt" >&2

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"

if [ "$mode" = full ]; then
	go run ./stemkn/internal/benchreport report -in "$out" -out BENCHMARKS.md -plot docs/benchmarks-scaling.png
	echo "wrote BENCHMARKS.md and docs/benchmarks-scaling.png" >&2
else
	go run ./stemkn/internal/benchreport report -in "$out" -out "$out/BENCHMARKS.smoke.md" -plot "$out/scaling.smoke.png"
	echo "bench-smoke: every benchmark ran once" >&2
fi
