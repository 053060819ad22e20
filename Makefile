# Two commands matter: `make run` (the demo site) and `make test` (the whole suite).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The demo's public address (settings.PUBLIC_URL): load_demo_content puts the Site there, so every
# absolute URL (API, feeds, sitemap, e-mails) works on the port served. Set PUBLIC_URL to override.
export PUBLIC_URL ?= http://$(HOST):$(PORT)
# apt-get needs root; elsewhere sudo is tried.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-16s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements/dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements/dev.txt
	touch $@

.PHONY: install
install: $(BIN)/.installed ## Create the virtualenv and install the locked dependencies

.PHONY: system-deps
system-deps: ## Install gettext (translations) from the system packages if missing
	@command -v msgfmt >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq gettext; }

.PHONY: browser-deps
browser-deps: ## Install Debian's Chromium for the browser tests if missing
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends chromium; }

.PHONY: messages
messages: install system-deps ## Compile the .po files
	$(MANAGE) compilemessages --ignore=.venv -v0

.PHONY: migrate
migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput -v0

.PHONY: demo
demo: migrate ## Load (or refresh) the demo content and print an admin login
	$(MANAGE) load_demo_content
	$(MANAGE) ensure_demo_admin

.PHONY: run
run: messages demo ## Run the demo site on http://HOST:PORT (default 127.0.0.1:8000), with the task worker and the scheduler
	@# The worker (mail, renditions, indexes) and the scheduler in the background, stopped with the server.
	$(MANAGE) db_worker --no-reload & worker=$$!; \
	$(MANAGE) run_scheduled_jobs & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	echo "The demo site: $(PUBLIC_URL)/  (admin: $(PUBLIC_URL)/admin/)"; \
	$(MANAGE) runserver $(HOST):$(PORT)

.PHONY: test
test: install messages browser-deps ## Run the whole test suite, browser tests included
	$(BIN)/pytest -n 2 --dist loadgroup

.PHONY: smoke
smoke: install system-deps ## Production smoke test: gunicorn + worker + scheduler on PostgreSQL, Redis, S3, SMTP (< 3 min)
	scripts/production_smoke.sh

.PHONY: bench-deps
bench-deps: ## Install the wrk load generator for the benchmark if missing
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk; }

.PHONY: bench
bench: install system-deps bench-deps ## Benchmark: req/s, p50/p99 and share of a bare Django view per page type (< 6 min; docs/performance.md)
	timeout --signal=INT 900 $(BIN)/python scripts/bench/run.py

.PHONY: lint
lint: install ## ruff, Django's checks, migrations and translation files up to date
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python scripts/check_translations.py

.PHONY: audit
audit: install ## Known vulnerabilities in the locked requirements (pip-audit; skipped with a message when offline)
	$(BIN)/python scripts/audit_dependencies.py requirements/base.txt requirements/dev.txt

.PHONY: makemessages
makemessages: install system-deps ## Update the .po files from the code and templates
	$(MANAGE) makemessages --ignore=.venv --ignore=staticfiles --no-obsolete --no-location -l de -l fr -l ar_DZ -l en

.PHONY: lock
lock: install ## Re-resolve requirements/*.txt from requirements/*.in
	$(BIN)/pip install --quiet uv
	cd requirements && ../$(BIN)/uv pip compile -q --python-version 3.11 base.in -o base.txt
	cd requirements && ../$(BIN)/uv pip compile -q --python-version 3.11 dev.in -o dev.txt

.PHONY: clean
clean: ## Remove the virtualenv, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 staticfiles
