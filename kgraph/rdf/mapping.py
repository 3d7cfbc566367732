"""[Claim] -> quads under ontology/kgraph.ttl.

Per document, one named graph holds the document and every claim read from it (with its
evidence selector, source and proposition descriptions), so a document is added, replaced or
dropped as a unit. Each proposition's content is one triple in a graph named by the proposition
(nanopublication style: rdflib has no RDF-star).
"""
from __future__ import annotations

import math
from typing import Iterable, Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kgraph.lexicon import load_lexicon
from kgraph.models import Claim, Document, Proposition, Quantity, Stance
from kgraph.rdf.iris import (claim_iri, document_graph, document_iri, entity_iri,
                             proposition_iri, relation_iri, source_iri)
from kgraph.rdf.vocab import KG, OA, SCHEMA

Quad = tuple[URIRef, URIRef, object, URIRef]
STANCES = {Stance.ASSERTS: KG.Asserts, Stance.DENIES: KG.Denies}


def _date(value: str | None) -> Literal | None:
    return Literal(value[:10], datatype=XSD.date) if value else None


def document_quads(document: Document, claims: Iterable[Claim]) -> Iterator[Quad]:
    """All quads for one document and the claims read from it."""
    claims = list(claims)  # read twice below: a generator would lose the propositions
    graph = document_graph(document.id)
    doc = document_iri(document.id)
    # the text is kept so every claim's offsets can be checked against what was read
    triples = [(doc, RDF.type, KG.Document), (doc, SCHEMA.name, Literal(document.name)),
               (doc, SCHEMA.text, Literal(document.text))]
    for prop, value in ((SCHEMA.url, document.url), (SCHEMA.headline, document.title),
                        (SCHEMA.publisher, document.publisher)):
        if value:
            triples.append((doc, prop, Literal(value)))
    if document.date:
        triples.append((doc, SCHEMA.datePublished, _date(document.date)))
    for claim in claims:
        triples += claim_triples(claim, doc)
    for s, p, o in triples:
        yield s, p, o, graph
    for claim in claims:
        yield from proposition_content(claim.proposition)


def claim_triples(claim: Claim, doc: URIRef) -> list[tuple]:
    iri = claim_iri(claim.id)
    evidence, selector = URIRef(f"{iri}#evidence"), URIRef(f"{iri}#selector")
    source = source_iri(claim.source.name)
    triples = [
        (iri, RDF.type, KG.Claim),
        (iri, PROV.wasAttributedTo, source),
        (iri, KG.stance, STANCES[claim.stance]),
        (iri, KG.about, proposition_iri(claim.proposition)),
        (iri, KG.hedged, Literal(claim.hedged)),
        (iri, KG.cue, Literal(claim.cue)),
        (iri, PROV.wasDerivedFrom, doc),
        (iri, KG.evidence, evidence),
        (evidence, RDF.type, OA.SpecificResource),
        (evidence, OA.hasSource, doc),
        (evidence, OA.hasSelector, selector),
        (selector, RDF.type, OA.TextPositionSelector),
        (selector, RDF.type, OA.TextQuoteSelector),
        (selector, OA.start, Literal(claim.evidence.start)),
        (selector, OA.end, Literal(claim.evidence.end)),
        (selector, OA.exact, Literal(claim.evidence.text)),
    ]
    if claim.date:
        triples.append((iri, KG.madeOn, _date(claim.date)))
    if claim.holds:
        triples += [(iri, KG.holdsFrom, _date(claim.holds[0])),
                    (iri, KG.holdsUntil, _date(claim.holds[1]))]
    if claim.quantity:
        triples += quantity_triples(URIRef(f"{iri}#quantity"), claim.quantity)
        triples.append((iri, KG.quantity, URIRef(f"{iri}#quantity")))
    for relay in claim.relayed_by:
        triples.append((iri, KG.relayedBy, source_iri(relay.name)))
        triples += source_triples(relay)
    return triples + source_triples(claim.source) + proposition_triples(claim.proposition)


def _number(number: float) -> Literal:
    """A figure as xsd:integer when whole, else xsd:decimal: both print the same on every
    store ("900", "1100.5"), where a double prints "900.0" on one and "900" on another."""
    if float(number).is_integer():
        return Literal(str(int(number)), datatype=XSD.integer)
    return Literal(f"{number:.15g}", datatype=XSD.decimal)


def quantity_triples(iri: URIRef, quantity: Quantity) -> list[tuple]:
    triples = [(iri, RDF.type, KG.Quantity), (iri, KG.value, _number(quantity.value)),
               (iri, KG.lowerBound, _number(quantity.low))]
    if not math.isinf(quantity.high):  # an open interval ("over 1,300") has no upper bound
        triples.append((iri, KG.upperBound, _number(quantity.high)))
    if quantity.unit:
        triples.append((iri, KG.unit, Literal(quantity.unit)))
    return triples


def source_triples(source) -> list[tuple]:
    iri = source_iri(source.name)
    triples = [(iri, RDF.type, KG.Source), (iri, SKOS.prefLabel, Literal(source.name)),
               (iri, KG.sourceKind, Literal(source.kind))]
    if source.label != source.name:
        triples.append((iri, SKOS.altLabel, Literal(source.label)))
    return triples


def proposition_triples(proposition: Proposition) -> list[tuple]:
    iri = proposition_iri(proposition)
    subject = entity_iri(proposition.subject)
    triples = [(iri, RDF.type, KG.Proposition), (iri, RDFS.label, Literal(proposition.label)),
               (iri, KG.subject, subject), (iri, KG.relation, relation_iri(proposition.relation)),
               (subject, RDF.type, KG.Entity), (subject, RDFS.label, Literal(proposition.subject))]
    if proposition.object:
        obj = entity_iri(proposition.object)
        triples += [(iri, KG.object, obj), (obj, RDF.type, KG.Entity),
                    (obj, RDFS.label, Literal(proposition.object))]
    return triples


def proposition_content(proposition: Proposition) -> Iterator[Quad]:
    """The proposition's content as one triple in its own graph: `<e> a rel` for a one-place
    relation, `<e> rel <o>` for a two-place one (OWL 2 punning of the lexicon concept)."""
    graph, subject = proposition_iri(proposition), entity_iri(proposition.subject)
    relation = relation_iri(proposition.relation)
    if proposition.object and load_lexicon().arity.get(proposition.relation) != 1:
        yield subject, relation, entity_iri(proposition.object), graph
    else:
        yield subject, RDF.type, relation, graph
