# German Reader — the two commands a new machine needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUNTIME := $(VENV)/.installed-runtime
DEV := $(VENV)/.installed-dev
DING := /usr/share/trans/de-en
# Ding's list downloaded from Debian's package where it is not installed (build_spec/fetch_ding.py)
FETCHED_DING := build/ding/de-en

.PHONY: run install test lint typecheck pytest bench bench-package package dictionary \
	offline-dictionary clean

run: $(RUNTIME)
	$(PY) -m reader

install: $(RUNTIME)

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(RUNTIME): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@# An editable install is not byte-compiled as an installed package is: compile it once, so
	@# that a fresh `reader analyze` does not compile its modules at every start.
	$(PY) -m compileall -q reader
	@# Build simplemma's German word forms into their trie now (~3 s), not at the first start.
	$(PY) -c "from reader.language.lexicon import german_forms; german_forms().get('Haus')"
	@# And wordfreq's German list in its compact form (~2 s), which loads in milliseconds.
	$(PY) -c "from reader.readability import prepare; prepare()"
	@# The offline dictionary and the glossary's dictionary layer, from Ding's list: the installed
	@# one (Debian: apt-get install trans-de-en), else one downloaded from Debian's package. Offline
	@# and without the package, the app and the curated glossary work without it.
	@$(MAKE) --no-print-directory offline-dictionary || echo "note: no offline dictionary for now"
	touch $@

$(DEV): $(RUNTIME)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

test: lint typecheck pytest

lint: $(DEV)
	$(PY) -m ruff check reader tests build_spec
	$(PY) -m ruff format --check reader tests build_spec

typecheck: $(DEV)
	$(PY) -m mypy

pytest: $(DEV)
	$(PY) -m pytest

bench: $(DEV)
	$(PY) -m tests.benchmarks

package: $(DEV)
	$(PY) build_spec/build.py

bench-package: $(DEV)
	xvfb-run -a $(PY) -m tests.benchmarks.package_startup

dictionary: $(RUNTIME)
	@$(MAKE) --no-print-directory offline-dictionary

# (without the installation as a prerequisite: the installation runs it)
offline-dictionary:
	@if [ -f $(DING) ]; then $(PY) -m reader.dictionary.build $(DING); \
	else $(PY) build_spec/fetch_ding.py $(FETCHED_DING) && \
	$(PY) -m reader.dictionary.build $(FETCHED_DING); fi

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
