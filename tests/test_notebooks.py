"""The notebooks run top to bottom in a real Jupyter kernel (nbclient), fail on any error, and
are saved without outputs."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
# what a run must show, beyond running: a notebook that stops drawing or finding says so
EXPECTED = {
    "01-kursk-walkthrough.ipynb": ["4 documents read", "[negation] Ukrainian forces | encircled",
                                   "claims-by-source", "Most-disputed", "image/png",
                                   "<iframe srcdoc="],
    "02-your-own-corpus.ipynb": ["Contradictions before the synonym: 0",
                                 "[negation] Ostrel | encircled", "<iframe srcdoc="],
}


def read(path: Path):
    import nbformat

    return nbformat.read(path, as_version=4)


def test_both_notebooks_are_here():
    assert {p.name for p in NOTEBOOKS} == set(EXPECTED)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_saved_without_outputs(path):
    for cell in read(path).cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


@pytest.mark.model
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_runs_top_to_bottom(path):
    from nbclient import NotebookClient

    notebook = read(path)
    started = time.monotonic()
    # raises CellExecutionError, with the cell and its traceback, on the first failing cell
    NotebookClient(notebook, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    seconds = time.monotonic() - started
    shown = "\n".join(str(output.get("text", "")) + " " + " ".join(output.get("data", {}))
                      + " " + str(output.get("data", {}).get("text/html", ""))
                      for cell in notebook.cells for output in cell.get("outputs", []))
    for expected in EXPECTED[path.name]:
        assert expected in shown, f"{path.name} did not show {expected!r}"
    assert seconds < 120, f"{path.name} took {seconds:.0f} s"
