# My Way to Work. `make run` serves the site; `make test` runs every test. Both start from nothing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
FLASK := $(BIN)/flask --app wsgi

.PHONY: run test test-sqlite test-postgres install translations migrate audio system-packages screenshots clean lint format

run: install translations migrate
	$(FLASK) demo load --if-empty
	@echo
	@$(FLASK) demo show
	@echo
	@echo "My Way to Work is running at http://127.0.0.1:$(PORT)  (press Ctrl+C to stop)"
	@echo "The page audio is built in the background; until a clip is ready, its page says so."
	@echo
	$(BIN)/gunicorn --config scripts/gunicorn_run.py --bind 127.0.0.1:$(PORT) wsgi:app

test: system-packages install translations lint
	$(BIN)/python -m pytest -q -p no:cacheprovider -n 2 --dist worksteal
	scripts/with-postgres.sh $(BIN)/python -m pytest -q -p no:cacheprovider tests/db

test-sqlite: install translations
	$(BIN)/python -m pytest -q -p no:cacheprovider -n 2 --dist worksteal

test-postgres: install
	scripts/with-postgres.sh $(BIN)/python -m pytest -q -p no:cacheprovider tests/db

screenshots: install translations
	SCREENSHOT_DIR=screenshots $(BIN)/python -m pytest -q -p no:cacheprovider tests/browser/test_axe_sweep.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

system-packages:
	@scripts/system-packages.sh

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]'
	@touch $@

translations: install
	@$(FLASK) translate compile >/dev/null

migrate: install
	$(FLASK) db upgrade

audio: install translations migrate
	$(FLASK) easyread build-audio

clean:
	rm -rf $(VENV) instance screenshots easyread_assets/audio translations/*/LC_MESSAGES/*.mo
