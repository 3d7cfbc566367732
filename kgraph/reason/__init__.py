"""reason/: store -> contradictions. One SPARQL rule per .rq file in rules/.

Rules are plain SPARQL 1.1 CONSTRUCT queries, so they run on any backend (a remote endpoint
too). Everything they produce, plus a readable explanation per contradiction, goes into one
graph of inferred statements that is dropped and recomputed on every run.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from rdflib import Graph, Literal

from kgraph.models import Claim, Contradiction
from kgraph.query.results import read_claims, read_contradictions
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
    # the lexicon's declarations (which relations are exclusive) sit beside the claims, so
    # the rules read them with SPARQL like everything else, on any backend
    store.replace_graph(LEXICON_GRAPH, Graph().parse(ontology_dir() / "lexicon.ttl"))
    triples = []
    for rule in rules or load_rules():
        triples += store.construct(rule.sparql)
    store.replace_graph(INFERRED_GRAPH, triples)
    claims = {c.id: c for c in read_claims(store)}
    triples += [(contradiction_iri(x), KG.explanation, Literal(explain(x, claims)))
                for x in read_contradictions(store)]
    store.replace_graph(INFERRED_GRAPH, triples)
    return read_contradictions(store)


def explain(contradiction: Contradiction, claims: dict[str, Claim]) -> str:
    """One readable sentence: who holds each position, and why they cannot all be right.

    "Ukrainian forces | encircled: Donald Trump and Vladimir Putin assert it; Ukrainian
    General Staff and Volodymyr Zelensky deny it." """
    parts = []
    for side in contradiction.sides:
        names = sorted({claims[c].source.name for c in side.claims if c in claims}) or ["?"]
        who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        many = len(names) > 1
        if contradiction.kind == "negation":
            denied = side.position.startswith("not ")
            verb = ("deny" if many else "denies") if denied else ("assert" if many else "asserts")
            parts.append(f"{who} {verb} it")
        else:
            parts.append(f"{who} {'say' if many else 'says'} {side.position}")
    why = {"numeric": " (the figures do not overlap)",
           "exclusive_value": " (only one can be right)"}.get(contradiction.kind, "")
    return f"{contradiction.proposition}: " + "; ".join(parts) + why + "."
