# Battery Recycling Atlas — developer commands. Run `make help`.
SHELL := /bin/bash
PY_SYS ?= /usr/bin/python3
VENV ?= .venv
PY := $(VENV)/bin/python
# Debian's QGIS and the Python stack the plugin computes with. QGIS itself pulls in none of
# numpy/scipy/matplotlib/pandas, and python3-venv is needed for .venv: list them all. g++ and
# python3-dev build the test reference ckwrap where PyPI has no wheel for the Python.
APT_PACKAGES := qgis python3-qgis qgis-providers python3-venv python3-numpy python3-scipy \
	python3-matplotlib python3-pandas fonts-noto-cjk poppler-utils qttools5-dev-tools \
	g++ python3-dev
QGIS_PROFILE_DIR ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
DEMO_OUT ?= demo_output
export QT_QPA_PLATFORM ?= offscreen

.PHONY: help setup system-packages test demo lint format typecheck package deploy styles sample-data benchmark translations clean

help:
	@echo "make setup      install QGIS (Debian, as root) and the pinned Python tools into $(VENV)"
	@echo "make test       run the test suite (core, Processing, qgis_process, plugin loading)"
	@echo "make demo       run the analyses on the sample data into $(DEMO_OUT)/"
	@echo "make lint       ruff check and ruff format --check;  make format  ruff format"
	@echo "make typecheck  mypy --strict on core/ and reports/ (installs mypy into $(VENV) first)"
	@echo "make package    build dist/battery_recycling_atlas-<version>.zip for QGIS's plugin manager"
	@echo "make deploy     link this checkout into the QGIS profile $(QGIS_PROFILE_DIR)"
	@echo "make benchmark  run the benchmarks in tools/ and print a table"
	@echo "make translations  update resources/i18n/*.ts from the code and compile the .qm (lrelease)"

system-packages:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then echo "System packages present."; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian packages (QGIS and its Python stack: a few minutes):$$missing"; \
	  apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o Dpkg::Use-Pty=0 $$missing \
	    | grep --line-buffered -E '^(Get|Setting up|Need to get|After this|E:)' ; \
	  status=$${PIPESTATUS[0]}; [ $$status = 0 ] || { echo "apt-get failed ($$status)"; exit $$status; }; \
	else echo "Missing Debian packages:$$missing"; \
	  echo "Install them with: sudo apt-get install$$missing"; exit 1; fi
	@$(PY_SYS) -c "from qgis.core import Qgis; print('QGIS', Qgis.QGIS_VERSION)"

$(VENV)/.installed: requirements-dev.txt
	$(MAKE) system-packages
	$(PY_SYS) -m venv --system-site-packages $(VENV)
	@mkdir -p build
	@# Pin the system's scientific stack: pip must never replace Debian's numpy (QGIS,
	@# matplotlib and scipy are built against it).
	$(PY_SYS) -c "import numpy, scipy, matplotlib, pandas; \
	print('\n'.join(f'{m.__name__}=={m.__version__}' for m in (numpy, scipy, matplotlib, pandas)))" \
	  > build/constraints.txt
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt -c build/constraints.txt
	@# The tests' large-n reference for natural breaks (Ckmeans.1d.dp's C++). Its metadata asks
	@# for numpy 2 but it runs on Debian 12's numpy 1.24: no dependencies. Where PyPI has no
	@# wheel for this Python (3.14), pip builds it with g++ and python3-dev.
	$(VENV)/bin/pip install -q --disable-pip-version-check --no-deps ckwrap==1.2.3
	@$(PY) -c "import numpy, qgis.core, jenkspy; print('venv ok, numpy', numpy.__version__)"
	@touch $@

setup: $(VENV)/.installed

test: setup
	$(PY) -P -m pytest -q

demo: setup
	$(PY) tools/demo.py --output $(DEMO_OUT)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .

$(VENV)/.typecheck: requirements-typecheck.txt $(VENV)/.installed
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements-typecheck.txt -c build/constraints.txt
	@touch $@

typecheck: $(VENV)/.typecheck
	@mkdir -p build/pkg && ln -sfn $(CURDIR) build/pkg/battery_recycling_atlas
	cd build/pkg && $(abspath $(VENV))/bin/mypy --config-file $(CURDIR)/pyproject.toml \
	  -p battery_recycling_atlas.core -p battery_recycling_atlas.reports

styles: setup
	$(PY) tools/build_styles.py

sample-data: setup
	$(PY) tools/build_sample_data.py

benchmark: setup
	$(PY) tools/benchmark.py

# Extract the tr() strings into the zh_CN .ts (keeping the translations), then compile the .qm
# with Qt's lrelease (Debian: qttools5-dev-tools). Commit both files.
translations: setup
	$(PY) tools/i18n.py --release

# Needs only Python's standard library: no QGIS, no .venv.
package:
	$(PY_SYS) tools/package.py

deploy:
	mkdir -p $(QGIS_PROFILE_DIR)/python/plugins
	ln -sfn $(CURDIR) $(QGIS_PROFILE_DIR)/python/plugins/battery_recycling_atlas
	@echo "Linked. Enable 'Battery Recycling Atlas' in QGIS: Plugins > Manage and Install Plugins."

clean:
	rm -rf build dist $(DEMO_OUT)
