"""rdf/: claims become quads under the ontology, with deterministic, always-valid IRIs."""
from __future__ import annotations

from dataclasses import replace

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import to_isomorphic
from rdflib.namespace import PROV, RDF

from conftest import CEASEFIRE, GARRISON, REPORT, UPDATE, report_claims, update_claims
from kgraph.models import Proposition, Source
from kgraph.rdf.iris import (claim_iri, document_graph, document_iri, entity_iri,
                             proposition_iri, relation_iri, source_iri)
from kgraph.rdf.mapping import document_quads
from kgraph.rdf.vocab import KG, LEX, OA


def _dataset(quads) -> Dataset:
    dataset = Dataset()
    for s, p, o, g in quads:
        dataset.graph(g).add((s, p, o))
    return dataset


def same_dataset(a: Dataset, b: Dataset) -> bool:
    """Graph by graph isomorphism (rdflib.compare works on one graph at a time)."""
    graphs = lambda d: {g.identifier: to_isomorphic(g) for g in d.graphs() if len(g)}  # noqa: E731
    return graphs(a) == graphs(b)


def test_every_claim_is_fully_described():
    from rdflib.namespace import XSD  # not at module level: pytest's collector trips over it

    claims = report_claims()[:2]
    quads = set(document_quads(REPORT, claims))
    graph = document_graph(REPORT.id)
    doc = document_iri(REPORT.id)
    assert (doc, RDF.type, KG.Document, graph) in quads
    described = Graph()
    for s, p, o, g in quads:
        if g == graph:
            described.add((s, p, o))
    objects = lambda s, p: set(described.objects(s, p))  # noqa: E731
    for claim in claims:
        iri = claim_iri(claim.id)
        assert objects(iri, RDF.type) == {KG.Claim}
        assert objects(iri, KG.stance) == {KG.Asserts if claim.stance.value == "asserts"
                                           else KG.Denies}
        assert objects(iri, PROV.wasAttributedTo) == {source_iri(claim.source.name)}
        assert objects(iri, KG.about) == {proposition_iri(claim.proposition)}
        assert objects(iri, PROV.wasDerivedFrom) == {doc}
        assert objects(iri, KG.madeOn) == {Literal(claim.date, datatype=XSD.date)}
        (evidence,) = objects(iri, KG.evidence)
        assert objects(evidence, OA.hasSource) == {doc}
        (selector,) = objects(evidence, OA.hasSelector)
        assert objects(selector, OA.start) == {Literal(claim.evidence.start)}
        assert objects(selector, OA.end) == {Literal(claim.evidence.end)}
        assert objects(selector, OA.exact) == {Literal(claim.evidence.text)}
        assert REPORT.text[claim.evidence.start:claim.evidence.end] == claim.evidence.text


def test_proposition_content_is_in_its_own_graph():
    quads = set(document_quads(UPDATE, update_claims()))
    # one-place relation: the subject is an instance of the relation concept
    garrison = proposition_iri(GARRISON)
    assert {q for q in quads if q[3] == garrison} == {
        (entity_iri("Varna garrison"), RDF.type, LEX.encircled, garrison)}
    # two-place relation: the relation links subject and object
    ceasefire = proposition_iri(CEASEFIRE)
    assert {q for q in quads if q[3] == ceasefire} == {
        (entity_iri("Northern militia"), LEX.violated, entity_iri("Varna ceasefire"), ceasefire)}


def test_relation_outside_the_lexicon_is_minted():
    assert relation_iri("encircled") == LEX.encircled
    assert relation_iri("Blockaded the port") == URIRef(
        "https://w3id.org/kgraph/id/relation/blockaded-the-port")


def test_quads_are_deterministic():
    first = list(document_quads(REPORT, report_claims()))
    assert first == list(document_quads(REPORT, report_claims()))
    # a generator of claims gives the same quads as a list
    assert set(document_quads(REPORT, iter(report_claims()))) == set(first)


UNSAFE = ['Ilse <Marek>', 'the "Harbour" {Council}', 'a|b^c\\d', 'Lake Mission 🕊️',
          '\u200fمراقبون\u200f', '   ', '']


@pytest.mark.parametrize("name", UNSAFE)
def test_unsafe_names_give_valid_iris(name):
    for iri in (source_iri(name), entity_iri(name), proposition_iri(Proposition(name, name, name))):
        assert not set(str(iri)) & set('<>"{}|^\\` \u200f'), iri
        assert str(iri).isascii()


def test_unsafe_names_survive_serialisation():
    claims = [replace(claim, source=Source(name, name), proposition=Proposition(name, "encircled"))
              for claim, name in zip(report_claims() * 3, UNSAFE)]
    claims = [replace(c, id=f"c-{i}") for i, c in enumerate(claims)]
    dataset = _dataset(document_quads(REPORT, claims))
    for format in ("trig", "nquads"):
        text = dataset.serialize(format=format)
        assert same_dataset(Dataset().parse(data=text, format=format), dataset), format


def test_distinct_unsafe_names_stay_distinct():
    assert source_iri("🕊️") != source_iri("🕊️🕊️")
    assert source_iri("مراقبون") != source_iri("مراقب")
