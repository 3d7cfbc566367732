"""The relation lexicon (ontology/lexicon.ttl) and gazetteer (ontology/places.tsv) as plain
lookups. Both are data a researcher edits; this module only reads them."""
from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from rdflib import Graph, Literal
from rdflib.namespace import SKOS

from kgraph.paths import ontology_dir
from kgraph.rdf.vocab import KG, LEX


@dataclass(frozen=True)
class Lexicon:
    """Labels (lowercase) of relation and entity-type concepts, mapped to the concept name."""

    relations: Mapping[str, str]
    entity_types: Mapping[str, str]
    arity: Mapping[str, int]
    exclusive: frozenset[str]
    agent_types: Mapping[str, str]  # relation -> entity type a place stands for as its subject
    passive_subject: frozenset[str]  # relations whose passive keeps the subject ("was elected")

    def relation(self, *forms: str) -> str | None:
        """The relation named by the first of `forms` that is a label, else None."""
        return next((self.relations[f] for f in forms if f in self.relations), None)

    def entity_type(self, *forms: str) -> str | None:
        return next((self.entity_types[f] for f in forms if f in self.entity_types), None)


def _name(concept) -> str:
    return str(concept).removeprefix(str(LEX))


def _labels(graph: Graph, scheme) -> dict[str, str]:
    labels: dict[str, str] = {}
    for concept in graph.subjects(SKOS.inScheme, scheme):
        name = _name(concept)
        for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            for label in graph.objects(concept, prop):
                labels[str(label).lower()] = name
    return labels


@lru_cache(maxsize=8)
def load_lexicon(path: Path | None = None) -> Lexicon:
    """Read the lexicon Turtle (default: the shipped ontology/lexicon.ttl)."""
    graph = Graph().parse(path or ontology_dir() / "lexicon.ttl", format="turtle")
    arity = {_name(c): int(a) for c, a in graph.subject_objects(KG.arity)}
    exclusive = frozenset(_name(c) for c in graph.subjects(KG.exclusive, Literal(True)))
    agent_types = {_name(r): _name(t) for r, t in graph.subject_objects(KG.agentType)}
    return Lexicon(
        relations=MappingProxyType(_labels(graph, LEX.relations)),
        entity_types=MappingProxyType(_labels(graph, LEX.entityTypes)),
        arity=MappingProxyType(arity),
        exclusive=exclusive,
        agent_types=MappingProxyType(agent_types),
        passive_subject=frozenset(_name(c) for c in graph.subjects(KG.passiveSubject,
                                                                     Literal(True))),
    )


@dataclass(frozen=True)
class Place:
    """A country (or other polity) and the words that stand for it in news text."""

    name: str  # "Ukraine"
    demonym: str  # "Ukrainian"


@dataclass(frozen=True)
class Gazetteer:
    """Words and phrases that stand for a place. Most match in any case ("kyiv"); those marked
    `=` in places.tsv only in their own case ("US" but not "us", "Turkey" but not "turkey")."""

    any_case: Mapping[str, Place]  # keys folded to lowercase ASCII
    exact: Mapping[str, Place]

    def get(self, text: str) -> Place | None:
        return self.exact.get(text) or self.any_case.get(fold(text))

    def __contains__(self, text: str) -> bool:
        return self.get(text) is not None


@lru_cache(maxsize=8)
def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Names, demonyms, capitals and other metonyms of places ("Kyiv", "Kiev", "Ukrainian" ->
    Ukraine), from ontology/places.tsv."""
    any_case: dict[str, Place] = {}
    exact: dict[str, Place] = {}
    with open(path or ontology_dir() / "places.tsv", encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")),
                              delimiter="\t")
        for row in rows:
            place = Place(row["name"].lstrip("="), row["demonym"].lstrip("="))
            for word in (row["name"], row["demonym"], *row["aliases"].split("|")):
                word = word.strip()
                if word.startswith("="):
                    exact[word[1:]] = place
                elif word:
                    any_case[fold(word)] = place
    return Gazetteer(MappingProxyType(any_case), MappingProxyType(exact))


def fold(text: str) -> str:
    """Lowercase ASCII: "Zelenskyy" and "Zelénskyy" compare equal."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()
