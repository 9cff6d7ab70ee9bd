VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test fuzz demo bench lint clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/bargain

demo: $(STAMP)
	$(VENV)/bin/bargain demo

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy models exports
	$(VENV)/bin/lint-imports --no-cache

test: lint
	$(VENV)/bin/pytest

# The write API's stateful fuzz test, long profile: fresh seeds until FUZZ_MINUTES are up
# (at least 20). The last line is the summary to quote. FUZZ_SKIP=a,b leaves out families of
# known defects (see tests/fuzz/values.py); by default nothing is left out.
FUZZ_MINUTES ?= 20
fuzz: $(STAMP)
	FUZZ_PROFILE=long FUZZ_SECONDS=$$(( $(FUZZ_MINUTES) * 60 )) \
		$(VENV)/bin/pytest tests/fuzz -s -p no:cacheprovider

# Every benchmark in turn; each prints its figures as ratios to a baseline run in the same script.
bench: $(STAMP)
	for script in benchmarks/*_bench.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info
