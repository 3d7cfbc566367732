"""reason/: store -> contradictions. One SPARQL rule per .rq file in rules/.

Rules are plain SPARQL 1.1 CONSTRUCT queries, so they run on any backend (a remote endpoint
too). Everything they produce, plus a readable explanation per contradiction, goes into one
graph of inferred statements that is dropped and recomputed on every run.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Mapping
from importlib import resources

from rdflib import Graph, Literal

from kgraph.models import Contradiction
from kgraph.query.results import contradictions_from_triples, source_names
from kgraph.rdf.iris import contradiction_iri
from kgraph.paths import ontology_dir
from kgraph.rdf.vocab import INFERRED_GRAPH, KG, LEXICON_GRAPH
from kgraph.store.base import Store

__all__ = ["Rule", "load_rules", "reason", "explain"]


@dataclass(frozen=True)
class Rule:
    name: str
    sparql: str


def load_rules() -> list[Rule]:
    """The shipped rules, in name order."""
    folder = resources.files("kgraph.reason") / "rules"
    return [Rule(f.name.removesuffix(".rq"), f.read_text(encoding="utf-8"))
            for f in sorted(folder.iterdir(), key=lambda f: f.name) if f.name.endswith(".rq")]


def reason(store: Store, rules: list[Rule] | None = None) -> list[Contradiction]:
    """Recompute the inferred graph from the claims in `store`; return the contradictions."""
    _put_lexicon(store)
    triples = [t for rule in rules or load_rules() for t in store.construct(rule.sparql)]
    names = source_names(store)
    found = [replace(x, explanation=explain(x, names))
             for x in contradictions_from_triples(triples)]
    triples += [(contradiction_iri(x), KG.explanation, Literal(x.explanation)) for x in found]
    store.replace_graph(INFERRED_GRAPH, triples)
    return found


def _put_lexicon(store: Store) -> None:
    """The lexicon's declarations (which relations are exclusive) sit beside the claims, so the
    rules read them with SPARQL like everything else, on any backend. Written when changed."""
    lexicon = set(Graph().parse(ontology_dir() / "lexicon.ttl"))
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
