"""resolve/: [Claim] -> [Claim] with canonical sources, propositions and dates.

Works on the whole batch at once, because "Trump" is only known to be Donald Trump, and "the
offensive" only known to be the Kursk operation, from the other claims around it.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from kgraph.lexicon import load_lexicon
from kgraph.models import Claim, Source
from kgraph.resolve.dates import claim_date, time_span
from kgraph.resolve.propositions import canonical_entity, canonical_propositions
from kgraph.resolve.sources import canonical_names

__all__ = ["resolve_claims", "canonical_entity", "canonical_names", "claim_date", "time_span"]


def resolve_claims(claims: Sequence[Claim]) -> list[Claim]:
    """The same claims with canonical source names, propositions and claim dates."""
    # names said inside claims ("Marran won") join the sources' names ("Teo Marran")
    mentions = [Source(text, text, "agent") for c in claims
                for text in (c.proposition.subject, c.proposition.object or "") if _is_name(text)]
    names = canonical_names([c.source for c in claims] + [s for c in claims for s in c.relayed_by]
                            + mentions)
    lexicon = load_lexicon()
    people = frozenset(names[c.source.name] for c in claims if c.source.kind == "person")
    propositions = canonical_propositions(
        [(c.proposition, names[c.source.name], c.document) for c in claims], lexicon, names,
        people)
    resolved = []
    for claim, proposition in zip(claims, propositions):
        resolved.append(replace(
            claim,
            source=replace(claim.source, name=names[claim.source.name]),
            proposition=proposition,
            date=claim_date(claim.date, claim.evidence.text),
            holds=time_span(claim.date, claim.holds_text),
            relayed_by=tuple(replace(s, name=names[s.name]) for s in claim.relayed_by),
        ))
    return resolved


def _is_name(text: str) -> bool:
    """A short phrase of capitalised words: "Marran", "Teo Marran", "the Front" is not."""
    parts = text.split()
    return 0 < len(parts) <= 4 and all(p[:1].isupper() for p in parts)
