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


def commands(group, prefix: str = "kgraph") -> list[tuple[str, object]]:
    """Every command under the click group, sub-groups walked, as ("kgraph name", command)."""
    import click

    found = []
    for name, command in sorted(group.commands.items()):
        found.append((f"{prefix} {name}", command))
        if isinstance(command, click.Group):
            found += commands(command, f"{prefix} {name}")
    return found


def test_every_command_teaches_and_is_in_the_readme():
    from click.testing import CliRunner

    from kgraph.cli import main

    found = commands(main)
    assert {"kgraph build", "kgraph ingest", "kgraph claims"} <= {name for name, _ in found}
    for name, command in found:
        help_text = CliRunner().invoke(main, name.split()[1:] + ["--help"]).output
        assert (command.help or "").strip(), f"{name} has no help text"
        assert "Example" in help_text, f"{name} --help gives no example"
        assert re.search(rf"`?{re.escape(name)}\b", README), f"{name} is not in README.md"
