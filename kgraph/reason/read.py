"""Reading what the rules wrote: contradictions from the inferred triples, and the names of
the sources of claims (for the explanations)."""
from __future__ import annotations

from collections import defaultdict
from typing import Collection, Iterable

from kgraph.models import Contradiction, Side
from kgraph.rdf.iris import claim_iri
from kgraph.rdf.vocab import INFERRED_GRAPH, KG
from kgraph.store.base import Store

INFERRED_QUERY = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{INFERRED_GRAPH}> {{ ?s ?p ?o }} }}"

SOURCE_NAMES_QUERY = """
SELECT ?claim ?name WHERE {
  GRAPH ?g { ?claim a kg:Claim ; prov:wasAttributedTo ?source . ?source skos:prefLabel ?name }
}
"""

KINDS = {"Negation": "negation", "NumericConflict": "numeric", "ExclusiveValue": "exclusive_value"}


def local_name(iri: object) -> str:
    """The last part of an IRI: its fragment or last path segment."""
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def contradictions_from_triples(triples: Iterable[tuple]) -> list[Contradiction]:
    """The contradictions that reasoner triples describe, in id order, sides in IRI order."""
    about: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        about[str(s)][local_name(p)].append(o)
    found = []
    for x, facts in about.items():
        if KG.Contradiction not in facts["type"]:
            continue
        sides = sorted(str(side) for side in facts["hasSide"])
        found.append(Contradiction(
            id="x-" + local_name(x),
            kind=KINDS.get(local_name(facts["kind"][0]), local_name(facts["kind"][0])),
            proposition=str(facts["label"][0]),
            sides=tuple(Side(str(about[side]["position"][0]),
                             tuple(sorted(local_name(c) for c in set(about[side]["includesClaim"]))))
                        for side in sides),
            rule=local_name(facts["foundBy"][0]),
            explanation=str(facts["explanation"][0]) if facts["explanation"] else "",
        ))
    return sorted(found, key=lambda x: (x.kind, x.proposition, x.id))


def values(variable: str, iris: Collection[object]) -> str:
    """A SPARQL VALUES clause. rdflib fails on an empty one, so none is an IRI never minted."""
    terms = " ".join(f"<{iri}>" for iri in sorted(map(str, iris))) or "<urn:kgraph:nothing>"
    return f"VALUES {variable} {{ {terms} }}"


def source_names(store: Store, claims: Collection[str] | None = None) -> dict[str, str]:
    """Claim id -> the canonical name of its source, for `claims` (ids) or for every claim."""
    query = SOURCE_NAMES_QUERY if claims is None else f"""SELECT ?claim ?name WHERE {{
      GRAPH ?g {{ ?claim prov:wasAttributedTo ?source . ?source skos:prefLabel ?name }}
      {values("?claim", map(claim_iri, claims))}
    }}"""  # known claims need no type test, which Oxigraph would run first, once per claim
    return {local_name(row["claim"]): str(row["name"]) for row in store.select(query)}


def stale_query(propositions: Collection[str]) -> str:
    """CONSTRUCT the inferred triples of every contradiction about one of `propositions`."""
    return f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
      {values("?prop", propositions)}
      GRAPH <{INFERRED_GRAPH}> {{ ?x kg:concerns ?prop }}
      GRAPH <{INFERRED_GRAPH}> {{ {{ ?x ?p ?o BIND (?x AS ?s) }}
                                 UNION {{ ?x kg:hasSide ?s . ?s ?p ?o }} }}
    }}"""
