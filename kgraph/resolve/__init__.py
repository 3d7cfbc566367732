"""resolve/: [Claim] -> [Claim] with canonical sources, propositions and dates.

Needs the whole corpus, because "Trump" is only known to be Donald Trump, and "the offensive"
only known to be the Kursk operation, from the other claims around it. What it needs of the
corpus is small (its names and the topics of each relation), so a long run gathers it in two
passes over the raw claims (corpus_context) and then resolves one document at a time.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import reduce
from operator import or_
from typing import Iterable, Mapping, Sequence

from kgraph.lexicon import load_lexicon
from kgraph.models import Claim, Source
from kgraph.resolve.dates import claim_date, time_span
from kgraph.resolve.propositions import (Topics, canonical_entity, canonical_propositions,
                                         corpus_topics, merge_topics)
from kgraph.resolve.sources import canonical_names

__all__ = ["resolve_claims", "corpus_context", "Corpus", "NamesSaid", "names_said",
           "canonical_entity", "canonical_names", "claim_date", "time_span"]


@dataclass(frozen=True)
class NamesSaid:
    """The names a part of the corpus uses; parts combine with `|`. Grows with the distinct
    names, not with the claims."""

    sources: frozenset[Source] = frozenset()  # sources, relaying outlets, names in claims
    speakers: frozenset[str] = frozenset()  # names of the speakers who are persons

    def __or__(self, other: NamesSaid) -> NamesSaid:
        return NamesSaid(self.sources | other.sources, self.speakers | other.speakers)


@dataclass(frozen=True)
class Corpus:
    """What resolving a claim needs to know about the whole corpus it was read in."""

    names: Mapping[str, str]  # every name said -> its canonical form
    people: frozenset[str]  # canonical names of the speakers who are persons
    topics: tuple[Topics, Topics] = ({}, {})  # qualified subjects and objects of each relation

    @classmethod
    def named(cls, said: NamesSaid) -> Corpus:
        """The corpus's canonical names, before its topics are known (add_topics)."""
        names = canonical_names(said.sources)
        return cls(names, frozenset(names[name] for name in said.speakers))

    def topics_of(self, claims: Sequence[Claim]) -> tuple[Topics, Topics]:
        """The topics of a part of the corpus, under the corpus's names."""
        return corpus_topics(_items(claims, self.names), load_lexicon(), self.names,
                             self.people)

    def add_topics(self, parts: Iterable[tuple[Topics, Topics]]) -> Corpus:
        subjects: Topics = {}
        objects: Topics = {}
        for found in parts:
            subjects, objects = merge_topics(subjects, found[0]), merge_topics(objects, found[1])
        return replace(self, topics=(subjects, objects))


def names_said(claims: Sequence[Claim]) -> NamesSaid:
    """The sources, the outlets that relayed them, and names said inside claims ("Marran won"),
    which join the sources' names ("Teo Marran")."""
    mentions = {Source(text, text, "agent") for c in claims
                for text in (c.proposition.subject, c.proposition.object or "") if _is_name(text)}
    return NamesSaid(
        frozenset({c.source for c in claims} | {s for c in claims for s in c.relayed_by}
                  | mentions),
        frozenset(c.source.name for c in claims if c.source.kind == "person"))


def corpus_context(first: Iterable[Sequence[Claim]],
                   second: Iterable[Sequence[Claim]] | None = None) -> Corpus:
    """The corpus of raw claims given in parts (batches, documents), read twice: the names
    first, then the topics, which need the canonical names. `second` is the same parts again
    (by default `first`, which must then be a list)."""
    corpus = Corpus.named(reduce(or_, map(names_said, first), NamesSaid()))
    return corpus.add_topics(map(corpus.topics_of, first if second is None else second))


def resolve_claims(claims: Sequence[Claim], corpus: Corpus | None = None) -> list[Claim]:
    """The same claims with canonical source names, propositions and claim dates. `corpus`
    describes the whole corpus when `claims` are only some of its documents; by default the
    claims are the corpus."""
    corpus = corpus or corpus_context([claims])
    names = corpus.names
    propositions = canonical_propositions(_items(claims, names), load_lexicon(), names,
                                          corpus.people, corpus.topics)
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


def _items(claims: Sequence[Claim], names: Mapping[str, str]) -> list[tuple]:
    return [(c.proposition, names[c.source.name], c.document) for c in claims]


def _is_name(text: str) -> bool:
    """A short phrase of capitalised words: "Marran", "Teo Marran", "the Front" is not."""
    parts = text.split()
    return 0 < len(parts) <= 4 and all(p[:1].isupper() for p in parts)
