"""formats.py: claims.json and contradictions.json as ../shared/eval/FORMAT.md fixes them."""
from __future__ import annotations

import json

from conftest import report_claims, update_claims
from kgraph.formats import (claim_json, contradiction_json, write_claims, write_contradictions,
                            write_json)
from kgraph.models import Contradiction, Side

CLAIM_KEYS = {"id", "source", "stance", "proposition", "text", "document", "date", "value",
              "unit", "hedged"}
# kgraph adds the evidence offsets, when the proposition holds and the quantity's interval to
# what FORMAT.md requires
CLAIM_EXTRA = {"start", "end", "holds", "interval", "relayed_by"}
CONTRADICTION_KEYS = {"id", "kind", "proposition", "sides", "explanation"}
CONTRADICTION_EXTRA = {"rule"}

DISPUTE = Contradiction(
    id="x-0123", kind="negation", proposition="Varna garrison | encircled",
    sides=(Side("encircled", ("c-marek", "c-mission")), Side("not encircled", ("c-council",))),
    rule="negation", explanation="Ilse Marek says encircled; Harbour Council says not encircled.")


def test_claim_json():
    marek, council, land = report_claims()
    assert set(claim_json(marek)) == CLAIM_KEYS | CLAIM_EXTRA
    assert claim_json(marek) == {
        "id": "c-marek", "source": "Ilse Marek", "stance": "asserts",
        "proposition": "Varna garrison | encircled",
        "text": "Commander Ilse Marek said on Thursday that the Varna garrison was encircled.",
        "start": 0, "end": 76, "document": "varna-report.txt", "date": "2025-03-13",
        "holds": None, "value": None, "unit": None, "interval": None, "hedged": False,
        "relayed_by": []}
    assert claim_json(council)["stance"] == "denies"
    # an open interval ("over 1,300 km2") has no upper bound: null, not Infinity
    assert {k: claim_json(land)[k] for k in ("value", "unit", "interval")} == {
        "value": 1300.0, "unit": "km2", "interval": [1300.0, None]}
    assert claim_json(update_claims()[0])["hedged"] is True


def test_claim_json_text_is_the_evidence():
    for claim in report_claims() + update_claims():
        data = claim_json(claim)
        assert data["text"] == claim.evidence.text.strip()
        assert data["document"] == claim.document_name


def test_contradiction_json():
    data = contradiction_json(DISPUTE)
    assert set(data) == CONTRADICTION_KEYS | CONTRADICTION_EXTRA
    assert data == {
        "id": "x-0123", "kind": "negation", "proposition": "Varna garrison | encircled",
        "sides": [{"position": "encircled", "claims": ["c-marek", "c-mission"]},
                  {"position": "not encircled", "claims": ["c-council"]}],
        "rule": "negation",
        "explanation": "Ilse Marek says encircled; Harbour Council says not encircled."}


def test_write_json_is_atomic_and_valid(tmp_path):
    path = tmp_path / "claims.json"
    path.write_text("old", encoding="utf-8")
    write_claims(path, report_claims() + update_claims())
    write_contradictions(tmp_path / "contradictions.json", [DISPUTE])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.json", "contradictions.json"]
    claims = json.loads(path.read_text(encoding="utf-8"))["claims"]
    assert [c["id"] for c in claims] == [c.id for c in report_claims() + update_claims()]
    assert json.loads((tmp_path / "contradictions.json").read_text())["contradictions"] == [
        contradiction_json(DISPUTE)]


def test_write_json_keeps_unicode(tmp_path):
    path = write_json(tmp_path / "x.json", {"source": "Лариса 🕊️"})
    assert "Лариса 🕊️" in path.read_text(encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == {"source": "Лариса 🕊️"}
