#!/usr/bin/env bash
# Counts the instructions of one start of the widget in Node, and of ajv 8
# compiling the same scheme's exported schema, under valgrind's callgrind:
# counts, not times, so they are the same run after run on a busy machine.
# Prints Go benchmark-format lines (instructions per start, less Node's own
# start) and the ratio. Needs make widget, npm ci, and valgrind (Debian).
# STEMKN_DIST=DIR counts another build's release files (a before and after).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v valgrind >/dev/null || { echo "startwork: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
schema=$(mktemp --suffix=.json)
trap 'rm -f "$schema"' EXIT
go run ./cmd/stemkn schema --scheme stem-kn-2011 >"$schema"
count() {
	local out
	if ! out=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null node --single-threaded wasm/bench/startwork.mjs "$@" 2>&1); then
		echo "startwork: node wasm/bench/startwork.mjs $* failed (npm ci first?):" >&2
		grep -v '^==' <<<"$out" | grep -m 3 -i error >&2
		exit 1
	fi
	awk '/Collected :/ {print $4}' <<<"$out"
}
base=$(count base)
widget=$(count widget)
compile=$(count compile)
ajv=$(count ajv "$schema")
printf 'BenchmarkStartWork/widget\t1\t%d instructions\n' $((widget - base))
printf 'BenchmarkStartWork/widget-compile\t1\t%d instructions\n' $((compile - base))
printf 'BenchmarkStartWork/ajv\t1\t%d instructions\n' $((ajv - base))
awk -v w=$((widget - base)) -v a=$((ajv - base)) 'BEGIN {printf "start-up work, widget ÷ ajv: %.2f×\n", w / a}' >&2
