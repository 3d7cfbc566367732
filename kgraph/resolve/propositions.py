"""Canonical propositions: the same content in different words meets on one label.

A subject or object phrase becomes "<qualifier> <entity type>" ("thousands of Kyiv soldiers",
"Kiev's troops", "our units" said by Ukraine's military -> "Ukrainian forces"), using the
entity types of the lexicon and the gazetteer. Phrases the lexicon does not know keep their
words. Within one document, a bare type ("the offensive", "its units") or a missing subject takes
the qualified subject of the same relation, since an article keeps to its topic.
"""
from __future__ import annotations

import re
from collections import defaultdict
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
    type_ = next(filter(None, (lexicon.entity_type(*_singulars(w)) for w in tokens)), None)
    place = place_of(text)
    if place is None and type_ == "forces" and _POSSESSIVE_PRONOUNS & set(tokens):
        place = place_of(speaker)  # "our units", said by the Ukrainian General Staff
    if type_ is None:
        plain = _FILLER.sub("", " ".join(words(text)))
        return Entity(plain, None, bool(plain))
    qualifier = place.demonym if place else _proper_words(text, lexicon)
    label = f"{qualifier} {type_}" if qualifier else type_
    return Entity(label, type_, bool(qualifier))


def _singulars(word: str) -> tuple[str, ...]:
    """The word and the singulars it may be a plural of: brigades, casualties, ..."""
    return (word, word[:-1], word[:-2], word[:-3] + "y") if word.endswith("s") else (word,)


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
    # Qualified subjects by (document, relation, type) and by (relation, type) over the corpus,
    # for bare mentions to join: first in their own document, else the corpus's only candidate.
    topics: dict[tuple, str] = {}
    corpus: dict[tuple, set[str]] = defaultdict(set)
    for (prop, _, doc), read in zip(items, reads):
        if read.subject.qualified:
            for type_ in (read.subject.type, None):
                topics.setdefault((doc, prop.relation, type_), read.subject.label)
                corpus[prop.relation, type_].add(read.subject.label)
    out = []
    for (prop, _, doc), read in zip(items, reads):
        subject = read.subject.label
        if not read.subject.qualified:
            only = corpus.get((prop.relation, read.subject.type), set())
            subject = (topics.get((doc, prop.relation, read.subject.type))
                       or (next(iter(only)) if len(only) == 1 else subject) or "something")
        obj = read.object.label if read.object else None
        if lexicon.arity.get(prop.relation) == 1:  # "encircled by the enemy" is still encircled
            obj = None
        out.append(Proposition(subject, prop.relation, obj))
    return out

