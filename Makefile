# Drive-Time Equity -- developer tasks. Run from the repository root (which is the plugin folder).
PY          ?= /usr/bin/python3
QGIS_PROCESS ?= /usr/bin/qgis_process.bin
PKG         := drivetime_equity
BUILD       := $(CURDIR)/.build
PLUGINS     := $(BUILD)/plugins
DATA        ?= $(abspath $(CURDIR)/../shared/data)
DEMO_OUT    ?= $(CURDIR)/demo_output
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
QGIS_PROFILE ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
PROFILE_PLUGINS ?= $(QGIS_PROFILE)/python/plugins

export QT_QPA_PLATFORM := offscreen
export QGIS_PLUGINPATH := $(PLUGINS)
export NUMBA_CACHE_DIR := $(BUILD)/numba_cache
export XDG_RUNTIME_DIR := $(BUILD)/runtime
# QGIS opens GeoPackages for update and switches them to WAL journaling: keep the (read-only) inputs untouched
export OGR_SQLITE_JOURNAL := DELETE

APT_PACKAGES := qgis python3-qgis qgis-providers python3-numba python3-geopandas python3-rasterio \
	python3-sklearn python3-matplotlib python3-shapely python3-scipy python3-pytest python3-hypothesis python3-skimage \
	python3-dask python3-distributed \
	grass-core pyqt5-dev-tools qttools5-dev-tools poppler-utils zip

.PHONY: help setup apt link compile enable demo test test-core test-qgis test-cli test-dialog bench bench-steps bench-venv bench-surfaces bench-heaps bench-large bench-grade deploy undeploy \
	zip lint transup transcompile clean

help:
	@echo "make setup   install QGIS + geo stack from Debian, link and enable the plugin for qgis_process"
	@echo "make demo    run the algorithms on ../shared/data through qgis_process (styled outputs in demo_output/)"
	@echo "make test    all tests (core, headless QGIS, qgis_process; then the dialogs: make test-dialog)"
	@echo "make bench   engine benchmark against scikit-image and GRASS r.cost (bench-large: 10000^2;"
	@echo "             bench-surfaces: smooth / lattice / hard grids; bench-heaps: heap Dijkstra candidates)"
	@echo "make deploy  symlink the plugin into your QGIS profile; make zip: installable archive"

setup: apt link transcompile compile enable

apt:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES)

link:
	@mkdir -p $(PLUGINS) $(NUMBA_CACHE_DIR) $(XDG_RUNTIME_DIR)
	@chmod 700 $(XDG_RUNTIME_DIR)
	@ln -sfn $(CURDIR) $(PLUGINS)/$(PKG)

# compile the Numba kernels into NUMBA_CACHE_DIR now, not on the first run (core/warmup.py; 10-30 s once)
compile: link
	PYTHONPATH=$(PLUGINS) $(PY) -P -m $(PKG).core.warmup

enable: link
	@$(QGIS_PROCESS) plugins enable $(PKG) >/dev/null 2>&1 || true  # non-zero when already enabled
	@$(QGIS_PROCESS) list 2>/dev/null | grep -A20 "^Drive-Time Equity" | grep "drivetime:" || \
		(echo "drivetime algorithms not listed by qgis_process" >&2; exit 1)

# the demo enables the plugin only when the QGIS profile does not have it enabled yet (make setup does; each
# qgis_process call of `enable` costs a QGIS start-up)
demo: link
	@grep -qsx '$(PKG)=true' "$(QGIS_PROFILE)/QGIS/QGIS3.ini" || $(MAKE) -s enable
	DATA=$(DATA) OUT=$(DEMO_OUT) QP="$(QGIS_PROCESS)" PY=$(PY) bash scripts/demo.sh

# the dialog tier (tests/dialog) builds GUI dialogs: its own pytest run, apart from the headless QGIS of tests/qgis
test: link transcompile
	cd $(CURDIR) && $(PY) -P -m pytest tests --ignore=tests/dialog
	cd $(CURDIR) && $(PY) -P -m pytest tests/dialog

test-core: link
	$(PY) -P -m pytest tests/core

test-qgis: link
	$(PY) -P -m pytest tests/qgis

test-cli: link enable
	$(PY) -P -m pytest tests/cli

test-dialog: link
	$(PY) -P -m pytest tests/dialog

bench: link
	PYTHONPATH=$(PLUGINS) $(PY) -P bench/bench_engine.py $(BENCH_ARGS)
	$(MAKE) --no-print-directory bench-steps

# whole steps on the BOB demo through qgis_process against the best peer for each (issue 13)
bench-steps: link compile bench-venv
	DATA=$(DATA) PYTHONPATH=$(PLUGINS) PEER_PY=$(BENCH_VENV)/bin/python $(PY) -P bench/bench_steps.py $(STEPS_ARGS)

# the bench's peers from PyPI (exactextract), in a virtual environment of the bench only (never CI / tests); the
# bench reports the peer as missing when the install failed (offline)
BENCH_VENV := $(BUILD)/bench-venv
bench-venv: $(BENCH_VENV)/.done
$(BENCH_VENV)/.done:
	$(PY) -m venv --system-site-packages $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install -q exactextract || echo "exactextract not installed: bench-steps skips that peer" >&2
	@touch $@

bench-surfaces: link
	PYTHONPATH=$(PLUGINS) $(PY) -P bench/bench_surfaces.py $(BENCH_ARGS)

bench-heaps: link
	PYTHONPATH=$(PLUGINS) $(PY) -P bench/bench_heaps.py $(BENCH_ARGS)

bench-grade: link
	PYTHONPATH=$(PLUGINS) $(PY) -P bench/grade_separation.py $(BENCH_ARGS)

bench-large: link
	PYTHONPATH=$(PLUGINS) $(PY) -P bench/bench_engine.py --size 10000 $(BENCH_ARGS)

deploy:
	mkdir -p $(PROFILE_PLUGINS)
	ln -sfn $(CURDIR) $(PROFILE_PLUGINS)/$(PKG)
	@echo "linked into $(PROFILE_PLUGINS); enable 'Drive-Time Equity' in Plugins > Manage and Install Plugins"

undeploy:
	rm -f $(PROFILE_PLUGINS)/$(PKG)

transup:
	# our own extractor: pylupdate5 files module-level tr() strings under the wrong contexts (see the script)
	$(PY) -P scripts/i18n_update.py i18n/$(PKG)_cy.ts

transcompile:
	@for ts in i18n/*.ts; do [ -e "$$ts" ] || continue; lrelease -silent "$$ts" -qm "$${ts%.ts}.qm"; done

# What ships: an allow-list of committed files (a stray scratch file or an uncommitted module never ships); the
# compiled translations (.qm) but not their sources (.ts).
ZIP_ALLOW := ^(__init__\.py|metadata\.txt|LICENSE|README\.md|(core|plugin|processing)/[^/]+\.py|resources/.+\.(svg|qml|png))$$

zip: transcompile
	@rm -rf $(BUILD)/zip && mkdir -p $(BUILD)/zip/$(PKG)
	git ls-files | grep -E '$(ZIP_ALLOW)' | while read -r f; do mkdir -p "$(BUILD)/zip/$(PKG)/$$(dirname "$$f")"; \
		cp "$$f" "$(BUILD)/zip/$(PKG)/$$f"; done
	@mkdir -p $(BUILD)/zip/$(PKG)/i18n
	@cp i18n/*.qm $(BUILD)/zip/$(PKG)/i18n/ 2>/dev/null || true
	cd $(BUILD)/zip && rm -f ../$(PKG).zip && zip -qr ../$(PKG).zip $(PKG)
	@echo "$(BUILD)/$(PKG).zip"

lint:
	ruff check --exclude .build .

clean:
	rm -rf $(BUILD) $(DEMO_OUT) i18n/*.qm
