# Two commands for a newcomer: `make run` and `make test`. Everything else is set up on the way.
SHELL := /bin/bash
PYTHON_VERSION_REQUIRED := 3.11
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP_PY := $(VENV)/.installed
STAMP_NPM := node_modules/.installed

.PHONY: run test lint vulnerabilities setup browser messages migrate demo audit bench bench-weight loadtest screenshots lock clean

# The task worker (accessibility audits after publishing and from the admin) runs next to the
# development server and stops with it.
run: setup migrate demo
	@echo "Serving the site at http://127.0.0.1:8000/ (admin: http://127.0.0.1:8000/admin/, user 'admin'; its first sign-in sets up two-step verification)."
	$(MANAGE) db_worker --backend accessibility --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:8000

test: setup browser lint vulnerabilities
	$(BIN)/pytest $(PYTEST_ARGS)
	$(BIN)/python -m accessibility.demo_audit --workers 2 $(AUDIT_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run

# Known vulnerabilities in the locked Python and npm packages, less those accepted (with a reason
# and an expiry date) in vulnerability-allowlist.json; says so, without failing, when the
# vulnerability data cannot be reached (VULNERABILITY_GATE_REQUIRE_DATA=1 makes that fail too).
vulnerabilities: setup
	$(BIN)/python -m dependency_audit

setup: $(STAMP_PY) $(STAMP_NPM) messages

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; v="%d.%d" % sys.version_info[:2]; sys.exit(0 if v == "$(PYTHON_VERSION_REQUIRED)" else "This project needs Python $(PYTHON_VERSION_REQUIRED); $(PYTHON) is " + v + ". Set PYTHON=/path/to/python3.11.")'
	$(PYTHON) -m venv $(VENV)

$(STAMP_PY): requirements.txt $(VENV)/bin/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(STAMP_NPM): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 and npm (apt-get install -y nodejs npm)."; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

messages: $(STAMP_PY)
	@command -v msgfmt >/dev/null || bash scripts/install-system-packages.sh gettext
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v0
	$(MANAGE) compile_admin_translations -v0

browser:
	@bash scripts/install-system-packages.sh chromium chromium-driver

migrate: setup
	$(MANAGE) migrate --noinput -v1

demo: migrate
	$(MANAGE) load_demo_content

# The axe-core audit of the whole demo site (a throw-away database); reports in var/audit-reports/.
audit: setup browser
	$(BIN)/python -m accessibility.demo_audit $(AUDIT_ARGS)

# Performance figures in one table (JSON in bench-results/), ours beside stock Wagtail in the same
# run, each naming its database and cache: renders cold and warm, gunicorn throughput with wrk,
# publishing under load, page weight, audit speed, listings and search at 100 and 10,000
# articles, in throw-away databases (docs/performance.md). BENCH_ARGS="--scale 100000" adds more.
bench: setup browser
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# Throughput and non-2xx answers in steady state, with Redis down, with PostgreSQL down (when
# DATABASE_URL names PostgreSQL) and while publishing; loopback only, bounded
# (bench-results/loadtest.json). LOADTEST_ARGS="--seconds 30 --nginx" for longer runs, via nginx.
loadtest: setup
	@bash scripts/install-system-packages.sh redis-server
	@bash scripts/install-system-packages.sh wrk || echo "wrk is missing: a slower Python load generator is used."
	@if [[ "$$DATABASE_URL" == postgres* ]]; then bash scripts/install-system-packages.sh postgresql; fi
	$(BIN)/python -m bench.loadtest $(LOADTEST_ARGS)

# The home page's HTML + CSS + JS + fonts against its 60 KB budget (bench-results/page_weight.json).
bench-weight: demo
	$(BIN)/python -m bench.page_weight $(BENCH_WEIGHT_ARGS)

# Full-page screenshots of the home page, an article and the complaint form at 1280, 360 and 320 px,
# standard and high contrast (and the phone menu open), in screenshots/ (git-ignored), for review.
screenshots: demo browser
	$(BIN)/python scripts/screenshots.py $(SCREENSHOTS_ARGS)

lock: $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements.in
	$(BIN)/pip freeze --exclude-editable > requirements.txt

clean:
	rm -rf $(VENV) node_modules var
