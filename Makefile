# Two commands for a newcomer: `make run` and `make test`. Everything else is set up on the way.
SHELL := /bin/bash
PYTHON_VERSION_REQUIRED := 3.11
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP_PY := $(VENV)/.installed
STAMP_NPM := node_modules/.installed
# Debian's libraries and font that WeasyPrint needs to render the demo's tagged PDFs.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core

.PHONY: run test lint vulnerabilities setup browser pdf-libraries snapshots messages migrate demo audit bench bench-weight loadtest screenshots seo lock clean

# The task worker (accessibility audits after publishing and from the admin) runs next to the
# development server and stops with it.
run: setup migrate demo
	@echo "Serving the site at http://127.0.0.1:8000/ (admin: http://127.0.0.1:8000/admin/, user 'admin'; its first sign-in sets up two-step verification)."
	$(MANAGE) db_worker --backend accessibility --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:8000

# The suite runs in TEST_WORKERS parallel processes (pytest-xdist; each has its own test database
# and Redis database); TEST_WORKERS=0 runs it in this process. The minimal second site
# (tests/minimal_site/) has its own settings module, and pytest-django binds one per process: it
# runs as a second pytest.
TEST_WORKERS ?= 2
test: setup browser pdf-libraries lint vulnerabilities
	$(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)
	$(BIN)/pytest tests/minimal_site --ds=tests.minimal_site.settings --confcutdir=tests/minimal_site
	$(BIN)/python -m config.demo_audit --workers 2 $(AUDIT_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
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

# The development set: the production set (requirements/production.txt) plus test and lint tools.
$(STAMP_PY): requirements/development.txt requirements/production.txt $(VENV)/bin/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/development.txt
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

pdf-libraries:
	@bash scripts/install-system-packages.sh $(PDF_PACKAGES)

migrate: setup
	$(MANAGE) migrate --noinput -v1

demo: migrate pdf-libraries
	$(MANAGE) load_demo_content

# The axe-core audit of the whole demo site (a throw-away database); reports in var/audit-reports/.
audit: setup browser pdf-libraries
	$(BIN)/python -m config.demo_audit $(AUDIT_ARGS)

# Lighthouse's SEO category on one page of every type of the demo site in az, en and ru (a
# throw-away database, headless Chromium); fails below 1.00 and prints each page's score.
seo: setup browser
	LIGHTHOUSE_ALL_PAGE_TYPES=1 $(BIN)/pytest tests/frontend/test_lighthouse_seo.py -s $(PYTEST_ARGS)

# Performance figures in one table (JSON in bench-results/), ours beside stock Wagtail in the same
# run, each naming its database and cache: renders cold and warm, gunicorn throughput with wrk,
# publishing under load, page weight, audit speed, listings and search at 100 and 10,000
# articles, in throw-away databases (docs/performance.md). BENCH_ARGS="--scale 100000" adds more.
bench: setup browser pdf-libraries
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

# Rewrite the reviewed accessibility-tree snapshots after reviewing their diff (README).
snapshots: setup browser pdf-libraries
	UPDATE_TREE_SNAPSHOTS=1 $(BIN)/pytest tests/accessibility/test_tree_snapshots.py -p no:cacheprovider

# Re-pin each set from its .in file, each in a fresh virtual environment of its own so that its
# lock holds exactly what that set pulls in (never what else .venv holds).
lock: $(VENV)/bin/python
	@for set in production development; do \
		scratch=$$(mktemp -d) && \
		$(BIN)/python -m venv $$scratch && \
		$$scratch/bin/pip install --quiet --disable-pip-version-check -r requirements/$$set.in && \
		$$scratch/bin/pip freeze --exclude-editable > requirements/$$set.txt; \
		status=$$?; rm -rf $$scratch; [ $$status -eq 0 ] || exit $$status; \
	done

clean:
	rm -rf $(VENV) node_modules var
