# Two commands do all set-up on a fresh machine (Python 3.10+, git, make):
#   make demo   create .venv, install kgraph and its model, build examples/ into out/
#   make test   the same set-up, then the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install browser demo test bench clean

install: $(STAMP)

# pip's output goes to a log, shown only when the install fails
$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	@echo "Installing kgraph and its dependencies into $(VENV) (log: $(VENV)/install.log)"
	@( $(BIN)/python -m pip install --upgrade pip && \
	   $(BIN)/python -m pip install -e '.[model,test]' ) > $(VENV)/install.log 2>&1 \
	  || { tail -n 40 $(VENV)/install.log; exit 1; }
	touch $(STAMP)

demo: install
	$(BIN)/kgraph build examples/kursk --out out/kursk

# The browser tests drive Debian's Chromium (no browser download): install it when missing.
CHROMIUM ?= /usr/bin/chromium
browser:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium \
	      > $(VENV)/chromium-install.log 2>&1 || { tail -n 20 $(VENV)/chromium-install.log; exit 1; }; \
	  else \
	    echo "The browser tests need Chromium at $(CHROMIUM): as root, apt-get install chromium"; \
	    exit 1; \
	  fi; }

test: install browser
	KGRAPH_CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest -q

# the issue-9 benchmarks (docs/benchmarks.md): about 10 minutes on 2 cores
bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) out .pytest_cache
