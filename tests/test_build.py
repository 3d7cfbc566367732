"""End to end: `kgraph build` over examples/ (and the seed articles, when ../shared is there)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph import __version__
from kgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
OUTPUTS = ("graph.trig", "graph.html", "claims.json", "contradictions.json", "camps.json")


def build(tmp_path: Path, *inputs: str) -> tuple[Path, str]:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", *inputs, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.output


@pytest.fixture(scope="module")
def kursk(tmp_path_factory) -> tuple[Path, str]:
    return build(tmp_path_factory.mktemp("kursk"), str(ROOT / "examples" / "kursk"))


def test_version_and_help():
    runner = CliRunner()
    assert __version__ in runner.invoke(main, ["--version"]).output
    for args in ([], ["build"]):
        result = runner.invoke(main, [*args, "--help"])
        assert result.exit_code == 0
        assert "kgraph build" in result.output


@pytest.mark.model
def test_build_writes_every_output(kursk):
    out, output = kursk
    for name in OUTPUTS:
        assert (out / name).stat().st_size > 0, name
    assert "Documents read: 4" in output
    assert "Top disputed propositions:" in output


@pytest.mark.model
def test_kursk_encirclement_is_one_negation_with_both_camps(kursk):
    out, _ = kursk
    claims = {c["id"]: c for c in json.loads((out / "claims.json").read_text())["claims"]}
    contradictions = json.loads((out / "contradictions.json").read_text())["contradictions"]
    [encircled] = [x for x in contradictions if x["proposition"] == "Ukrainian forces | encircled"]
    assert encircled["kind"] == "negation"
    sides = {s["position"]: {claims[c]["source"] for c in s["claims"]} for s in encircled["sides"]}
    assert {"Donald Trump", "Vladimir Putin"} <= sides["encircled"]
    assert {"Ukrainian General Staff", "Volodymyr Zelensky"} <= sides["not encircled"]
    assert any("intelligence" in s.lower() for s in sides["not encircled"])
    assert not sides["encircled"] & sides["not encircled"]
    assert "Donald Trump" in encircled["explanation"]


@pytest.mark.model
def test_claims_carry_offsets_into_their_documents(kursk):
    out, _ = kursk
    claims = json.loads((out / "claims.json").read_text())["claims"]
    assert claims and all(c["stance"] in ("asserts", "denies") for c in claims)
    for claim in claims:
        assert claim["end"] - claim["start"] >= len(claim["text"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", claim["date"])


@pytest.mark.model
def test_page_furniture_yields_no_claims(kursk):
    out, _ = kursk
    claims = json.loads((out / "claims.json").read_text())["claims"]
    html_claims = [c for c in claims if c["document"].endswith(".html")]
    assert html_claims
    assert not [c for c in html_claims if re.search(r"related|most read|footer", c["text"], re.I)]


@pytest.mark.model
def test_graph_page_is_self_contained(kursk):
    out, _ = kursk
    page = (out / "graph.html").read_text()
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", page)
    assert "Donald Trump" in page


@pytest.mark.model
def test_rebuild_is_deterministic(kursk, tmp_path):
    """Byte for byte, TriG included, in another process with another hash seed."""
    first, _ = kursk
    second = tmp_path / "again"
    subprocess.run([sys.executable, "-m", "kgraph.cli", "build", str(ROOT / "examples" / "kursk"),
                    "--out", str(second)], check=True, capture_output=True,
                   env={**os.environ, "PYTHONHASHSEED": "12345"})
    for name in OUTPUTS:
        assert (first / name).read_text() == (second / name).read_text(), name


def test_unreadable_input_is_named_and_the_rest_goes_on(tmp_path):
    missing = tmp_path / "nope.txt"
    result = CliRunner().invoke(main, ["build", str(missing), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert f"{missing}" in result.output and "Traceback" not in result.output


@pytest.mark.model
@pytest.mark.skipif(not (EVAL / "score.py").is_file(), reason="../shared/eval is not here")
def test_seed_articles_score_the_encirclement_contradiction(tmp_path):
    out, _ = build(tmp_path, str(EVAL / "seeds"))
    score = subprocess.run([sys.executable, str(EVAL / "score.py"),
                            str(EVAL / "seeds_gold.json"), str(out)],
                           capture_output=True, text=True, check=True).stdout
    assert re.search(r"HIT\s+\[core\] kursk\.encirclement", score), score
    assert re.search(r"HIT\s+\[core\] kursk\.area_initially_seized", score), score
    assert "FALSE FLAG" not in score
    figures = dict(f.split("=") for f in score.strip().splitlines()[-1].split())
    assert float(figures["precision"]) >= 0.8
    assert int(figures["boilerplate_claims"]) == 0
    # the camps: Trump and Putin on one side, Kyiv's voices and US intelligence on the other
    camps = json.loads((out / "camps.json").read_text())["camps"]
    camp_of = {source: camp["id"] for camp in camps for source in camp["sources"]}
    assert camp_of["Donald Trump"] == camp_of["Vladimir Putin"]
    others = [s for s in camp_of if s == "Ukrainian General Staff" or "intelligence" in s]
    assert len(others) >= 2 and {camp_of[s] for s in others} == {camp_of["Volodymyr Zelensky"]}
    assert camp_of["Donald Trump"] != camp_of["Volodymyr Zelensky"]
