# Set-up is part of both sacred commands: a fresh machine needs only Python.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test data velden bench browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml hatch_build.py $(shell find src data/parsed -type f 2>/dev/null)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[test]"
	touch $(STAMP)

## make run: the main job on the bundled data (diff of the two profiles)
run: $(STAMP)
	$(BIN)/kwaldossier diff binnendienst buitendienst; test $$? -le 1

## make test: ruff, mypy and the whole suite (installs headless Chromium for the HTML report test if it can)
test: $(STAMP) browser
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

browser:
	@bash scripts/install-browser.sh

## make data: regenerate data/parsed/ from data/raw/ (a test checks they agree)
data: $(STAMP)
	$(BIN)/kwaldossier parse data/raw/*.txt --out data/parsed

## make velden: regenerate model/velden.py, the field table derived from the models (a test checks it)
velden: $(STAMP)
	PYTHONPATH=src $(BIN)/python -m kwaldossier.model.afleiden > src/kwaldossier/model/velden.py.tmp
	mv src/kwaldossier/model/velden.py.tmp src/kwaldossier/model/velden.py

bench: $(STAMP)
	$(BIN)/python bench/bench_show.py
	$(BIN)/python bench/bench_speed.py

clean:
	rm -rf $(VENV) build dist
