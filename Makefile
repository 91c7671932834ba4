# Developer entry points: `make demo` scans the examples, `make test` runs the whole suite.
SHELL := /bin/bash
MAKEFLAGS += --no-print-directory
PRESET ?= release
BUILD_DIR := build/$(PRESET)
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all setup configure build test demo bench package clean distclean

all: build

setup:
	@bash scripts/setup.sh

# Re-running the preset on an existing build dir is incremental: it keeps the cache and downloads.
configure: setup
	@cmake --preset $(PRESET) >/dev/null

build: configure
	@cmake --build --preset $(PRESET) -j $(JOBS)

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j2

# Exit code 1 means "findings", which is the point of a demo; 2 (error) or a crash fails the target.
demo: build
	@status=0; ./$(BUILD_DIR)/residency scan examples/ || status=$$?; \
	if [ $$status -gt 1 ]; then echo "make demo: residency exited with status $$status" >&2; exit $$status; fi

# Files/s, MB/s, CPU and peak memory of residency and its peers (hcl/v2 native and as wasm, PyYAML)
# on generated corpora, and the targets of issue 11; not part of `make test`. DIR="a b" adds the .tf
# and YAML files of real directories; BENCH_ARGS=--write-doc writes docs/benchmarks.md.
bench: build
	@bash tests/bench/run.sh ./$(BUILD_DIR)/residency $(foreach d,$(DIR),--dir $(d)) $(BENCH_ARGS)

# A .deb in build/<preset>/package/ (CPack); `make test` runs its test only if it exists.
package: build
	@cd $(BUILD_DIR) && cpack -G DEB

# Keeps the configured build dir and the verified npm tarballs; distclean removes everything.
clean:
	@if [ -f $(BUILD_DIR)/Makefile ]; then cmake --build $(BUILD_DIR) --target clean; fi

distclean:
	rm -rf build
