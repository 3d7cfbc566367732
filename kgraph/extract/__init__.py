"""extract/: Document -> [Claim]. The only package that imports spaCy.

Each sentence is parsed once; every attribution in it (attribution.py, quotes.py) becomes one
claim per speaker, with the proposition of the attributed clause (content.py) still in the words
of the text. resolve/ canonicalises sources, propositions and dates afterwards.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from kgraph.extract.claims import claim_id, claims_from_doc
from kgraph.models import Claim, Document

__all__ = ["extract_claims", "claims_from_doc", "claim_id"]


def extract_claims(documents: Iterable[Document], model: str | None = None,
                   batch_size: int = 32) -> Iterator[Claim]:
    """Parse the documents with spaCy (in batches) and yield their claims, in document order."""
    from kgraph.extract.model import load_model

    nlp = load_model(model)
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield from claims_from_doc(doc, document)
