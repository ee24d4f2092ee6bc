# Estimate Desk: `make run` opens the dashboard, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test test-fast setup setup-dev browser build bench bench-dask bench-scale evaluate clean

run: setup
	$(BIN)/python -m analysis.build
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true

test: setup-dev browser
	$(BIN)/python -m pytest

# Everything but the browser and kill tests, without Chromium: the loop while working.
test-fast: setup-dev
	$(BIN)/python -m pytest -m "not slow"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

setup: $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt

setup-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt

# The browser tests drive Debian's chromium; Playwright never downloads a browser here.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

build: setup
	$(BIN)/python -m analysis.build

evaluate: setup
	$(BIN)/python -m analysis.evaluate tests/corpus/dev/gold.jsonl tests/corpus/dev/articles
	$(BIN)/python -m analysis.evaluate tests/corpus/test/gold.jsonl tests/corpus/test/articles
	$(BIN)/python -m analysis.evaluate tests/corpus/realstyle/gold.jsonl tests/corpus/realstyle/articles

bench: setup-dev
	$(BIN)/python bench/extraction.py

bench-dask: setup-dev
	$(BIN)/python bench/dask_build.py

# 10,000 and 100,000 synthetic articles: build, memory, store size, ingest, page timings.
# The 100,000 build takes tens of minutes; --reuse keeps stores an earlier run built.
bench-scale: setup-dev
	$(BIN)/python bench/scale.py $(SCALE_ARGS)

clean:
	rm -rf data/store data/estimates.duckdb artifacts
