"""Synthetic claims with realistic proportions, for measuring the store and the reasoner.

Each proposition is talked about by about four claims. Most propositions are only asserted; about
one in five is disputed (some sources deny it); one in ten carries a figure, and about a third
of those figures disagree; one in ten is about who controls a place, with a rival controller
named for a third of them. Sources are drawn from a pool that grows with the corpus, as in a
long-running story. Deterministic for a given size and seed.
"""
from __future__ import annotations

import random
from pathlib import Path
from typing import Iterator

from kgraph.models import Claim, Document, Proposition, Quantity, Source, Stance, TextSpan
from kgraph.store import Store

CLAIMS_PER_DOCUMENT = 10


def synthetic_corpus(claims: int, seed: int = 7, prefix: str = "syn",
                     topics: int | None = None) -> Iterator[tuple[Document, list[Claim]]]:
    """(document, its claims) pairs holding `claims` claims in all, spread evenly over
    `topics` propositions (default: a quarter as many as claims); ids start with `prefix`."""
    rng = random.Random(seed)
    topics = topics or max(1, claims // 4)
    sources = [Source(f"Source {i}", f"Source {i}", "organisation")
               for i in range(max(20, claims // 50))]
    made = 0
    document_index = 0
    while made < claims:
        text = "Synthetic sentence. " * CLAIMS_PER_DOCUMENT
        document = Document(id=f"d-{prefix}{document_index:07d}",
                            name=f"{prefix}-{document_index}.txt",
                            text=text, date="2025-03-14")
        batch = []
        for i in range(min(CLAIMS_PER_DOCUMENT, claims - made)):
            batch.append(_claim(rng, sources, document, i, made, prefix, topics))
            made += 1
        document_index += 1
        yield document, batch


def load_synthetic(store: Store, claims: int) -> None:
    """Put `claims` synthetic claims into `store`, in transactions of about 200k quads."""
    from kgraph.rdf.mapping import document_quads

    batch: list = []
    for document, own in synthetic_corpus(claims):
        batch += document_quads(document, own)
        if len(batch) > 200_000:
            store.add(batch)
            batch = []
    store.add(batch)


def bulk_load_synthetic(folder: Path, claims: int) -> Path:
    """A new embedded store in `folder` holding `claims` synthetic claims, written by Oxigraph's
    bulk loader (no transactions: only for a store nothing else has open)."""
    import pyoxigraph as ox

    from kgraph.rdf.mapping import document_quads
    from kgraph.store.oxigraph import to_ox

    store = ox.Store(str(folder))
    store.bulk_extend(ox.Quad(*map(to_ox, quad)) for document, own in synthetic_corpus(claims)
                      for quad in document_quads(document, own))
    store.flush()
    store.optimize()  # compacted now, not in the background while the reasoner is timed
    del store  # releases the folder's lock for kgraph's own store
    return Path(folder)


def _claim(rng: random.Random, sources: list[Source], document: Document, i: int,
           n: int, prefix: str, topics: int) -> Claim:
    topic = rng.randrange(topics)
    roll = topic % 10
    stance, quantity, proposition = Stance.ASSERTS, None, Proposition(f"Group {topic}",
                                                                      "encircled")
    if roll < 2 and rng.random() < 0.4:
        stance = Stance.DENIES
    elif roll == 2:
        value = rng.choice([1000.0, 1000.0, 1300.0])
        proposition = Proposition(f"Group {topic}", "captured", "territory")
        quantity = Quantity(value, "km2", value * 0.9, value * 1.1)
    elif roll == 3:
        controller = f"Group {topic}" if rng.random() < 0.67 else f"Group {topic + 1}"
        proposition = Proposition(controller, "controls", f"Town {topic}")
    start = i * 20
    return Claim(id=f"c-{prefix}{n:08d}", source=rng.choice(sources), stance=stance,
                 proposition=proposition, evidence=TextSpan(start, start + 19,
                                                            document.text[start:start + 19]),
                 document=document.id, document_name=document.name, date=document.date,
                 quantity=quantity)
