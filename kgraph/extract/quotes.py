"""Quotations that run over several sentences: the sentences of a quote belong to whoever the
quote is attributed to, also when the cue stands in another sentence

    "Kursk drew in their best units," the analyst said. "It changed little."
    "Our lines hold. The enemy is exhausted," the general said.
"""
from __future__ import annotations

import re
from typing import Iterator, Sequence

from spacy.tokens import Span

from kgraph.extract.attribution import Attribution

# a quotation: curly, straight or guillemets, within one paragraph
_QUOTE = re.compile(r'[“"«][^“”"«»\n]*?[”"»]')


def quote_regions(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)]


def _region_of(start: int, end: int, regions: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation a stretch of text lies in (give or take the quote marks), if any."""
    return next(((a, b) for a, b in regions if a <= start + 1 and end - 1 <= b), None)


def continued_quotes(sentences: Sequence[Span], found: Sequence[list[Attribution]],
                     ) -> Iterator[tuple[int, Attribution]]:
    """(sentence index, attribution) for each quoted sentence with no cue of its own that
    belongs to a quotation attributed in a neighbouring sentence of the same paragraph."""
    if not sentences:
        return
    text = sentences[0].doc.text
    regions = quote_regions(text)
    by_region: dict[tuple[int, int], Attribution] = {}
    for attributions in found:
        for attribution in attributions:
            region = next(((a, b) for a, b in regions
                           if a <= attribution.content.idx < b), None)
            if region is not None:
                by_region.setdefault(region, attribution)
    last: Attribution | None = None  # the latest quoted attribution in this paragraph
    previous_end = 0
    for i, sentence in enumerate(sentences):
        if "\n\n" in text[previous_end:sentence.start_char]:
            last = None
        previous_end = sentence.end_char
        if found[i]:
            quoted = [a for a in found[i] if _region_of(a.content.idx, a.content.idx + 1, regions)]
            last = quoted[-1] if quoted else last
            continue
        region = _region_of(sentence.start_char,
                            sentence.start_char + len(sentence.text.rstrip()), regions)
        if region is None:
            continue
        attribution = by_region.get(region) or last
        if attribution is not None:
            yield i, Attribution(attribution.speakers, sentence.root, attribution.cue, False)
