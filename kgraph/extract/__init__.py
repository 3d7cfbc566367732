"""extract/: Document -> [Claim]. The only package that imports spaCy.

Each sentence is parsed once; every attribution in it (attribution.py, quotes.py) becomes one
claim per speaker, with the proposition of the attributed clause (content.py) still in the words
of the text. resolve/ canonicalises sources, propositions and dates afterwards.
"""
from __future__ import annotations

from collections import deque
from typing import Iterable, Iterator

from kgraph.extract.claims import claim_id, claims_from_doc
from kgraph.models import Claim, Document

__all__ = ["extract_claims", "extract_documents", "claims_from_doc", "claim_id"]


# A long text (a live blog) is parsed in pieces of at most this many characters, cut at
# paragraph breaks: the parser's memory and the time per piece grow faster than its length.
# A 3 MB text in spaCy's own 1M-character pieces peaked at 9 GB; in 20k pieces 300k characters
# peak at 1.0 GB and 1M at 2.0 GB, a full batch of pieces, which bounds it for any length.
# A news article (a few thousand characters) is one piece.
MAX_PIECE = 20_000


def extract_claims(documents: Iterable[Document], model: str | None = None,
                   batch_size: int = 32, workers: int = 1) -> Iterator[Claim]:
    """Parse the documents with spaCy (in batches; `workers` is spaCy's n_process) and yield
    their claims, in document order. `documents` is read lazily: only the batches in flight
    are in memory."""
    from kgraph.extract.model import load_model

    nlp = load_model(model)
    size = min(nlp.max_length, MAX_PIECE)
    # only texts go to spaCy (and to its worker processes); what they belong to waits here
    waiting: deque[tuple[Document, int]] = deque()

    def texts() -> Iterator[str]:
        for document in documents:
            for text, offset in chunks(document.text, size):
                waiting.append((document, offset))
                yield text

    for doc in nlp.pipe(texts(), batch_size=batch_size, n_process=workers):
        document, offset = waiting.popleft()
        yield from claims_from_doc(doc, document, offset)


def extract_documents(documents: Iterable[Document], model: str | None = None,
                      batch_size: int = 32, workers: int = 1
                      ) -> Iterator[tuple[Document, list[Claim]]]:
    """Each document with its claims (none for some), in order, as extract_claims finds them.
    The documents' ids must differ."""
    waiting: deque[tuple[Document, list[Claim]]] = deque()

    def fed() -> Iterator[Document]:
        for document in documents:
            waiting.append((document, []))
            yield document

    for claim in extract_claims(fed(), model, batch_size=batch_size, workers=workers):
        while waiting[0][0].id != claim.document:  # claims come in order: that one is done
            yield waiting.popleft()
        waiting[0][1].append(claim)
    yield from waiting


def chunks(text: str, size: int) -> Iterator[tuple[str, int]]:
    """`text` in pieces of at most `size` characters, cut at paragraph breaks where possible
    (else at a line break or a space), each with its offset, so a text longer than spaCy's
    max_length is still read whole, with offsets into the whole."""
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = max(window.rfind("\n\n"), 0) or max(window.rfind("\n"), 0) or window.rfind(" ")
        cut = cut if cut > 0 else size
        yield text[start:start + cut], start
        start += cut
    yield text[start:], start
