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
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Mapping

from kgraph.lexicon import Lexicon, load_gazetteer
from kgraph.models import Proposition
from kgraph.resolve.dates import MONTHS, WEEKDAYS
from kgraph.resolve.names import place_of, strip_possessive, words

UNKNOWN = "someone"  # the subject when the text does not say it ("the convoy was blocked")
_POSSESSIVE_PRONOUNS = {"its", "our", "their", "his", "her", "my"}
_PRONOUNS = {"it", "they", "he", "she", "this", "that", "these", "those", "we", "i", "you"}
_FILLER = re.compile(r"^(?:(?:thousands|hundreds|dozens|tens|scores|some|many|all|most|several|"
                     r"remaining|the|a|an)\s+(?:of\s+)?)+", re.I)


@dataclass(frozen=True)
class Entity:
    label: str
    type: str | None  # lexicon entity type, when the phrase names one
    qualified: bool  # says whose / where (a place or side), so it can stand alone


def canonical_entity(text: str, lexicon: Lexicon, speaker: str = "",
                     agent_type: str | None = None) -> Entity:
    """The canonical label of a subject or object phrase said by `speaker`. A phrase that only
    names a place stands for that place's `agent_type` (its forces, for military relations)."""
    tokens = [w.lower() for w in words(text)]
    type_ = next(filter(None, (lexicon.entity_type(*_singulars(w)) for w in tokens)), None)
    place = place_of(text)
    only_place = place is not None and _only_place(text)
    if type_ is None and only_place and agent_type:
        type_ = agent_type
    if place is None and type_ == "forces" and _POSSESSIVE_PRONOUNS & set(tokens) and speaker:
        place = place_of(speaker)  # "our units", said by the Ukrainian General Staff
        if place is None:  # "its fighters", said by an armed group: the group itself
            return Entity(speaker, None, True)
    if type_ is None and only_place:  # "Kyiv" and "Ukraine" are one entity
        return Entity(place.name, None, True)
    if type_ is None:
        plain = _FILLER.sub("", " ".join(words(text)))
        if plain.lower() in ("we", "i") and speaker:  # "we did not fire": the speaker
            return Entity(speaker, None, True)
        if plain.lower() in _PRONOUNS:  # "it did not achieve ...": whatever the topic is
            plain = ""
        return Entity(plain, None, bool(plain))
    qualifier = place.demonym if place else _proper_words(text, lexicon)
    label = f"{qualifier} {type_}" if qualifier else type_
    return Entity(label, type_, bool(qualifier))


def _only_place(text: str) -> bool:
    """Whether `text` is nothing but a place name ("Kyiv", "Ukraine's", "the United States")."""
    name = strip_possessive(" ".join(w for w in words(text) if w.lower() != "the"))
    return load_gazetteer().get(name) is not None or all(place_of(w) for w in words(text))


def _singulars(word: str) -> tuple[str, ...]:
    """The word and the singulars it may be a plural of: brigades, casualties, ..."""
    return (word, word[:-1], word[:-2], word[:-3] + "y") if word.endswith("s") else (word,)


def _proper_words(text: str, lexicon: Lexicon) -> str:
    """Capitalised words that qualify an entity type: "the Kursk operation" -> "Kursk" (days
    and months are times, not qualifiers: "Sunday's election")."""
    return " ".join(w for w in words(text)
                    if w[:1].isupper() and not lexicon.entity_type(w.lower())
                    and strip_possessive(w).lower() not in (*WEEKDAYS, *MONTHS))


# (relation, entity type or None) -> the qualified labels the corpus gives it
Topics = Mapping[tuple[str, "str | None"], frozenset[str]]


def canonical_propositions(items: list[tuple[Proposition, str, str]], lexicon: Lexicon,
                           names: Mapping[str, str] = MappingProxyType({}),
                           people: frozenset[str] = frozenset(),
                           topics: tuple[Topics, Topics] | None = None) -> list[Proposition]:
    """Canonical propositions for (raw proposition, speaker, document id) triples, in order.
    `names` maps names of people and organisations to their canonical form ("Marran" ->
    "Teo Marran"), as for sources; `people` are the speakers who are persons, whose "our
    troops" are not themselves but the side the article is about. `topics` are the subject
    and object topics of the whole corpus (corpus_topics) when `items` are only part of it;
    by default the items are the corpus."""
    subjects, objects = _entities(items, lexicon, names, people)
    if topics is None:
        topics = (_in_corpus(zip(items, subjects)), _in_corpus(zip(items, objects)))
    join_subject = _Topics(zip(items, subjects), topics[0])
    join_object = _Topics(zip(items, objects), topics[1])
    out = []
    for (prop, _, doc), subject, obj in zip(items, subjects, objects):
        object_label = join_object(obj, doc, prop.relation) if obj else None
        if lexicon.arity.get(prop.relation) == 1:  # "encircled by the enemy" is still encircled
            object_label = None
        out.append(Proposition(join_subject(subject, doc, prop.relation) or UNKNOWN,
                               prop.relation, object_label))
    return out


def corpus_topics(items: list[tuple[Proposition, str, str]], lexicon: Lexicon,
                  names: Mapping[str, str], people: frozenset[str]) -> tuple[Topics, Topics]:
    """The qualified subjects and objects of each relation in `items` (a part of the corpus):
    what a bare mention anywhere in the corpus may join. Parts combine with merge_topics."""
    subjects, objects = _entities(items, lexicon, names, people)
    return _in_corpus(zip(items, subjects)), _in_corpus(zip(items, objects))


def merge_topics(a: Topics, b: Topics) -> Topics:
    return {key: a.get(key, frozenset()) | b.get(key, frozenset()) for key in {*a, *b}}


def _entities(items, lexicon: Lexicon, names: Mapping[str, str], people: frozenset[str]):
    def entity(text: str, speaker: str, agent_type: str | None = None) -> Entity:
        found = canonical_entity(text, lexicon, "" if speaker in people else speaker,
                                 agent_type)
        return replace(found, label=names.get(found.label, found.label)) if found.type is None \
            else found

    subjects = [entity(p.subject, speaker, lexicon.agent_types.get(p.relation))
                for p, speaker, _ in items]
    objects = [entity(p.object, speaker) if p.object else None for p, speaker, _ in items]
    return subjects, objects


def _in_corpus(entries) -> Topics:
    found: dict[tuple, set[str]] = defaultdict(set)
    for (prop, _, _), entity in entries:
        if entity is not None and entity.qualified:
            for type_ in (entity.type, None):
                found[prop.relation, type_].add(entity.label)
    return {key: frozenset(labels) for key, labels in found.items()}


class _Topics:
    """Bare mentions ("the offensive", "its units", no subject at all) join the qualified entity
    of the same relation and type: first in their own document, since an article keeps to its
    topic, else the only such entity in the corpus."""

    def __init__(self, entries, in_corpus: Topics) -> None:
        self.in_document: dict[tuple, str] = {}
        self.in_corpus = in_corpus
        for (prop, _, doc), entity in entries:
            if entity is not None and entity.qualified:
                for type_ in (entity.type, None):
                    self.in_document.setdefault((doc, prop.relation, type_), entity.label)

    def __call__(self, entity: Entity, doc: str, relation: str) -> str:
        if entity.qualified:
            return entity.label
        # the corpus only for a bare type ("the offensive"); an unknown agent stays unknown
        only = self.in_corpus.get((relation, entity.type), set()) if entity.type else set()
        return (self.in_document.get((doc, relation, entity.type))
                or (next(iter(only)) if len(only) == 1 else entity.label))
