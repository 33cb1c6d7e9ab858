# stemkn: build, demo and test.

GO       ?= go
FUZZTIME ?= 5s

.PHONY: fuzz-short

# Every fuzz target in the module for $(FUZZTIME) each, one at a time (CI).
# Targets are found with `go test -list`, so a new one is run without
# editing this file. Inputs a target fails on are saved under its package's
# testdata/fuzz/ and run by every `go test` after. README: "Bad input and
# limits" has the command for a long run of one target.
fuzz-short:
	@set -e; for pkg in $$($(GO) list ./...); do \
		for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
			echo "fuzz $$pkg $$target for $(FUZZTIME)"; \
			$(GO) test $$pkg -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) -parallel 1; \
		done; \
	done
