"""extract/: Document -> [Claim]. The only package that imports spaCy.

Each sentence is parsed once; every attribution in it (see attribution.py) becomes one claim
per speaker, with the proposition of the attributed clause (content.py) still in the words of
the text. resolve/ canonicalises sources, propositions and dates afterwards.
"""
from __future__ import annotations

import hashlib
from typing import Iterable, Iterator

from kgraph.models import Claim, Document, Proposition, Source, Stance, TextSpan

__all__ = ["extract_claims", "claims_from_doc"]


def claim_id(*parts: object) -> str:
    """A stable id: the same input always gives the same id."""
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return f"c-{digest[:16]}"


def extract_claims(documents: Iterable[Document], model: str | None = None,
                   batch_size: int = 32) -> Iterator[Claim]:
    """Parse the documents with spaCy (in batches) and yield their claims, in document order."""
    from kgraph.extract.model import load_model

    nlp = load_model(model)
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield from claims_from_doc(doc, document)


def claims_from_doc(doc, document: Document) -> Iterator[Claim]:
    """The claims of one parsed spaCy Doc that holds `document.text`."""
    from kgraph.extract.attribution import attributions
    from kgraph.extract.content import read_content
    from kgraph.extract.cues import HEDGE_PHRASES
    from kgraph.extract.quotes import continued_quotes
    from kgraph.extract.speakers import source_for
    from kgraph.lexicon import load_lexicon
    from kgraph.quantities import parse_quantity

    lexicon = load_lexicon()
    sentences = list(doc.sents)
    found = [list(attributions(sentence)) for sentence in sentences]
    for i, attribution in continued_quotes(sentences, found):
        found[i].append(attribution)
    recent: list[Source] = []  # speakers so far, for the pronouns that follow
    for sentence, found in zip(sentences, found):
        # "Reuters reported that officials said P": the inner speakers claim P, the outer relay it
        cues = {a.cue.i: a for a in found}
        relays = {cues[a.content.i].cue.i: a for a in found if a.content.i in cues}
        sentence_hedged = any(p in sentence.text.lower() for p in HEDGE_PHRASES)
        for attribution in found:
            if attribution.content.i in cues:
                continue
            content = read_content(attribution.content, lexicon, attribution.exclude)
            if content is None:
                continue
            relay = relays.get(attribution.cue.i)
            relayed_by = tuple(s for s in (source_for(t, recent) for t in
                                           (relay.speakers if relay else ())) if s)
            stance = Stance.DENIES if attribution.denies != content.negated else Stance.ASSERTS
            evidence = TextSpan(sentence.start_char, sentence.end_char, sentence.text)
            proposition = Proposition(content.subject, content.relation, content.object)
            for speaker in attribution.speakers:
                source = source_for(speaker, recent)
                if source is None:
                    continue
                recent.append(source)
                yield Claim(
                    id=claim_id(document.id, evidence.start, attribution.cue.i, source.label,
                                stance.value, proposition.label),
                    source=source,
                    stance=stance,
                    proposition=proposition,
                    evidence=evidence,
                    document=document.id,
                    document_name=document.name,
                    date=document.date,
                    hedged=content.hedged or sentence_hedged,
                    cue=attribution.cue.text,
                    quantity=parse_quantity(content.quantity_text),
                    relayed_by=relayed_by,
                )
