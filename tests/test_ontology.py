"""The ontology files parse, the Python namespace mirrors kgraph.ttl, and the lexicon is sound."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, URIRef

from kgraph.rdf.vocab import KG, LEX

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
KG_NS = str(KG._NS)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "kgraph.ttl", format="turtle")


@pytest.fixture(scope="module")
def lexicon() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "lexicon.ttl", format="turtle")


def _kg_subjects(g: Graph) -> set[URIRef]:
    return {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(KG_NS)}


def _concepts(g: Graph) -> set[URIRef]:
    return set(g.subjects(RDF.type, SKOS.Concept))


def _relations(g: Graph) -> set[URIRef]:
    return {c for c in _concepts(g) if (c, SKOS.inScheme, LEX.relations) in g}


def _labels(g: Graph, concept: URIRef) -> set[str]:
    return {str(o) for p in (SKOS.prefLabel, SKOS.altLabel) for o in g.objects(concept, p)}


def test_files_parse(ontology: Graph, lexicon: Graph) -> None:
    assert len(ontology) > 0
    assert len(lexicon) > 0


def test_every_python_term_is_declared(ontology: Graph) -> None:
    missing = [n for n in KG.__annotations__ if (KG[n], RDF.type, None) not in ontology]
    assert not missing, f"in vocab.py but not declared in kgraph.ttl: {missing}"


def test_every_declared_term_is_in_python(ontology: Graph) -> None:
    names = set(KG.__annotations__)
    extra = sorted(n for s in _kg_subjects(ontology) if (n := str(s)[len(KG_NS):]) not in names)
    assert not extra, f"declared in kgraph.ttl but missing from vocab.py: {extra}"


def test_every_term_has_label_and_comment(ontology: Graph) -> None:
    for name in KG.__annotations__:
        term = KG[name]
        assert ontology.value(term, RDFS.label) is not None, f"kg:{name} has no rdfs:label"
        assert ontology.value(term, RDFS.comment) is not None, f"kg:{name} has no rdfs:comment"


def test_concepts_have_one_preflabel_and_one_scheme(lexicon: Graph) -> None:
    concepts = _concepts(lexicon)
    assert concepts
    for c in concepts:
        assert len(list(lexicon.objects(c, SKOS.prefLabel))) == 1, f"{c}: prefLabel count"
        assert len(list(lexicon.objects(c, SKOS.inScheme))) == 1, f"{c}: scheme count"


def test_relations_have_an_arity(lexicon: Graph) -> None:
    for r in _relations(lexicon):
        assert (r, RDF.type, KG.Relation) in lexicon
        assert lexicon.value(r, KG.arity).toPython() in (1, 2), f"{r}: arity"


def test_no_label_shared_by_two_relations(lexicon: Graph) -> None:
    counts = Counter(label.lower() for r in _relations(lexicon) for label in _labels(lexicon, r))
    shared = sorted(label for label, n in counts.items() if n > 1)
    assert not shared, f"labels used by more than one relation: {shared}"


@pytest.mark.parametrize("label", ["surrounded", "encircled", "encirclement", "cut off"])
def test_encirclement_words_map_to_encircled(lexicon: Graph, label: str) -> None:
    owners = [r for r in _relations(lexicon) if label in _labels(lexicon, r)]
    assert owners == [LEX.encircled]
