# Docket: `make demo` fills every shipped example into out/; `make test` runs every test.
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/release/docket
DEBUG_BIN := .build/debug/docket

PREFIX ?= /usr/local
CONFIG ?= release

.PHONY: demo test build release bench clean setup-build setup-test install serve

setup-build:
	@bash scripts/setup.sh build

setup-test:
	@bash scripts/setup.sh test

build: setup-build
	$(SWIFT) build

release: setup-build
	$(SWIFT) build -c release --product docket

demo: release
	@bash scripts/demo.sh $(BIN)

test: setup-test
	$(SWIFT) build --build-tests
	PATH="$(CURDIR)/.venv/bin:$$PATH" DOCKET_BIN="$(CURDIR)/$(DEBUG_BIN)" $(SWIFT) test --skip-build 2>&1 | tee .build/test.log; exit $${PIPESTATUS[0]}

# The web workspace on the shipped examples (http://127.0.0.1:8080/; PORT=… to change).
serve: release
	@bash scripts/serve.sh $(BIN)

# Installs docket, its resource bundles and Templates/ + Schemas/ under $(PREFIX) (CONFIG=debug installs the debug build).
install:
	@test -x .build/$(CONFIG)/docket || $(MAKE) $(if $(filter debug,$(CONFIG)),build,release)
	@bash scripts/install.sh .build/$(CONFIG) $(PREFIX)

bench: release
	@bash scripts/setup.sh bench
	@bash scripts/bench.sh $(BIN)

clean:
	rm -rf .build out
