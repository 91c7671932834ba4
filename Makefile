# Developer entry points: `make demo` scans the examples, `make test` runs the whole suite.
SHELL := /bin/bash
MAKEFLAGS += --no-print-directory
PRESET ?= release
BUILD_DIR := build/$(PRESET)
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all setup configure build test test-asan fuzz demo bench package clean distclean

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

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer (the `debug` preset,
# its own build dir): any report fails the test that produced it. .ci/run runs it after `make test`.
test-asan: setup
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS)
	ctest --preset debug

# libFuzzer targets (tests/fuzz: HCL, Kubernetes YAML, plan JSON, the policy) built with clang by the
# `fuzz` preset, corpora seeded from the tests and the rules' examples, each run FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
FUZZ_JOBS ?= 1
fuzz: build
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(FUZZ_JOBS) FUZZ_EXAMPLES=./$(BUILD_DIR)/tests/residency_write_examples \
		bash tests/fuzz/run.sh build/fuzz $(FUZZ_TARGETS)

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
