"""spaCy components kgraph adds to the pipeline (Doc -> Doc, registered by name)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("kgraph_line_breaks", requires=["token.text"], assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after a blank line, and after a line break unless the next line goes on
    in lowercase (hard-wrapped text). Headlines, bylines and captions then stay out of the
    sentence that follows them; the parser keeps the boundaries set here."""
    for token in doc[:-1]:
        if not token.is_space or "\n" not in token.text:
            continue
        following = doc[token.i + 1]
        if token.text.count("\n") > 1 or not following.is_lower:
            following.is_sent_start = True
    return doc
