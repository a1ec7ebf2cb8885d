# Kupang Layout: set-up, the main job, the tests.
# `make demo` and `make test` do all set-up on a fresh Debian machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
APT_PKGS := libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libdbus-1-3 poppler-utils ghostscript qpdf
# Bundle: binutils for PyInstaller (objdump, strip); the X11 libraries Qt's xcb plugin
# links, so they are found and copied into the bundle; xvfb for the bundle's GUI test.
DIST_APT_PKGS := binutils libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1 xvfb
OUT ?= out
# The engine's hot modules are compiled with mypyc (setup.py) whenever they change;
# KUPANG_LAYOUT_PURE=1 keeps them pure Python. Either way the code is the same.
NATIVE := $(VENV)/.native
NATIVE_SRC := setup.py $(wildcard kupang_layout/engine/*.py) kupang_layout/render/pdf/text.py

.PHONY: setup sysdeps demo test lint dist test-dist clean

setup: sysdeps $(STAMP) $(NATIVE)

sysdeps:
	@bash tools/sysdeps.sh $(APT_PKGS)

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip 'setuptools>=77' wheel
	KUPANG_LAYOUT_PURE=1 $(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

$(NATIVE): $(STAMP) $(NATIVE_SRC)
	@find kupang_layout -name '*.so' -delete
	$(BIN)/pip install --quiet --no-build-isolation --no-deps -e . \
		|| $(BIN)/pip install --quiet --no-deps -e .
	@$(BIN)/python -c 'from kupang_layout.engine.native import describe; print(describe())'
	@touch $(NATIVE)

demo: setup
	$(BIN)/kupang-layout demo --out $(OUT)

test: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

lint: setup
	$(BIN)/ruff check setup.py kupang_layout tests benchmarks tools
	$(BIN)/ruff format --check setup.py kupang_layout tests benchmarks tools
	$(BIN)/mypy kupang_layout
	$(BIN)/lint-imports  # the import contracts in pyproject.toml ([tool.importlinter])

dist: setup
	@bash tools/sysdeps.sh $(DIST_APT_PKGS)
	KUPANG_LAYOUT_PURE=1 $(BIN)/pip install --quiet -e '.[dist]'  # the engine stays as compiled
	$(BIN)/pyinstaller --noconfirm build.spec

test-dist: dist
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m slow

clean:
	rm -rf $(VENV) build dist $(OUT)
	find kupang_layout -name '*.so' -delete
