"""Claims and contradictions -> a plain networkx graph carrying display attributes.

This is the first of the two render steps (DESIGN habit 10): everything the picture shows is
decided here, as data that tests can read: colours, shapes, positions, what the side card says
(`graph.graph["claims"]` holds every claim once; nodes and edges point at claim ids), which
view the page opens on, and what was left out. html.py only hands it to pyvis. Text stays
plain: article text is data, and the page writes it with textContent only.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import networkx as nx

from kgraph.models import Camp, Claim, Contradiction, Stance
from kgraph.render.layout import place_nodes

SOURCE_COLOR = "#9e9e9e"  # grey: a source in no camp
PROPOSITION_COLOR = "#eeeeee"
PROPOSITION_BORDER = "#9a9a9a"
CONTESTED_BORDER = "#d62728"
CONTRADICTION_COLOR = "#d62728"
ASSERTS_COLOR = "#2ca02c"
DENIES_COLOR = "#d62728"
CONCERNS_COLOR = "#8b0000"  # darker and much wider than a "denies" edge, so the two never blur
# sources take their camp's colour; none of these is a stance or contradiction colour
CAMP_COLORS = ("#1f77b4", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22")

MAX_SENTENCE_CHARS = 1000  # the card shows the sentence; a longer "sentence" is page furniture
MAX_NODES = 5000  # beyond this the page stops being usable; see cap_nodes
PHYSICS_NODE_LIMIT = 300  # small graphs settle in the browser; bigger ones keep their layout

_STANCE_STYLE = {
    Stance.ASSERTS: {"color": ASSERTS_COLOR, "dashes": False, "width": 2},
    Stance.DENIES: {"color": DENIES_COLOR, "dashes": True, "width": 2},
}


class FocusNotFound(LookupError):
    """No proposition or source matches the text given to focus on."""


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
        ("contested proposition", CONTESTED_BORDER, "contested"),
        ("contradiction", CONTRADICTION_COLOR, "diamond"),
        ("asserts", ASSERTS_COLOR, "solid"),
        ("denies", DENIES_COLOR, "dashed"),
        ("contradiction concerns", CONCERNS_COLOR, "thick"),
    ]


def build_display_graph(
    claims: Sequence[Claim], contradictions: Sequence[Contradiction],
    camps: Sequence[Camp] = (), max_nodes: int = MAX_NODES, focus: str | None = None,
) -> nx.MultiDiGraph:
    """One node per source (coloured by its camp), proposition and contradiction; one edge per
    (source, proposition, stance) with every claim behind it, and one "concerns" edge per
    disputed proposition. `focus` narrows it to the propositions and sources it names (see
    narrow_to; FocusNotFound when none). Past `max_nodes`, the least disputed propositions are
    left out and `graph.graph["omitted"]` says how many."""
    ordered = sorted(claims, key=_claim_order)  # same picture whatever order the claims came in
    graph = nx.MultiDiGraph(
        legend=legend_items(camps),
        camps=[camp.id for camp in camps],
        claims={claim.id: claim_record(claim) for claim in ordered},
        omitted=None,
        focus=None,
    )
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
    if focus is not None:
        graph = narrow_to(graph, focus)
    cap_nodes(graph, max_nodes)
    return _finish(graph)


def _finish(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Positions and the page's opening view, once the set of nodes is final."""
    place_nodes(graph)
    has_disputes = any(kind == "contradiction" for _, kind in graph.nodes(data="kind"))
    # Open on what is disputed; with nothing disputed (or a narrow focus) show everything.
    graph.graph["default_view"] = (
        "contested" if has_disputes and graph.graph.get("focus") is None else "all")
    graph.graph["physics"] = graph.number_of_nodes() <= PHYSICS_NODE_LIMIT
    return graph


def claim_record(claim: Claim) -> dict[str, Any]:
    """What the side card shows for one claim: plain strings, no markup."""
    return {
        "source": claim.source.name,
        "stance": claim.stance.value,
        "proposition": claim.proposition.label,
        "text": _truncate(claim.evidence.text),
        "date": claim.date or "",
        "document": claim.document_name,
        "hedged": claim.hedged,
        "relayed_by": [s.name for s in claim.relayed_by],
    }


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
    graph.add_node(
        source_id(name),
        kind="source",
        label=name,
        title=f"{name} ({kind})" + (f", {camp.id}" if camp else "")
        + f": {_count(len(claims), 'claim')}. Click for the sentences.",
        color=camp_color(camp),
        shape="dot",
        size=_source_size(len(claims)),
        group=camp.id if camp else "source",
        camp=camp.id if camp else "",
        source_kind=kind,
        claims=tuple(c.id for c in claims),
    )


def _source_size(claims: int) -> int:
    """Sources that say more are drawn bigger, within bounds."""
    return 12 + min(18, round(3 * claims ** 0.5))


def _add_proposition(graph: nx.MultiDiGraph, label: str, claims: list[Claim]) -> None:
    asserts = sum(c.stance == Stance.ASSERTS for c in claims)
    denies = len(claims) - asserts
    title = (f"Proposition: {label}: asserted {asserts}, denied {denies} times. "
             "Click for the sentences." if claims else f"Proposition: {label}: no claims here.")
    graph.add_node(
        proposition_id(label),
        kind="proposition",
        label=label,
        title=title,
        color={"background": PROPOSITION_COLOR, "border": PROPOSITION_BORDER},
        shape="box",
        borderWidth=1,
        group="proposition",
        contested=(),  # kinds of contradiction on it, filled in by _add_contradiction
        claims=tuple(c.id for c in claims),
    )


def _mark_contested(graph: nx.MultiDiGraph, node: str, kind: str) -> None:
    data = graph.nodes[node]
    if kind not in data["contested"]:
        data["contested"] = tuple(sorted((*data["contested"], kind)))
    data["color"] = {"background": PROPOSITION_COLOR, "border": CONTESTED_BORDER}
    data["borderWidth"] = 3


def _add_contradiction(
    graph: nx.MultiDiGraph, contradiction: Contradiction, claims_by_id: dict[str, Claim]
) -> None:
    node = contradiction_id(contradiction.id)
    concerned = _concerned_propositions(contradiction, claims_by_id)
    graph.add_node(
        node,
        kind="contradiction",
        label=contradiction.kind,
        title=f"{contradiction.kind} contradiction on {contradiction.proposition}. "
        "Click for both sides.",
        color=CONTRADICTION_COLOR,
        shape="diamond",
        group="contradiction",
        size=18,
        contradiction_kind=contradiction.kind,
        proposition=contradiction.proposition,
        propositions=tuple(concerned),
        explanation=contradiction.explanation,
        rule=contradiction.rule,
        sides=tuple((side.position, side.claims) for side in contradiction.sides),
    )
    for label in concerned:
        if proposition_id(label) not in graph:
            # A rule may name a proposition no claim here carries (e.g. the shared subject of
            # an exclusive-value clash); draw it rather than leave the contradiction dangling.
            _add_proposition(graph, label, [])
        _mark_contested(graph, proposition_id(label), contradiction.kind)
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


# --- edges --------------------------------------------------------------------------------


def _add_claim_edge(
    graph: nx.MultiDiGraph, source: str, label: str, stance: Stance, claims: list[Claim]
) -> None:
    graph.add_edge(
        source_id(source),
        proposition_id(label),
        key=stance.value,  # one edge per stance: a source that changed its mind shows both
        kind="claim",
        stance=stance.value,
        label=stance.value,
        title=f"{source} {stance.value} {label} ({_count(len(claims), 'claim')})",
        group=stance.value,
        claims=tuple(c.id for c in claims),
        # "" for an undated claim: the page's date filter always keeps those
        dates=tuple(sorted({c.date or "" for c in claims})),
        **_STANCE_STYLE[stance],
    )


def _curve_parallel_edges(graph: nx.MultiDiGraph) -> None:
    """Bend an asserts/denies pair between the same two nodes apart so both stay visible."""
    for u, v in sorted({(u, v) for u, v in graph.edges() if graph.number_of_edges(u, v) > 1}):
        for key, data in graph[u][v].items():
            curve = "curvedCW" if key == Stance.ASSERTS.value else "curvedCCW"
            data["smooth"] = {"enabled": True, "type": curve, "roundness": 0.25}


# --- what the page leaves out -------------------------------------------------------------


def cap_nodes(graph: nx.MultiDiGraph, max_nodes: int) -> None:
    """Leave out propositions, least disputed and least claimed first, until at most
    `max_nodes` nodes remain; sources and contradictions left with nothing go too. What went
    is counted in `graph.graph["omitted"]` for the page to say (no silent caps)."""
    if graph.number_of_nodes() <= max_nodes:
        return
    left_out = {"propositions": 0, "sources": 0, "contradictions": 0, "claims": 0}
    for node in sorted(_propositions(graph), key=lambda n: _importance(graph, n)):
        if graph.number_of_nodes() <= max_nodes:
            break
        left_out["claims"] += len(graph.nodes[node]["claims"])
        neighbours = set(graph.predecessors(node))
        graph.remove_node(node)
        left_out["propositions"] += 1
        for other in sorted(neighbours):
            if graph.degree(other) == 0:
                left_out[graph.nodes[other]["kind"] + "s"] += 1
                graph.remove_node(other)
    graph.graph["omitted"] = {**left_out, "max_nodes": max_nodes}


def _propositions(graph: nx.MultiDiGraph) -> list[str]:
    return [node for node, kind in graph.nodes(data="kind") if kind == "proposition"]


def _importance(graph: nx.MultiDiGraph, node: str) -> tuple[int, int, str]:
    data = graph.nodes[node]
    return (len(data["contested"]), len(data["claims"]), node)


def omitted_text(graph: nx.MultiDiGraph) -> str:
    """One sentence on what the picture leaves out, or "" when it shows everything."""
    omitted = graph.graph.get("omitted")
    if not omitted:
        return ""
    parts = [_count(omitted[key], key[:-1]) for key in
             ("propositions", "sources", "contradictions") if omitted[key]]
    return (f"Left out {', '.join(parts)} ({_count(omitted['claims'], 'claim')}), the least "
            f"disputed first, to keep the picture under {omitted['max_nodes']:,} nodes; "
            "narrow it with --focus or raise --max-nodes.")


# --- focus --------------------------------------------------------------------------------


def narrow_to(graph: nx.MultiDiGraph, text: str) -> nx.MultiDiGraph:
    """The part of a display graph about the propositions and sources named by `text`: an exact
    label (any case) if there is one, else every label containing it. A proposition brings its
    sources and contradictions; a source brings what it claims, who else claims it and the
    contradictions on it. Raises FocusNotFound when nothing matches."""
    matches = _matching(graph, text)
    if not matches:
        raise FocusNotFound(f"nothing to focus on: no proposition or source matches {text!r}")
    propositions: set[str] = set()
    for node in matches:
        if graph.nodes[node]["kind"] == "proposition":
            propositions.add(node)
        else:
            propositions.update(graph.successors(node))
    contradictions = {c for p in propositions for c in graph.predecessors(p)
                      if graph.nodes[c]["kind"] == "contradiction"}
    # a contradiction across two propositions (exclusive values) shows both of them
    propositions.update(p for c in contradictions for p in graph.successors(c))
    sources = {s for p in propositions for s in graph.predecessors(p)
               if graph.nodes[s]["kind"] == "source"}
    kept = graph.subgraph(propositions | contradictions | sources).copy()
    claims = {c for _, data in kept.nodes(data=True) for c in data.get("claims", ())}
    kept.graph["claims"] = {k: v for k, v in graph.graph["claims"].items() if k in claims}
    kept.graph["focus"] = {"text": text,
                           "matches": sorted(graph.nodes[n]["label"] for n in matches)}
    for node in kept:  # a source's card lists only what it says within the focus
        data = kept.nodes[node]
        if data["kind"] == "source":
            data["claims"] = tuple(c for c in data["claims"] if c in claims)
    return kept


def _matching(graph: nx.MultiDiGraph, text: str) -> list[str]:
    wanted = _SPACES.sub(" ", text).strip().casefold()
    if not wanted:
        return []
    candidates = [(node, data["label"].casefold()) for node, data in graph.nodes(data=True)
                  if data["kind"] in ("proposition", "source")]
    exact = [node for node, label in candidates if label == wanted]
    return exact or [node for node, label in candidates if wanted in label]


# --- text ---------------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")


def _truncate(text: str, limit: int = MAX_SENTENCE_CHARS) -> str:
    text = _SPACES.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"
