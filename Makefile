# The two commands a fresh machine needs: `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# axe-core and playwright-core for the accessibility test (npm; Chromium itself is a Debian package)
A11Y := tests/a11y/node_modules/.package-lock.json

.PHONY: build test bench schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/wsoagen build plans/* -o build

$(A11Y): tests/a11y/package-lock.json
	npm ci --prefix tests/a11y --no-audit --no-fund --loglevel=error

test: $(STAMP) $(A11Y)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/run.py

schema: $(STAMP)
	$(BIN)/wsoagen schema --write schema

clean:
	rm -rf build
