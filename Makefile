# stemkn: build, demo and test. `make demo` runs the demo site;
# `make test` runs every test, installing what it needs first.

GO      ?= go
GOROOT  := $(shell $(GO) env GOROOT)
WASMLIB := $(GOROOT)/lib/wasm
DIST    := wasm/dist

FUZZTIME ?= 10s

# WASMFLAGS build the release module: no symbol table or DWARF (-s -w), and
# no inlining (-l, every package). Inlining copies callees into callers,
# and in WebAssembly V8 compiles each hot Go function again with its
# optimising tier while the page starts and takes its first calls; with
# the copies gone the module is 11% smaller in brotli, one start in Node
# takes 28% fewer instructions and a cold start in Chromium is ready
# sooner, for calls 20–30% slower in steady state (BENCHMARKS.md).
# stemkn/widget_agreement_test.go builds the module it compares with the
# same flags.
WASMFLAGS := -trimpath -gcflags=all=-l -ldflags="-s -w"

.PHONY: widget demo test test-go test-wasm test-browser deps lint bench bench-smoke fuzz-short

STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2

# The widget's release files, and nothing else (the folder is made afresh,
# so no file of an older build is served or packed): the WebAssembly module
# built with WASMFLAGS and its data section packed into a few segments
# (wasm/packdata.mjs), the ES module (wasm/src's modules as one, by
# esbuild: wasm/bundle.mjs), each with brotli and gzip copies (Node's
# zlib), the stylesheet, Go's wasm_exec.js and the types.
widget: node_modules/.package-lock.json
	rm -rf $(DIST)
	mkdir -p $(DIST)
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o $(DIST)/stemkn.wasm ./wasm
	node wasm/packdata.mjs $(DIST)/stemkn.wasm
	node wasm/bundle.mjs $(DIST)/stemkn.js
	node wasm/compress.mjs $(DIST)/stemkn.wasm $(DIST)/stemkn.js
	cp wasm/src/stemkn.css $(DIST)/
	cp $(WASMLIB)/wasm_exec.js $(DIST)/wasm_exec.js
	cp wasm/stemkn.d.ts $(DIST)/stemkn.d.ts
	cp LICENSE $(DIST)/LICENSE

# The demo site on http://127.0.0.1:8080 (go run ./examples/demo -addr … for another address).
# Its pages load govuk-frontend from node_modules, which widget installs when missing.
demo: widget
	$(GO) run ./examples/demo

# npm writes node_modules/.package-lock.json on every install.
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

# Everything: Node packages and Chromium when missing, the Go tests, the
# library's tests compiled to WebAssembly and run in Node, then the widget
# in a real headless Chromium.
test: deps test-go test-wasm widget test-browser

# Debian's chromium (the browser tests) and python3-jsonschema (the schema
# agreement tests judge the exported schema with Python's jsonschema), each
# installed only when missing.
deps:
	npm ci --no-audit --no-fund
	@if [ ! -x /usr/bin/chromium ]; then \
		SUDO=; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
		$$SUDO apt-get update && $$SUDO apt-get install -y chromium; \
	fi
	@if ! python3 -c 'import jsonschema' 2>/dev/null; then \
		SUDO=; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
		$$SUDO apt-get update && $$SUDO apt-get install -y python3-jsonschema; \
	fi

# The full Go suite: STEMKN_FULL=1 adds the large generated corpora (5,000
# documents per scheme) and every test that drives Node (the WebAssembly
# builds, the widget's module, ajv, ECMAScript patterns) or Python (the
# exported schema judged by Python's jsonschema). A plain
# `go test ./...` is the fast inner loop without them (about half a minute).
# The stemkn package's full run takes about ten minutes on 2 cores, go
# test's default timeout, hence a longer one.
test-go:
	STEMKN_FULL=1 $(GO) test -timeout 30m ./...

# gofmt, go vet and staticcheck must all be clean (CI runs this too).
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

# Go ≥ 1.24 runs js/wasm tests through go_js_wasm_exec in $(GOROOT)/lib/wasm.
test-wasm:
	PATH="$(WASMLIB):$$PATH" GOOS=js GOARCH=wasm $(GO) test ./budget/ ./eligibility/ ./stemkn/ ./stemkn/internal/document/ ./internal/jsonscan/ ./internal/jsonreflect/ ./wasm/

test-browser:
	node --test --test-concurrency=1 wasm/test/*.test.mjs

# Every benchmark and timing harness, medians of 5 runs, against the peers
# in the same run: writes BENCHMARKS.md and docs/benchmarks-scaling.png
# (about 10 minutes; take numbers on a quiet machine). See BENCHMARKS.md.
bench:
	.ci/bench.sh

# Every benchmark and harness of `make bench` once, briefly, so none rots
# (Go benchmarks of every package with -benchtime=1x, ajv, the command on
# NDJSON, the widget in Chromium); the report goes to bench/out.
bench-smoke:
	.ci/bench.sh smoke

# Each fuzz target for $(FUZZTIME) (go test fuzzes one target at a time).
fuzz-short:
	@for file in $$(grep -rl --include='*_test.go' '^func Fuzz' .); do \
		dir=$$(dirname $$file); \
		for name in $$(grep -o '^func Fuzz[A-Za-z0-9_]*' $$file | cut -d' ' -f2); do \
			echo "fuzz $$dir $$name"; \
			$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $$dir/ || exit 1; \
		done; \
	done
