"""Canonical propositions: the same content in different words meets on one label.

A subject or object phrase becomes "<qualifier> <entity type>" ("thousands of Kyiv soldiers",
"Kiev's troops", "our units" said by Ukraine's military -> "Ukrainian forces"), using the
entity types of the lexicon and the gazetteer. Phrases the lexicon does not know keep their
words. Within one document, a bare type ("the offensive", "its units") or a missing subject takes
the qualified subject of the same relation, since an article keeps to its topic.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kgraph.lexicon import Lexicon
from kgraph.models import Proposition
from kgraph.resolve.names import place_of, words

_POSSESSIVE_PRONOUNS = {"its", "our", "their", "his", "her", "my"}
_FILLER = re.compile(r"^(?:(?:thousands|hundreds|dozens|tens|scores|some|many|all|most|several|"
                     r"remaining|the|a|an)\s+(?:of\s+)?)+", re.I)


@dataclass(frozen=True)
class Entity:
    label: str
    type: str | None  # lexicon entity type, when the phrase names one
    qualified: bool  # says whose / where (a place or side), so it can stand alone


def canonical_entity(text: str, lexicon: Lexicon, speaker: str = "") -> Entity:
    """The canonical label of a subject or object phrase said by `speaker`."""
    tokens = [w.lower() for w in words(text)]
    type_ = next((lexicon.entity_type(w) for w in tokens if lexicon.entity_type(w)), None)
    place = place_of(text)
    if place is None and _POSSESSIVE_PRONOUNS & set(tokens):
        place = place_of(speaker)  # "our units", said by the Ukrainian General Staff
    if type_ is None:
        plain = _FILLER.sub("", " ".join(words(text)))
        return Entity(plain, None, bool(plain))
    qualifier = place.demonym if place else _proper_words(text, lexicon)
    label = f"{qualifier} {type_}" if qualifier else type_
    return Entity(label, type_, bool(qualifier))


def _proper_words(text: str, lexicon: Lexicon) -> str:
    """Capitalised words that qualify an entity type: "the Kursk operation" -> "Kursk"."""
    return " ".join(w for w in words(text)
                    if w[:1].isupper() and not lexicon.entity_type(w.lower()))


@dataclass(frozen=True)
class _Read:
    subject: Entity
    object: Entity | None


def canonical_propositions(items: list[tuple[Proposition, str, str]], lexicon: Lexicon,
                           ) -> list[Proposition]:
    """Canonical propositions for (raw proposition, speaker, document id) triples, in order."""
    reads = [_Read(canonical_entity(p.subject, lexicon, speaker),
                   canonical_entity(p.object, lexicon, speaker) if p.object else None)
             for p, speaker, _ in items]
    # the qualified subject of each (document, relation, type), for bare mentions to join
    topics: dict[tuple[str, str, str | None], str] = {}
    for (prop, _, doc), read in zip(items, reads):
        if read.subject.qualified:
            topics.setdefault((doc, prop.relation, read.subject.type), read.subject.label)
            topics.setdefault((doc, prop.relation, None), read.subject.label)
    out = []
    for (prop, _, doc), read in zip(items, reads):
        subject = read.subject.label
        if not read.subject.qualified:
            subject = topics.get((doc, prop.relation, read.subject.type), subject) or "something"
        obj = read.object.label if read.object else None
        if lexicon.arity.get(prop.relation) == 1:  # "encircled by the enemy" is still encircled
            obj = None
        out.append(Proposition(subject, prop.relation, obj))
    return out

