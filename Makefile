# The two commands of the README: `make site` and `make test`. Both set up what they need.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements
TEST_STAMP := $(VENV)/.requirements-test

.PHONY: site test convert serve clean browser

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(TEST_STAMP): $(STAMP) requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

site: $(STAMP)
	$(PY) -m gazette build

convert: $(STAMP)
	$(PY) -m gazette convert

serve: site
	$(PY) -m mkdocs serve

browser:
	@bash scripts/install-browser.sh

test: $(TEST_STAMP) browser
	$(PY) -m pytest

clean:
	rm -rf site dist docs reports .pytest_cache
