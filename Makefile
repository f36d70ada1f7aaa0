# Two set-up commands (README.md): `make brief` writes the seed brief, `make test` runs the tests.
# Both create .venv with Python 3.11+ and install what they need, system libraries included.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATE ?= 2024-12-03
# WeasyPrint draws text with Pango; most desktops have it, minimal servers do not.
SYSTEM_LIBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: brief test system venv bench reference clean

brief: venv
	$(BIN)/briefing generate --date $(DATE)

test: venv
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/ruff check briefing tests bench tools
	$(BIN)/pytest -q

system:
	@if ! ldconfig -p | grep -q 'libpangoft2-1.0.so' || ! ldconfig -p | grep -q 'libharfbuzz-subset.so'; then \
		echo "Installing Pango for WeasyPrint (apt-get)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $(SYSTEM_LIBS); \
	fi

venv: system $(BIN)/briefing

$(BIN)/briefing: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@touch $@

bench: venv
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run_all.py

reference: venv
	$(BIN)/python tools/make_reference_docx.py

clean:
	rm -rf $(VENV) output/*.pdf output/*.docx output/*.html
