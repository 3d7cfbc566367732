"""One parsed document -> its claims: attributions, quoted continuations, and the outlet's own
figures, each with the proposition of its clause still in the words of the text."""
from __future__ import annotations

import hashlib
from typing import Iterator

from spacy.tokens import Doc, Span

from kgraph.extract.attribution import attributions
from kgraph.extract.content import SIDE_CLAUSES, Content, read_content
from kgraph.extract.cues import HEDGE_PHRASES
from kgraph.extract.quotes import continued_quotes
from kgraph.extract.speakers import source_for
from kgraph.lexicon import load_lexicon
from kgraph.models import Claim, Document, Proposition, Source, Stance, TextSpan
from kgraph.quantities import parse_quantity


def claim_id(*parts: object) -> str:
    """A stable id: the same input always gives the same id."""
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return f"c-{digest[:16]}"


def claims_from_doc(doc: Doc, document: Document, offset: int = 0) -> Iterator[Claim]:
    """The claims of one parsed spaCy Doc that holds `document.text` (or the piece of it that
    starts at `offset`)."""
    lexicon = load_lexicon()
    sentences = list(doc.sents)
    found = [list(attributions(sentence)) for sentence in sentences]
    for i, attribution in continued_quotes(sentences, found):
        found[i].append(attribution)
    outlet = Source(document.publisher or document.name, document.publisher or document.name,
                    "outlet")
    recent: list[tuple[Source, int]] = []  # speakers so far, for the pronouns that follow
    for sentence, found_here in zip(sentences, found):
        # "Reuters reported that officials said P": the inner speakers claim P, the outer relay it
        cues = {a.cue.i: a for a in found_here}
        relays = {cues[a.content.i].cue.i: a for a in found_here if a.content.i in cues}
        sentence_hedged = any(p in sentence.text.lower() for p in HEDGE_PHRASES)
        if not found_here:  # the outlet's own reporting: kept when a clause gives a figure, since
            # figures are what reports dispute ("about 1,000 km2" here, "over 1,300 km2" there)
            for clause in [sentence.root, *(t for t in sentence if t.dep_ in SIDE_CLAUSES)]:
                content = read_content(clause, lexicon)
                if content and content.lexical and parse_quantity(content.quantity_text):
                    yield _claim(document, sentence, offset, outlet, content, "", (),
                                 sentence_hedged)
                    break
            continue
        for attribution in found_here:
            if attribution.content.i in cues:
                continue
            relay = relays.get(attribution.cue.i)
            if relay is not None and relay.denies:
                continue  # "the Kremlin denied that Putin said P": nobody is shown to claim P
            content = read_content(attribution.content, lexicon, attribution.exclude)
            if content is None:
                continue
            relayed_by = tuple(s for s in (source_for(t, recent) for t in
                                           (relay.speakers if relay else ())) if s)
            for speaker in attribution.speakers:
                source = source_for(speaker, recent)
                if source is None:
                    continue
                recent.append((source, speaker.i))
                yield _claim(document, sentence, offset, source, content, attribution.cue.text,
                             relayed_by, sentence_hedged, denies=attribution.denies)


def _claim(document: Document, sentence: Span, offset: int, source: Source, content: Content,
           cue: str, relayed_by: tuple[Source, ...], hedged: bool, denies: bool = False) -> Claim:
    stance = Stance.DENIES if denies != content.negated else Stance.ASSERTS
    evidence = TextSpan(offset + sentence.start_char, offset + sentence.end_char, sentence.text)
    proposition = Proposition(content.subject, content.relation, content.object)
    return Claim(
        id=claim_id(document.id, evidence.start, cue, source.label, stance.value,
                    proposition.label),
        source=source,
        stance=stance,
        proposition=proposition,
        evidence=evidence,
        document=document.id,
        document_name=document.name,
        date=document.date,
        holds_text=content.time_text,
        hedged=content.hedged or hedged,
        cue=cue,
        quantity=parse_quantity(content.quantity_text),
        relayed_by=relayed_by,
    )
