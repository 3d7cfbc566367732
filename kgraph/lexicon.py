"""The relation lexicon (ontology/lexicon.ttl) and gazetteer (ontology/places.tsv) as plain
lookups. Both are data a researcher edits; this module only reads them.

A researcher adds synonyms or relations without touching the installed package: Turtle files
named in the environment variable KGRAPH_LEXICON (several separated by os.pathsep) are read
after the shipped lexicon, by extraction and by the reasoner alike."""
from __future__ import annotations

import csv
import os
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from rdflib import Graph, Literal
from rdflib.namespace import SKOS
from rdflib.plugins.parsers.notation3 import BadSyntax

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


LEXICON_ENV = "KGRAPH_LEXICON"


class LexiconError(ValueError):
    """A lexicon file could not be read; the message names the file and the reason."""


def lexicon_files() -> tuple[Path, ...]:
    """The shipped ontology/lexicon.ttl, then the files KGRAPH_LEXICON names."""
    return _files(os.environ.get(LEXICON_ENV, ""))


@lru_cache(maxsize=8)
def _files(extra: str) -> tuple[Path, ...]:
    return (ontology_dir() / "lexicon.ttl",
            *(Path(p).expanduser() for p in extra.split(os.pathsep) if p.strip()))


def lexicon_graph(files: tuple[Path, ...] | None = None) -> Graph:
    """The lexicon's triples, from `files` (default: lexicon_files()) merged in one graph."""
    graph = Graph()
    for path in lexicon_files() if files is None else files:
        try:
            graph.parse(path, format="turtle")
        except BadSyntax as err:
            raise LexiconError(f"{path}: line {err.lines + 1}: {err._why}") from None
        except OSError as err:
            raise LexiconError(f"{path}: {err.strerror or err}") from None
        except Exception as err:  # rdflib's parser fails on some truncated files with others
            raise LexiconError(f"{path}: not Turtle ({type(err).__name__}: {err})") from None
    return graph


def load_lexicon(path: Path | None = None) -> Lexicon:
    """The lexicon from `path`, or by default the shipped one plus KGRAPH_LEXICON's files.
    Read once per process and value of KGRAPH_LEXICON: the stages ask for it per claim."""
    return _load_lexicon((Path(path),) if path else lexicon_files())


@lru_cache(maxsize=8)
def _load_lexicon(files: tuple[Path, ...]) -> Lexicon:
    graph = lexicon_graph(files)
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
