"""Extraction over articles of our own about other, invented disputes (tests/fixtures/articles:
a ceasefire breach, an election count, an aid convoy, an attack on a ship), against the claims
an analyst reads in them (expected.json). Nothing here is tuned to the seed articles."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kgraph.pipeline import build

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
EXPECTED = json.loads((ARTICLES / "expected.json").read_text())
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    report = build([ARTICLES], tmp_path_factory.mktemp("articles"))
    return report.claims, report.contradictions


def same_source(expected: str, found: str) -> bool:
    """Names match when every word of the shorter starts a word of the longer ("Tresland" /
    "Treslandic"): the expected names are an analyst's, not kgraph's canonical ones."""
    a, b = (re.findall(r"\w{3,}", n.lower()) for n in (expected, found))
    short, long = sorted((a, b), key=len)
    return bool(short) and all(any(w.startswith(s[:6]) for w in long) for s in short)


def found(expected: dict, document: str, claims) -> bool:
    return any(c.document_name == document and c.stance.value == expected["stance"]
               and c.proposition.relation == expected["relation"]
               and expected["cue"].lower() in c.evidence.text.lower()
               and same_source(expected["source"], c.source.name) for c in claims)


def test_claim_recall_on_other_disputes(output):
    claims, _ = output
    results = [(doc, e, found(e, doc, claims)) for doc, items in EXPECTED.items() for e in items]
    missed = [f"{doc}: {e['source']} {e['stance']} {e['relation']} ({e['cue']})"
              for doc, e, ok in results if not ok]
    recall = 1 - len(missed) / len(results)
    assert recall >= 0.8, f"recall {recall:.2f}; missed:\n" + "\n".join(missed)


@pytest.mark.parametrize("relation, asserting, denying", [
    ("violated", "Tresland", "Upland Alliance"),  # the ceasefire breach
    ("blocked", "Lakeside Relief Council", "interior ministry"),  # the aid convoy
    ("won", "Pell Odari", "Ilse Granger"),  # the election count
])
def test_each_dispute_is_a_negation_between_its_camps(output, relation, asserting, denying):
    claims, contradictions = output
    by_id = {c.id: c for c in claims}
    sides = [{side.position: {by_id[c].source.name for c in side.claims}
              for side in x.sides} for x in contradictions
             if x.kind == "negation" and x.proposition.split(" | ")[1] == relation]
    assert any(any(asserting in s for s in side[relation])
               and any(denying in s for s in side[f"not {relation}"]) for side in sides), sides
