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


# A long text (a live blog) is parsed in pieces of at most this many characters, cut at
# paragraph breaks: the parser's memory and the time per piece grow faster than its length.
# A 3 MB text in spaCy's own 1M-character pieces peaked at 9 GB; in 20k pieces 300k characters
# peak at 1.0 GB and 1M at 2.0 GB, a full batch of pieces, which bounds it for any length.
# A news article (a few thousand characters) is one piece.
MAX_PIECE = 20_000


def extract_claims(documents: Iterable[Document], model: str | None = None,
                   batch_size: int = 32) -> Iterator[Claim]:
    """Parse the documents with spaCy (in batches) and yield their claims, in document order."""
    from kgraph.extract.model import load_model

    nlp = load_model(model)
    size = min(nlp.max_length, MAX_PIECE)
    pieces = ((text, (document, offset)) for document in documents
              for text, offset in chunks(document.text, size))
    for doc, (document, offset) in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size):
        yield from claims_from_doc(doc, document, offset)


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
