"""Shared, model-free fixtures: a small made-up dispute over a lakeside garrison, as canonical
claims in two documents (what resolve/ would hand to rdf/)."""
from __future__ import annotations

import pytest

from kgraph.models import Claim, Document, Proposition, Quantity, Source, Stance, TextSpan

GARRISON = Proposition("Varna garrison", "encircled")
CEASEFIRE = Proposition("Northern militia", "violated", "Varna ceasefire")
LAND = Proposition("Northern militia", "captured", "territory")

REPORT = Document(
    id="d-report", name="varna-report.txt", date="2025-03-14", title="Garrison dispute",
    text=("Commander Ilse Marek said on Thursday that the Varna garrison was encircled. "
          "The Harbour Council denied that the garrison was encircled. "
          "Marek added that the militia had captured over 1,300 km2 of territory."),
)
UPDATE = Document(
    id="d-update", name="varna-update.txt", date="2025-03-16", url="https://example.org/update",
    text=("The Lake Monitoring Mission said the garrison was probably encircled. "
          "The mission first said the militia violated the ceasefire. "
          "Later the mission said the militia had not violated the ceasefire."),
)


def span(document: Document, sentence_start: str) -> TextSpan:
    """The sentence of `document` that begins with `sentence_start`, with its offsets."""
    start = document.text.index(sentence_start)
    end = document.text.index(".", start) + 1
    return TextSpan(start, end, document.text[start:end])


def claim(id: str, document: Document, sentence_start: str, source: Source, stance: Stance,
          proposition: Proposition, **fields) -> Claim:
    fields.setdefault("date", document.date)
    return Claim(id=id, source=source, stance=stance, proposition=proposition,
                 evidence=span(document, sentence_start), document=document.id,
                 document_name=document.name, cue=fields.pop("cue", "said"), **fields)


MAREK = Source("Ilse Marek", "Commander Ilse Marek", "person")
COUNCIL = Source("Harbour Council", "The Harbour Council", "organisation")
MISSION = Source("Lake Monitoring Mission", "The Lake Monitoring Mission", "organisation")


def report_claims() -> list[Claim]:
    return [
        claim("c-marek", REPORT, "Commander", MAREK, Stance.ASSERTS, GARRISON, date="2025-03-13"),
        claim("c-council", REPORT, "The Harbour", COUNCIL, Stance.DENIES, GARRISON,
              cue="denied"),
        claim("c-land", REPORT, "Marek added", MAREK, Stance.ASSERTS, LAND,
              quantity=Quantity(1300.0, "km2", 1300.0, float("inf"))),
    ]


def update_claims() -> list[Claim]:
    return [
        claim("c-mission", UPDATE, "The Lake", MISSION, Stance.ASSERTS, GARRISON, hedged=True),
        claim("c-violated", UPDATE, "The mission first", MISSION, Stance.ASSERTS, CEASEFIRE),
        claim("c-not-violated", UPDATE, "Later", MISSION, Stance.DENIES, CEASEFIRE,
              quantity=Quantity(20.0, None, 18.0, 22.0)),
    ]


@pytest.fixture
def corpus() -> list[tuple[Document, list[Claim]]]:
    """Two documents with their claims: one negation (Marek and the mission vs the council) and
    one revision (the mission alone on both sides of the ceasefire)."""
    return [(REPORT, report_claims()), (UPDATE, update_claims())]


@pytest.fixture
def memory_store(corpus):
    from kgraph.rdf.mapping import document_quads
    from kgraph.store import open_store

    store = open_store("memory")
    for document, claims in corpus:
        store.add(document_quads(document, claims))
    yield store
    store.close()
