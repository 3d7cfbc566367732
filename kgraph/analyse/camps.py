"""Camps: which sources stand together.

The signed source graph counts, for every pair of sources, the claims on which they agree (the
same stance on the same proposition: +1) and those on which they oppose each other (opposite
stances, or opposite sides of a contradiction: -1). Structural balance says a graph splits
into two camps when friends are in one camp and opponents across; real graphs are not quite
balanced, so we look for the split that leaves the least weight "frustrated" (positive across,
negative within). Finding the best split is NP-hard in general; we take a deterministic greedy
one that is exact on balanced graphs and linear in practice: a breadth-first two-colouring from
the best-connected source, then single-source moves while they lower the frustration. Each
connected part of the graph is split on its own, so unrelated disputes do not mix.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Sequence

import networkx as nx

from kgraph.models import Camp, Claim, Contradiction, Dispute


def signed_source_graph(claims: Sequence[Claim],
                        contradictions: Sequence[Contradiction] = ()) -> nx.Graph:
    """Sources as nodes; an edge per pair that agreed or disagreed, with `weight` (agreements
    minus disagreements), `agree` and `disagree` counts. Pairs that balance out are left out."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])

    def count(a: str, b: str, agree: bool) -> None:
        if a != b:
            counts[min(a, b), max(a, b)][0 if agree else 1] += 1

    by_proposition: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_proposition[claim.proposition.label].append(claim)
    for group in by_proposition.values():
        for one, other in combinations(group, 2):
            if one.stance != other.stance:
                count(one.source.name, other.source.name, False)
            elif not _disjoint(one, other):  # figures that do not overlap are no agreement
                count(one.source.name, other.source.name, True)
    by_id = {c.id: c for c in claims}
    for contradiction in contradictions:
        if contradiction.kind == "negation":
            continue  # counted above, claim by claim
        sides = [{by_id[c].source.name for c in side.claims if c in by_id}
                 for side in contradiction.sides]
        for one, other in combinations(sides, 2):
            for a in one:
                for b in other:
                    count(a, b, False)
    graph = nx.Graph()
    for (a, b), (agree, disagree) in sorted(counts.items()):
        if agree != disagree:
            graph.add_edge(a, b, weight=agree - disagree, agree=agree, disagree=disagree)
    return graph


def _disjoint(one: Claim, other: Claim) -> bool:
    a, b = one.quantity, other.quantity
    return bool(a and b and a.unit == b.unit and (a.high < b.low or b.high < a.low))


def _frustration_change(graph: nx.Graph, side: dict[str, int], node: str) -> int:
    """How the frustrated weight changes if `node` moves to the other camp (< 0: better)."""
    change = 0
    for other, data in graph[node].items():
        same = side[node] == side[other]
        weight = data["weight"]
        # now frustrated: positive across or negative within; after the move the reverse
        now = (weight > 0 and not same) or (weight < 0 and same)
        change += -abs(weight) if now else abs(weight)
    return change


def _split(graph: nx.Graph) -> dict[str, int]:
    start = max(sorted(graph), key=lambda n: graph.degree(n, weight=None))
    side = {start: 0}
    for parent, child in nx.bfs_edges(graph, start, sort_neighbors=sorted):
        side[child] = side[parent] if graph[parent][child]["weight"] > 0 else 1 - side[parent]
    for _ in range(len(graph)):  # each pass lowers the frustration or stops
        moved = False
        for node in sorted(graph):
            if _frustration_change(graph, side, node) < 0:
                side[node] = 1 - side[node]
                moved = True
        if not moved:
            break
    return side


def find_camps(graph: nx.Graph) -> list[Camp]:
    """The camps of a signed source graph, largest first, as `camp-1`, `camp-2`, ..."""
    groups: list[tuple[str, ...]] = []
    for component in nx.connected_components(graph):
        side = _split(graph.subgraph(component))
        for camp in (0, 1):
            members = tuple(sorted(n for n, s in side.items() if s == camp))
            if members:
                groups.append(members)
    groups.sort(key=lambda g: (-len(g), g))
    return [Camp(f"camp-{i}", members) for i, members in enumerate(groups, start=1)]


def disputes(contradictions: Sequence[Contradiction], claims: Sequence[Claim],
             camps: Sequence[Camp]) -> list[Dispute]:
    """Each contradiction with, per side, the camps its sources belong to."""
    camp_of = {source: camp.id for camp in camps for source in camp.sources}
    by_id = {c.id: c for c in claims}
    found = []
    for contradiction in contradictions:
        per_side = tuple(
            tuple(sorted({camp_of[by_id[c].source.name] for c in side.claims
                          if c in by_id and by_id[c].source.name in camp_of}))
            for side in contradiction.sides)
        found.append(Dispute(contradiction.id, contradiction.proposition, contradiction.kind,
                             per_side))
    return found
