# Two commands do all set-up on a fresh machine (Python 3.10+, git, make):
#   make demo   create .venv, install kgraph and its model, build examples/ into out/
#   make test   the same set-up, then the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install demo test clean

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

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) out .pytest_cache
