# Two commands set everything up on a fresh machine: `make run` and `make test`.
# uv is bootstrapped with pip when missing; Python 3.12+ is found on PATH or under pyenv.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell for c in python3.13 python3.12 python3.14 python3; do \
	p=$$(command -v $$c 2>/dev/null) && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; exit 0; }; \
	done; for p in $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 /usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9]; do \
	[ -x $$p ] && { echo $$p; exit 0; }; done)
UV_BIN := $(shell command -v uv 2>/dev/null || echo .uv/bin/uv)
export UV_PYTHON := $(PYTHON)
export UV_PYTHON_DOWNLOADS := never
RUN := $(UV_BIN) run --frozen
MANAGE := $(RUN) python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install run serve test lint format check-migrations messages translations clean demo bench

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-18s %s\n", $$1, $$2}'

$(UV_BIN):
	@test -n "$(PYTHON)" || { echo "Python 3.12+ not found. Install python3.12 or newer." >&2; exit 1; }
	$(PYTHON) -m venv .uv && .uv/bin/pip install --quiet uv

install: $(UV_BIN) ## Install Python dependencies (uv, from uv.lock) and compile translations
	$(UV_BIN) sync --frozen
	@mkdir -p var
	$(MANAGE) compile_translations

run: install ## Install, migrate, load demo data and serve on http://127.0.0.1:8000
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_demo
	$(MANAGE) runserver $(HOST):$(PORT)

demo: install ## Migrate and (re)load the demo data without serving
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_demo

test: install ## Lint, check, and run the whole test suite (browser tests need Chromium)
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run
	$(RUN) pytest $(PYTEST_ARGS)

bench: install ## Benchmark public pages (cached, uncached, 1x and 10x data) on PostgreSQL; see docs/performance.md
	$(RUN) python bench/run.py

format: install ## Fix lint and formatting where ruff can
	$(RUN) ruff check --fix .
	$(RUN) ruff format .

messages: install ## Update both gettext catalogues from the code and templates
	$(MANAGE) makemessages -l id -l en --ignore=.venv --ignore=.uv --ignore=staticfiles --ignore=var --no-obsolete

clean: ## Remove the virtualenv, database and collected files
	rm -rf .venv .uv var staticfiles
