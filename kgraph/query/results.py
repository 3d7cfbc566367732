"""Claims and contradictions read back from any store, as the frozen dataclasses of models.py.

The store is the source of truth: claims.json, contradictions.json, the HTML and the
`claims` / `contradictions` commands all read through here."""
from __future__ import annotations

from kgraph.models import Claim, Contradiction, Proposition, Quantity, Source, Stance, TextSpan
from kgraph.reason.read import INFERRED_QUERY, contradictions_from_triples, local_name
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

RELAYS_QUERY = """
SELECT ?claim ?name WHERE {
  GRAPH ?g { ?claim kg:relayedBy ?outlet . ?outlet skos:prefLabel ?name }
}
"""


def read_claims(store: Store) -> list[Claim]:
    """Every claim in the store, ordered by document and position."""
    relays: dict[str, set[str]] = {}
    for row in store.select(RELAYS_QUERY):  # "Reuters reported that officials said ...": Reuters
        relays.setdefault(local_name(row["claim"]), set()).add(str(row["name"]))
    claims: dict[str, Claim] = {}
    for row in store.select(CLAIMS_QUERY):
        claim_id = local_name(row["claim"])
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
            stance=Stance.ASSERTS if local_name(row["stance"]) == "Asserts" else Stance.DENIES,
            proposition=Proposition(str(row["subject"]), local_name(row["relation"]),
                                    str(row["object"]) if "object" in row else None),
            evidence=TextSpan(int(row["start"]), int(row["end"]), str(row["exact"])),
            document=local_name(row["doc"]),
            document_name=str(row["docname"]),
            date=str(row["date"]) if "date" in row else None,
            holds=(str(row["from"]), str(row["until"])) if "from" in row else None,
            hedged=bool(row["hedged"].toPython()),
            cue=str(row["cue"]),
            quantity=quantity,
            relayed_by=tuple(Source(n, n, "outlet") for n in sorted(relays.get(claim_id, ()))),
        )
    return list(claims.values())


def read_contradictions(store: Store) -> list[Contradiction]:
    """Every contradiction the reasoner wrote, with its sides."""
    return contradictions_from_triples(store.construct(INFERRED_QUERY))
