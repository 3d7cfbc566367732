"""Positions for the display graph, computed once in Python so the page never has to run
physics over thousands of nodes (a browser doing that freezes for minutes).

Small graphs get networkx's spring layout (the page may let them settle further). Large ones
get a layout linear in their size: the sources by a spring layout of who-claims-the-same-thing,
each proposition beside the sources that speak about it, each contradiction beside its
proposition. Deterministic: the same graph always gets the same picture.
"""
from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations

import networkx as nx

SPRING_LIMIT = 400  # networkx's exact spring layout is quadratic: fine up to a few hundred
NODE_SPACING = 90.0  # about the room one node and its label need, in page pixels
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))

Position = tuple[float, float]


def place_nodes(graph: nx.MultiDiGraph) -> None:
    """Set integer `x`, `y` (page pixels, centred on 0) on every node."""
    if graph.number_of_nodes() == 0:
        return
    if graph.number_of_nodes() <= SPRING_LIMIT:
        positions = _spring(nx.Graph(graph))
    else:
        positions = _anchored(graph)
    scale = NODE_SPACING * math.sqrt(graph.number_of_nodes())
    for node, (x, y) in positions.items():
        graph.nodes[node]["x"] = round(x * scale)
        graph.nodes[node]["y"] = round(y * scale)


def _spring(graph: nx.Graph) -> dict[str, Position]:
    if graph.number_of_nodes() == 1:
        return {node: (0.0, 0.0) for node in graph}
    ordered = nx.Graph()  # insertion order decides the result: make it the sorted order
    ordered.add_nodes_from(sorted(graph))
    ordered.add_edges_from(sorted(tuple(sorted(e)) for e in graph.edges()))
    positions = nx.spring_layout(ordered, seed=7, iterations=100)
    return {node: (float(x), float(y)) for node, (x, y) in positions.items()}


def _anchored(graph: nx.MultiDiGraph) -> dict[str, Position]:
    kinds = defaultdict(list)
    for node, kind in sorted(graph.nodes(data="kind")):
        kinds[kind].append(node)
    positions = _source_positions(graph, kinds["source"])
    crowd: dict[tuple[int, int], int] = defaultdict(int)  # nodes placed near each spot so far
    spread = 1.0 / math.sqrt(graph.number_of_nodes())
    unheard = []  # propositions only a contradiction names: placed beside it afterwards
    for node in kinds["proposition"]:
        anchors = [positions[s] for s in graph.predecessors(node) if s in positions]
        if anchors:
            positions[node] = _near(_centroid(anchors), crowd, spread)
        else:
            unheard.append(node)
    for node in kinds["contradiction"]:
        anchors = [positions[p] for p in graph.successors(node) if p in positions]
        positions[node] = _near(_centroid(anchors), crowd, spread)
    for node in unheard:
        anchors = [positions[c] for c in graph.predecessors(node) if c in positions]
        positions[node] = _near(_centroid(anchors), crowd, spread)
    return positions


def _source_positions(graph: nx.MultiDiGraph, sources: list[str]) -> dict[str, Position]:
    """Sources that claim the same things are drawn close together."""
    together = nx.Graph()
    together.add_nodes_from(sources)
    weights: dict[tuple[str, str], int] = defaultdict(int)
    for node, kind in graph.nodes(data="kind"):
        if kind == "proposition":
            speakers = sorted({s for s in graph.predecessors(node)
                               if graph.nodes[s]["kind"] == "source"})
            for pair in combinations(speakers, 2):
                weights[pair] += 1
    together.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()))
    if len(sources) > SPRING_LIMIT:
        return {node: (float(x), float(y))
                for node, (x, y) in nx.circular_layout(together).items()}
    return _spring(together) if sources else {}


def _centroid(points: list[Position]) -> Position:
    if not points:
        return (0.0, 0.0)
    return (sum(x for x, _ in points) / len(points), sum(y for _, y in points) / len(points))


def _near(point: Position, crowd: dict[tuple[int, int], int], spread: float) -> Position:
    """`point`, moved out along a sunflower spiral past the nodes already put near it, so
    propositions with the same sources fan out instead of piling up."""
    cell = (round(point[0] / spread), round(point[1] / spread))
    index = crowd[cell]
    crowd[cell] += 1
    radius = spread * 0.6 * math.sqrt(index + 1)
    angle = index * _GOLDEN_ANGLE
    return (point[0] + radius * math.cos(angle), point[1] + radius * math.sin(angle))
