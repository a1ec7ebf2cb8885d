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

.PHONY: setup sysdeps demo test lint dist test-dist clean

setup: sysdeps $(STAMP)

sysdeps:
	@bash tools/sysdeps.sh $(APT_PKGS)

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

demo: setup
	$(BIN)/kupang-layout demo --out $(OUT)

test: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

lint: setup
	$(BIN)/ruff check kupang_layout tests benchmarks tools
	$(BIN)/ruff format --check kupang_layout tests benchmarks tools
	$(BIN)/mypy kupang_layout

dist: setup
	@bash tools/sysdeps.sh $(DIST_APT_PKGS)
	$(BIN)/pip install --quiet -e '.[dist]'
	$(BIN)/pyinstaller --noconfirm build.spec

test-dist: dist
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m slow

clean:
	rm -rf $(VENV) build dist $(OUT)
