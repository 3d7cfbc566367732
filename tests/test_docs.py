"""The README's commands and Python example run as written (habit 8)."""
from __future__ import annotations

import os
import re
import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_gives_the_two_setup_commands():
    assert "make demo" in README and "make test" in README
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


@pytest.mark.model
def test_readme_python_example_runs(tmp_path, capsys):
    [code] = re.findall(r"```python\n(.*?)```", README, re.S)
    assert len(code.strip().splitlines()) <= 12  # "the Python API in ten lines"
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    script = tmp_path / "readme_example.py"
    script.write_text(code)
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        runpy.run_path(str(script))
    finally:
        os.chdir(cwd)
    printed = capsys.readouterr().out
    assert re.search(r"\d+ claims, [1-9]\d* contradictions", printed)
    assert (tmp_path / "out" / "kursk" / "graph.html").is_file()
