"""The examples do what their READMEs say: the Vellmark election builds into the contradictions,
non-contradictions and camps its README promises, and every examples/*.py script runs."""
from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
VELLMARK = EXAMPLES / "vellmark-election"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def vellmark(tmp_path_factory):
    from kgraph.pipeline import build

    return build([VELLMARK], tmp_path_factory.mktemp("vellmark"))


def sources(report, contradiction) -> list[set[str]]:
    """Per side, the names of the sources whose claims take it."""
    by_id = {c.id: c for c in report.claims}
    return [{by_id[c].source.name for c in side.claims} for side in contradiction.sides]


def of_kind(report, kind: str, proposition: str) -> list:
    return [x for x in report.contradictions
            if x.kind == kind and x.proposition == proposition]


def test_vellmark_has_nine_contradictions_of_three_kinds(vellmark):
    assert vellmark.ingest.documents == 5
    assert Counter(x.kind for x in vellmark.contradictions) == {
        "exclusive_value": 3, "negation": 2, "numeric": 4}


def test_vellmark_who_won_is_an_exclusive_value_dispute(vellmark):
    found = of_kind(vellmark, "exclusive_value", "who | won | Vellmark election")
    pairs = {frozenset((side.position, frozenset(names)) for side, names
                       in zip(x.sides, sources(vellmark, x))) for x in found}
    reform = ("Tomas Reyk", frozenset({"Reform Front"}))
    assert pairs == {frozenset({reform, ("Helena Brandt", frozenset({name}))})
                     for name in ("Regional Electoral Commission", "Ada Mirelle", "Unity Party")}


def test_vellmark_negations(vellmark):
    [won] = of_kind(vellmark, "negation", "Helena Brandt | won | Vellmark election")
    assert sorted(map(sorted, sources(vellmark, won))) == [
        ["Ada Mirelle", "Regional Electoral Commission", "Unity Party"],
        ["Reform Front", "Tomas Reyk"]]
    [tampered] = of_kind(vellmark, "negation", "Saltmarsh election | tamper")
    assert {x.position: names for x, names in zip(tampered.sides, sources(vellmark, tampered))} \
        == {"tamper": {"Jonas Feld", "Northbridge Election Watch"},
            "not tamper": {"Regional Electoral Commission", "Marek Holm"}}


def test_vellmark_figures_that_do_not_overlap(vellmark):
    votes = of_kind(vellmark, "numeric", "Helena Brandt | receive | election")
    turnout = of_kind(vellmark, "numeric", "turnout | percent")
    assert len(votes) == 2 and len(turnout) == 2
    for x in votes + turnout:  # always the Reform Front against the commission's side
        names = sources(vellmark, x)
        assert {"Reform Front"} in names
        assert names[0] & {"Ada Mirelle", "Regional Electoral Commission"} or \
            names[1] & {"Ada Mirelle", "Regional Electoral Commission"}
    assert {side.position for x in turnout for side in x.sides} == {
        "0 to 50 percent", "58 percent", "61 percent"}


def test_vellmark_revision_and_update_are_not_contradictions(vellmark):
    by_id = {c.id: c for c in vellmark.claims}
    counted = [c for c in vellmark.claims if c.proposition.label == "election | count"]
    # the two counts do not overlap (225,000..275,000 against 410,000): only their days differ
    assert {(c.source.name, c.holds) for c in counted} == {
        ("Northbridge Election Watch", ("2026-10-04", "2026-10-04")),
        ("Regional Electoral Commission", ("2026-10-08", "2026-10-08"))}
    assert not [x for x in vellmark.contradictions if x.proposition == "election | count"]
    for x in vellmark.contradictions:  # the commission's 58 -> 61 % is never set against itself
        names = [{by_id[c].source.name for c in side.claims} for side in x.sides]
        assert not (names[0] & names[1])


def test_vellmark_camps(vellmark):
    import json

    camps = json.loads(vellmark.outputs["camps.json"].read_text())["camps"]
    assert sorted(sorted(c["sources"]) for c in camps) == [
        ["Ada Mirelle", "Marek Holm", "Regional Electoral Commission", "Unity Party"],
        ["Jonas Feld", "Northbridge Election Watch", "Reform Front", "Tomas Reyk"]]


def test_vellmark_evidence_is_whole_sentences(vellmark):
    watch = [c for c in vellmark.claims if c.source.name == "Northbridge Election Watch"]
    assert len(watch) == 2
    for claim in watch:
        assert "Northbridge Election Watch" in claim.evidence.text


def test_vellmark_page_furniture_gives_no_claims(vellmark):
    texts = " ".join(c.evidence.text for c in vellmark.claims)
    assert "derby" not in texts and "soups" not in texts and "Northbridge Review" not in texts


def run(script: str, *args: str, cwd: Path) -> str:
    done = subprocess.run([sys.executable, str(EXAMPLES / script), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


def test_every_example_script_is_tested():
    tested = {"build_and_list.py", "query_contradictions.py", "camps.py"}
    assert {p.name for p in EXAMPLES.glob("*.py")} == tested


def test_build_and_list_script(tmp_path):
    printed = run("build_and_list.py", cwd=tmp_path)  # defaults: examples/kursk into out/kursk
    assert (tmp_path / "out" / "kursk" / "graph.html").is_file()
    assert "4 documents" in printed
    assert "[negation] Ukrainian forces | encircled" in printed


def test_query_contradictions_script_keeps_a_store(tmp_path):
    store = str(tmp_path / "graph.db")
    first = run("query_contradictions.py", str(VELLMARK), store, cwd=tmp_path)
    assert "Read 5 documents (5 new)" in first
    assert "NumericConflict  4" in first and "ExclusiveValue   3" in first
    assert ("who | won | Vellmark election: Helena Brandt (Unity Party) vs Tomas Reyk "
            "(Reform Front)") in first
    assert "Helena Brandt | won | Vellmark election: 5 sources, 5 claims" in first
    assert first.split("kind=numeric):")[1].count("(the figures do not overlap)") == 4
    again = run("query_contradictions.py", str(VELLMARK), store, cwd=tmp_path)
    assert "Read 5 documents (0 new), 0 new claims" in again
    assert again.split("quads.")[1] == first.split("quads.")[1]  # the same answers


def test_camps_script(tmp_path):
    printed = run("camps.py", cwd=tmp_path)
    assert ("camp-1: Ada Mirelle, Marek Holm, Regional Electoral Commission, Unity Party"
            in printed)
    assert "Reform Front - Regional Electoral Commission" in printed
    assert "Saltmarsh election | tamper (negation): camp-2 vs camp-1" in printed
