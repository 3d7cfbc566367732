"""Claims and contradictions read back from any store, as the frozen dataclasses of models.py.

The store is the source of truth: claims.json, contradictions.json, the HTML and the
`claims` / `contradictions` commands all read through here."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from kgraph.models import Claim, Contradiction, Proposition, Quantity, Side, Source, Stance, TextSpan
from kgraph.rdf.vocab import KG
from kgraph.store.base import Store

CLAIMS_QUERY = """
SELECT ?claim ?source ?name ?kind ?stance ?prop ?subject ?relation ?object ?start ?end ?exact ?doc ?docname
       ?date ?from ?until ?hedged ?cue ?value ?unit ?low ?high
WHERE {
  GRAPH ?g {
    ?claim a kg:Claim ; prov:wasAttributedTo ?source ; kg:stance ?stance ; kg:about ?prop ;
           kg:hedged ?hedged ; kg:cue ?cue ; prov:wasDerivedFrom ?doc ; kg:evidence/oa:hasSelector ?sel .
    ?sel oa:start ?start ; oa:end ?end ; oa:exact ?exact .
    ?source skos:prefLabel ?name ; kg:sourceKind ?kind .
    ?prop kg:subject/rdfs:label ?subject ; kg:relation ?relation .
    OPTIONAL { ?prop kg:object/rdfs:label ?object }
    ?doc schema:name ?docname .
    OPTIONAL { ?claim kg:madeOn ?date }
    OPTIONAL { ?claim kg:holdsFrom ?from ; kg:holdsUntil ?until }
    OPTIONAL { ?claim kg:quantity ?q . ?q kg:value ?value ; kg:lowerBound ?low .
               OPTIONAL { ?q kg:unit ?unit } OPTIONAL { ?q kg:upperBound ?high } }
  }
}
ORDER BY ?docname ?start ?claim
"""

INFERRED_QUERY = """
CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/kgraph/id/graph/inferred> { ?s ?p ?o } }
"""

SOURCE_NAMES_QUERY = """
SELECT ?claim ?name WHERE {
  GRAPH ?g { ?claim a kg:Claim ; prov:wasAttributedTo ?source . ?source skos:prefLabel ?name }
}
"""

KINDS = {"Negation": "negation", "NumericConflict": "numeric", "ExclusiveValue": "exclusive_value"}


def _local(iri: object) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def read_claims(store: Store) -> list[Claim]:
    """Every claim in the store, ordered by document and position."""
    claims: dict[str, Claim] = {}
    for row in store.select(CLAIMS_QUERY):
        claim_id = _local(row["claim"])
        if claim_id in claims:  # a claim whose source has several labels: one row each
            continue
        quantity = None
        if "value" in row:
            high = float(row["high"]) if "high" in row else float("inf")
            quantity = Quantity(float(row["value"]), str(row["unit"]) if "unit" in row else None,
                                float(row["low"]), high)
        claims[claim_id] = Claim(
            id=claim_id,
            source=Source(str(row["name"]), str(row["name"]), str(row["kind"])),
            stance=Stance.ASSERTS if _local(row["stance"]) == "Asserts" else Stance.DENIES,
            proposition=Proposition(str(row["subject"]), _local(row["relation"]),
                                    str(row["object"]) if "object" in row else None),
            evidence=TextSpan(int(row["start"]), int(row["end"]), str(row["exact"])),
            document=_local(row["doc"]),
            document_name=str(row["docname"]),
            date=str(row["date"]) if "date" in row else None,
            holds=(str(row["from"]), str(row["until"])) if "from" in row else None,
            hedged=bool(row["hedged"].toPython()),
            cue=str(row["cue"]),
            quantity=quantity,
        )
    return list(claims.values())


def read_contradictions(store: Store) -> list[Contradiction]:
    """Every contradiction the reasoner wrote, with its sides."""
    return contradictions_from_triples(store.construct(INFERRED_QUERY))


def contradictions_from_triples(triples: Iterable[tuple]) -> list[Contradiction]:
    """The contradictions that reasoner triples describe, in id order, sides in IRI order."""
    about: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        about[str(s)][_local(p)].append(o)
    found = []
    for x, facts in about.items():
        if KG.Contradiction not in facts["type"]:
            continue
        sides = sorted(str(side) for side in facts["hasSide"])
        found.append(Contradiction(
            id="x-" + _local(x),
            kind=KINDS.get(_local(facts["kind"][0]), _local(facts["kind"][0])),
            proposition=str(facts["label"][0]),
            sides=tuple(Side(str(about[side]["position"][0]),
                             tuple(sorted(_local(c) for c in set(about[side]["includesClaim"]))))
                        for side in sides),
            rule=_local(facts["foundBy"][0]),
            explanation=str(facts["explanation"][0]) if facts["explanation"] else "",
        ))
    return sorted(found, key=lambda x: (x.kind, x.proposition, x.id))


def source_names(store: Store) -> dict[str, str]:
    """Claim id -> the canonical name of its source."""
    return {_local(row["claim"]): str(row["name"]) for row in store.select(SOURCE_NAMES_QUERY)}
