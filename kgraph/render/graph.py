"""Claims and contradictions -> a plain networkx graph carrying display attributes.

This is the first of the two render steps (DESIGN habit 10): everything the picture shows is
decided here, as data that tests can read; html.py only hands it to pyvis. Tooltips (`title`)
are plain text: article text is data, and vis-network shows a string title with `innerText`.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

import networkx as nx

from kgraph.models import Camp, Claim, Contradiction, Stance

SOURCE_COLOR = "#4c78a8"
PROPOSITION_COLOR = "#e8e8e8"
CONTRADICTION_COLOR = "#d62728"
ASSERTS_COLOR = "#2ca02c"
DENIES_COLOR = "#d62728"
CONCERNS_COLOR = "#8b0000"  # darker and much wider than a "denies" edge, so the two never blur
# sources take their camp's colour; none of these is a stance or contradiction colour
CAMP_COLORS = ("#1f77b4", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22")

MAX_SENTENCE_CHARS = 300
MAX_TITLE_CLAIMS = 20

_STANCE_STYLE = {
    Stance.ASSERTS: {"color": ASSERTS_COLOR, "dashes": False, "width": 2},
    Stance.DENIES: {"color": DENIES_COLOR, "dashes": True, "width": 2},
}


def source_id(name: str) -> str:
    return f"source:{name}"


def proposition_id(label: str) -> str:
    return f"prop:{label}"


def contradiction_id(contradiction_id_: str) -> str:
    return f"contradiction:{contradiction_id_}"


def legend_items(camps: Sequence[Camp] = ()) -> list[tuple[str, str, str]]:
    """(label, colour, shape) for the page legend: one entry per camp when there are camps.

    Node shapes are vis-network's (dot, box, diamond); edges are solid, dashed or thick lines.
    """
    sources = [(f"source in {camp.id}", camp_color(camp), "dot") for camp in camps]
    return [
        *sources,
        ("source" + (" in no camp" if camps else ""), SOURCE_COLOR, "dot"),
        ("proposition", PROPOSITION_COLOR, "box"),
        ("contradiction", CONTRADICTION_COLOR, "diamond"),
        ("asserts", ASSERTS_COLOR, "solid"),
        ("denies", DENIES_COLOR, "dashed"),
        ("contradiction concerns", CONCERNS_COLOR, "thick"),
    ]


def build_display_graph(
    claims: Sequence[Claim], contradictions: Sequence[Contradiction],
    camps: Sequence[Camp] = (),
) -> nx.MultiDiGraph:
    """One node per source (coloured by its camp), proposition and contradiction; one edge per
    (source, proposition, stance) with every claim behind it, and one "concerns" edge per
    disputed proposition."""
    graph = nx.MultiDiGraph(legend=legend_items(camps))
    ordered = sorted(claims, key=_claim_order)  # same picture whatever order the claims came in
    by_source, by_proposition = _group(ordered)
    camp_of = {source: camp for camp in camps for source in camp.sources}
    for name, own in by_source.items():
        _add_source(graph, name, own, camp_of.get(name))
    for label, own in by_proposition.items():
        _add_proposition(graph, label, own)
    for (source, label, stance), own in _group_edges(ordered).items():
        _add_claim_edge(graph, source, label, stance, own)
    _curve_parallel_edges(graph)
    claims_by_id = {claim.id: claim for claim in ordered}
    for contradiction in sorted(contradictions, key=lambda c: c.id):
        _add_contradiction(graph, contradiction, claims_by_id)
    return graph


# --- grouping -----------------------------------------------------------------------------


def _claim_order(claim: Claim) -> tuple[str, str, int, str]:
    return (claim.date or "", claim.document_name, claim.evidence.start, claim.id)


def _group(claims: Iterable[Claim]) -> tuple[dict[str, list[Claim]], dict[str, list[Claim]]]:
    by_source: dict[str, list[Claim]] = defaultdict(list)
    by_proposition: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_source[claim.source.name].append(claim)
        by_proposition[claim.proposition.label].append(claim)
    return by_source, by_proposition


def _group_edges(claims: Iterable[Claim]) -> dict[tuple[str, str, Stance], list[Claim]]:
    edges: dict[tuple[str, str, Stance], list[Claim]] = defaultdict(list)
    for claim in claims:
        edges[(claim.source.name, claim.proposition.label, claim.stance)].append(claim)
    return edges


# --- nodes --------------------------------------------------------------------------------


def camp_color(camp: Camp | None) -> str:
    """The colour of a camp's sources: camp-1, camp-2, ... take the palette in turn."""
    if camp is None:
        return SOURCE_COLOR
    return CAMP_COLORS[(int(camp.id.rsplit("-", 1)[-1]) - 1) % len(CAMP_COLORS)]


def _add_source(graph: nx.MultiDiGraph, name: str, claims: list[Claim],
                camp: Camp | None = None) -> None:
    kind = claims[0].source.kind
    lines = [f"{name} ({kind})" + (f", {camp.id}" if camp else ""),
             f"{_count(len(claims), 'claim')}:"]
    lines += _bounded(
        [f"- {c.stance.value} {c.proposition.label}: {_evidence(c)}" for c in claims]
    )
    graph.add_node(
        source_id(name),
        kind="source",
        label=name,
        title="\n".join(lines),
        color=camp_color(camp),
        shape="dot",
        group=camp.id if camp else "source",
    )


def _add_proposition(graph: nx.MultiDiGraph, label: str, claims: list[Claim]) -> None:
    lines = [f"Proposition: {label}"]
    for stance, heading in ((Stance.ASSERTS, "Asserted by"), (Stance.DENIES, "Denied by")):
        side = [c for c in claims if c.stance == stance]
        lines.append(f"{heading} ({len(side)}):" if side else f"{heading}: nobody")
        lines += _bounded([f"- {c.source.name}: {_evidence(c)}" for c in side])
    if not claims:
        lines.append("No claims in this graph.")
    graph.add_node(
        proposition_id(label),
        kind="proposition",
        label=label,
        title="\n".join(lines),
        color=PROPOSITION_COLOR,
        shape="box",
        group="proposition",
    )


def _add_contradiction(
    graph: nx.MultiDiGraph, contradiction: Contradiction, claims_by_id: dict[str, Claim]
) -> None:
    node = contradiction_id(contradiction.id)
    graph.add_node(
        node,
        kind="contradiction",
        label=f"{contradiction.kind}: {_truncate(contradiction.proposition, 40)}",
        title=_contradiction_title(contradiction, claims_by_id),
        color=CONTRADICTION_COLOR,
        shape="diamond",
        group="contradiction",
        size=20,
    )
    for label in _concerned_propositions(contradiction, claims_by_id):
        if proposition_id(label) not in graph:
            # A rule may name a proposition no claim here carries (e.g. the shared subject of
            # an exclusive-value clash); draw it rather than leave the contradiction dangling.
            _add_proposition(graph, label, [])
        graph.add_edge(
            node,
            proposition_id(label),
            key="concerns",
            kind="concerns",
            label="concerns",
            title=f"{contradiction.kind} contradiction concerns: {label}",
            color=CONCERNS_COLOR,
            dashes=False,
            width=5,
            group="contradiction",
        )


def _concerned_propositions(
    contradiction: Contradiction, claims_by_id: dict[str, Claim]
) -> list[str]:
    """The contradiction's own proposition, then any other one a side's claim is about."""
    labels = [contradiction.proposition]
    for side in contradiction.sides:
        for claim_id in side.claims:
            claim = claims_by_id.get(claim_id)
            if claim and claim.proposition.label not in labels:
                labels.append(claim.proposition.label)
    return labels


def _contradiction_title(contradiction: Contradiction, claims_by_id: dict[str, Claim]) -> str:
    lines = [f"Contradiction ({contradiction.kind}): {contradiction.proposition}"]
    if contradiction.explanation:
        lines.append(_truncate(contradiction.explanation))
    for side in contradiction.sides:
        lines.append(f"Side '{_truncate(side.position)}':")
        lines += _bounded([_side_claim(claim_id, claims_by_id) for claim_id in side.claims])
    lines.append(f"Rule: {contradiction.rule}")
    return "\n".join(lines)


def _side_claim(claim_id: str, claims_by_id: dict[str, Claim]) -> str:
    claim = claims_by_id.get(claim_id)
    if claim is None:
        return f"- claim {claim_id} (not in this graph)"
    return f"- {claim.source.name} {claim.stance.value}: {_evidence(claim)}"


# --- edges --------------------------------------------------------------------------------


def _add_claim_edge(
    graph: nx.MultiDiGraph, source: str, label: str, stance: Stance, claims: list[Claim]
) -> None:
    lines = [f"{source} {stance.value} {label} ({_count(len(claims), 'claim')}):"]
    lines += _bounded([f"- {_evidence(c)}" for c in claims])
    graph.add_edge(
        source_id(source),
        proposition_id(label),
        key=stance.value,  # one edge per stance: a source that changed its mind shows both
        kind="claim",
        stance=stance.value,
        label=stance.value,
        title="\n".join(lines),
        group=stance.value,
        claims=tuple(c.id for c in claims),
        **_STANCE_STYLE[stance],
    )


def _curve_parallel_edges(graph: nx.MultiDiGraph) -> None:
    """Bend an asserts/denies pair between the same two nodes apart so both stay visible."""
    for u, v in {(u, v) for u, v in graph.edges() if graph.number_of_edges(u, v) > 1}:
        for key, data in graph[u][v].items():
            curve = "curvedCW" if key == Stance.ASSERTS.value else "curvedCCW"
            data["smooth"] = {"enabled": True, "type": curve, "roundness": 0.25}


# --- tooltip text -------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")


def _truncate(text: str, limit: int = MAX_SENTENCE_CHARS) -> str:
    text = _SPACES.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _evidence(claim: Claim) -> str:
    """The sentence in quotes, then when and where it was read."""
    where = [claim.date or "undated", claim.document_name]
    if claim.relayed_by:
        where.append("via " + ", ".join(s.name for s in claim.relayed_by))
    if claim.hedged:
        where.append("hedged")
    return f"\"{_truncate(claim.evidence.text)}\" ({'; '.join(where)})"


def _bounded(lines: list[str], limit: int = MAX_TITLE_CLAIMS) -> list[str]:
    """At most `limit` lines, and say how many were left out (no silent caps)."""
    if len(lines) <= limit:
        return lines
    return lines[:limit] + [f"… and {_count(len(lines) - limit, 'more claim')}"]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
