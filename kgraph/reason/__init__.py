"""reason/: store -> contradictions. One SPARQL rule per .rq file in rules/.

Rules are plain SPARQL 1.1 CONSTRUCT queries, so they run on any backend (a remote endpoint
too). Everything they produce, plus a readable explanation per contradiction, goes into one
graph of inferred statements: `kgraph reason` recomputes all of it; `kgraph ingest` redoes the
part new documents touch. A line `#SCOPE ?var` in a rule is a comment to SPARQL; for
incremental reasoning it becomes a VALUES clause that narrows the rule to what was touched.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Collection, Mapping
from importlib import resources

from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from kgraph.models import Contradiction, Proposition
from kgraph.reason.read import contradictions_from_triples, source_names, stale_query, values
from kgraph.rdf.iris import contradiction_iri, document_iri, proposition_iri
from kgraph.lexicon import lexicon_graph
from kgraph.rdf.vocab import INFERRED_GRAPH, KG, LEXICON_GRAPH, PENDING_GRAPH
from kgraph.store.base import Store

SCOPE = re.compile(r"#SCOPE (\?\w+)")
# Oxigraph joins a VALUES of a few hundred terms by lookups, and a longer one (about 1,000 at
# 100k claims) by scanning every claim: narrowed rules run on chunks below that size.
CHUNK = 256

__all__ = ["Rule", "load_rules", "reason", "explain", "await_reasoning"]


@dataclass(frozen=True)
class Rule:
    name: str
    sparql: str


def load_rules() -> list[Rule]:
    """The shipped rules, in name order."""
    folder = resources.files("kgraph.reason") / "rules"
    return [Rule(f.name.removesuffix(".rq"), f.read_text(encoding="utf-8"))
            for f in sorted(folder.iterdir(), key=lambda f: f.name) if f.name.endswith(".rq")]


def reason(store: Store, rules: list[Rule] | None = None,
           touched: Collection[Proposition] | None = None) -> list[Contradiction]:
    """Recompute the inferred graph from the claims in `store`; return the contradictions.

    With `touched` (the propositions of newly added claims), only what they touch is
    reasoned again and only those contradictions are returned: each rule is narrowed to the
    touched propositions (and every proposition about the object of a touched exclusive
    relation), their old
    contradictions are replaced, and the rest of the inferred graph stays; the graph is then
    the same as after reasoning from scratch. Documents stored but never reasoned over (by a
    run killed in between: see await_reasoning) count as touched too."""
    _put_lexicon(store)
    rules = load_rules() if rules is None else rules
    waiting = _awaiting(store)
    if touched is not None:
        props = {proposition_iri(p) for p in touched} | waiting["?prop"]
        # a new claim on an exclusive relation ("X controls the town") is set against every
        # proposition about the same object, so those are reasoned again, by every rule
        objects, rivals = _exclusive_objects(store, props)
        scope = {"?prop": props | rivals, "?object": objects}
        queries = [q for r in rules for q in narrow(r.sparql, scope)]
    else:
        queries = [r.sparql for r in rules]
    triples = [t for query in queries for t in store.construct(query)]
    found = contradictions_from_triples(triples)
    names = source_names(store, None if touched is None else
                         {claim for x in found for side in x.sides for claim in side.claims})
    found = [replace(x, explanation=explain(x, names)) for x in found]
    triples += [(contradiction_iri(x), KG.explanation, Literal(x.explanation)) for x in found]
    if touched is None:
        store.replace_graph(INFERRED_GRAPH, set(triples))
    else:
        stale = store.construct(stale_query(scope["?prop"]))
        store.update_graph(INFERRED_GRAPH, remove=stale, add=triples)
    if waiting["?doc"]:
        store.replace_graph(PENDING_GRAPH, [])
    return found


def await_reasoning(store: Store, documents: Collection[str]) -> None:
    """Mark documents (by id) as stored but not yet reasoned over, before they are stored: a
    run killed between storing them and reasoning leaves the marks, and the next reasoning
    run, even one narrowed to other documents, takes them in and clears the marks."""
    if documents:
        store.add([(document_iri(d), RDF.type, KG.Document, PENDING_GRAPH) for d in documents])


def _awaiting(store: Store) -> dict[str, set[URIRef]]:
    """The documents marked as awaiting reasoning that the store holds, with the propositions
    and objects of their claims."""
    found: dict[str, set[URIRef]] = {"?doc": set(), "?prop": set(), "?object": set()}
    for row in store.select(f"""SELECT ?doc ?prop ?object WHERE {{
          GRAPH <{PENDING_GRAPH}> {{ ?doc a kg:Document }}
          OPTIONAL {{ GRAPH ?g {{ ?claim prov:wasDerivedFrom ?doc ; kg:about ?prop
                                 OPTIONAL {{ ?prop kg:object ?object }} }} }}
        }}"""):
        for name, value in row.items():
            found["?" + name].add(value)
    return found


def narrow(sparql: str, scope: Mapping[str, Collection[URIRef]]) -> list[str]:
    """The rule narrowed to `scope`: each `#SCOPE ?var` line made a VALUES clause over
    `scope[?var]`, in chunks of CHUNK terms, one query each. Chunks give the same result as
    one query because every rule pairs claims within one value of its scope variable."""
    names = set(SCOPE.findall(sparql))
    if len(names) != 1:
        return [SCOPE.sub(lambda m: values(m[1], scope.get(m[1], ())), sparql)]
    terms = sorted(map(str, scope.get(names.pop(), ())))
    return [SCOPE.sub(lambda m: values(m[1], terms[i:i + CHUNK]), sparql)
            for i in range(0, len(terms), CHUNK)]


def _exclusive_objects(store: Store, props: Collection[URIRef],
                       ) -> tuple[set[URIRef], set[URIRef]]:
    """The objects of those of `props` whose relation is exclusive (as the lexicon graph
    declares), and every proposition about those objects."""
    rows = store.select(f"""SELECT DISTINCT ?object ?prop WHERE {{
          {values("?touched", props)}
          GRAPH <{LEXICON_GRAPH}> {{ ?relation kg:exclusive true }}
          GRAPH ?g {{ ?touched kg:relation ?relation ; kg:object ?object }}
          GRAPH ?h {{ ?prop kg:object ?object }}
        }}""")
    return {row["object"] for row in rows}, {row["prop"] for row in rows}


def _put_lexicon(store: Store) -> None:
    """The lexicon's declarations (which relations are exclusive) sit beside the claims, so the
    rules read them with SPARQL like everything else, on any backend. Written when changed."""
    lexicon = set(lexicon_graph())
    stored = store.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{LEXICON_GRAPH}> "
                             "{ ?s ?p ?o } }")
    if set(stored) != lexicon:
        store.replace_graph(LEXICON_GRAPH, lexicon)


def explain(contradiction: Contradiction, names: Mapping[str, str]) -> str:
    """One readable sentence: who holds each position, and why they cannot all be right.

    "Ukrainian forces | encircled: Donald Trump and Vladimir Putin assert it; Ukrainian
    General Staff and Volodymyr Zelensky deny it." """
    parts = []
    for side in contradiction.sides:
        sources = sorted({names[c] for c in side.claims if c in names}) or ["?"]
        who = sources[0] if len(sources) == 1 else ", ".join(sources[:-1]) + " and " + sources[-1]
        many = len(sources) > 1
        if contradiction.kind == "negation":
            denied = side.position.startswith("not ")
            verb = ("deny" if many else "denies") if denied else ("assert" if many else "asserts")
            parts.append(f"{who} {verb} it")
        else:
            parts.append(f"{who} {'say' if many else 'says'} {side.position}")
    why = {"numeric": " (the figures do not overlap)",
           "exclusive_value": " (only one can be right)"}.get(contradiction.kind, "")
    return f"{contradiction.proposition}: " + "; ".join(parts) + why + "."
