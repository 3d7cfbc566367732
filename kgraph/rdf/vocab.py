"""The ontology's terms as Python names. ontology/kgraph.ttl is the source of truth; a test
keeps this file and the Turtle equal (every term here is declared there, and vice versa)."""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/kgraph/"
ID = Namespace(BASE + "id/")  # minted resources: documents, claims, sources, propositions, ...
LEX = Namespace(BASE + "lexicon#")  # relation and entity-type concepts (ontology/lexicon.ttl)
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")

INFERRED_GRAPH = ID["graph/inferred"]  # everything the reasoner writes; dropped and recomputed
LEXICON_GRAPH = ID["graph/lexicon"]  # ontology/lexicon.ttl, put in the store for the rules
# documents stored but not yet reasoned over: ingest marks them, a reasoning run clears them
PENDING_GRAPH = ID["graph/pending"]


class KG(DefinedNamespace):
    """The conflict ontology (ontology/kgraph.ttl)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Document: object
    Source: object
    Claim: object
    Proposition: object
    Entity: object
    Stance: object
    Quantity: object
    Contradiction: object
    ContradictionKind: object
    Side: object
    Rule: object
    Relation: object
    EntityType: object
    # individuals
    Asserts: object
    Denies: object
    Negation: object
    NumericConflict: object
    ExclusiveValue: object
    # claim properties
    stance: object
    about: object
    hedged: object
    cue: object
    evidence: object
    madeOn: object
    holdsFrom: object
    holdsUntil: object
    relayedBy: object
    quantity: object
    # quantity properties
    value: object
    unit: object
    lowerBound: object
    upperBound: object
    # source properties
    sourceKind: object
    # proposition properties
    subject: object
    relation: object
    object: object
    # contradiction properties
    kind: object
    concerns: object
    hasSide: object
    position: object
    includesClaim: object
    foundBy: object
    explanation: object
    # lexicon properties
    arity: object
    exclusive: object
    agentType: object
    passiveSubject: object


# Prefixes every query may use without declaring them.
PREFIXES = {
    "kg": str(KG._NS), "kgl": str(LEX), "kgr": str(ID), "oa": str(OA), "schema": str(SCHEMA),
    "prov": "http://www.w3.org/ns/prov#", "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
}


def with_prefixes(sparql: str) -> str:
    """The query with the standard prefixes declared in front (a prefix it declares itself wins:
    SPARQL lets a later PREFIX redefine an earlier one)."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items()) + sparql
