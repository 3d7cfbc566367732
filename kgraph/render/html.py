"""Display graph -> a self-contained HTML page: the only module in kgraph that imports pyvis.

The page must open with no network: pyvis's stock template links bootstrap (and, with
cdn_resources="local", vis-network) from CDNs, so we render our own template with the JS and
CSS that ship inside the pyvis package inlined. Graph data goes in through Jinja's `tojson`,
which escapes <, >, & and ', so article text can never close the script or open a tag.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from markupsafe import Markup
from pyvis.network import Network

from kgraph.files import write_atomic
from kgraph.render.graph import legend_items

TEMPLATE_DIR = Path(__file__).parent / "templates"
TEMPLATE_NAME = "graph.html.j2"
_VIS_DIR = "templates/lib/vis-9.1.2"

# Only these attributes reach the browser: the rest (claims, kind, stance, ...) is for Python.
# Edge `label` is left out on purpose: drawn labels clutter the picture; `title` carries it.
_NODE_FIELDS = ("label", "title", "color", "shape", "group", "size", "borderWidth", "font")
_EDGE_FIELDS = ("title", "color", "dashes", "width", "smooth", "arrows")

_OPTIONS: dict[str, Any] = {
    "physics": {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
        # Settle first, then the page turns physics off so the picture stops moving.
        "stabilization": {"enabled": True, "iterations": 400, "fit": True},
    },
    "nodes": {"font": {"size": 14}},
    "interaction": {"hover": True, "tooltipDelay": 150},
}

# Set on every edge: pyvis adds arrows="to" to each edge of a directed network, which would
# override an arrow size given in the global options.
_ARROWS = {"to": {"enabled": True, "scaleFactor": 0.6}}

_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}")


class RenderError(RuntimeError):
    """The page could not be built safely (e.g. the vendored vis-network files look wrong)."""


def to_html(graph: nx.MultiDiGraph, title: str = "kgraph") -> str:
    """The whole page as a string; it loads nothing from the network."""
    return _network(graph, title).generate_html()


def write_html(graph: nx.MultiDiGraph, path: Path, title: str = "kgraph") -> Path:
    """Write the page to `path` atomically (a reader never sees half a file) and return it."""
    return write_atomic(Path(path), to_html(graph, title))


def _network(graph: nx.MultiDiGraph, title: str) -> Network:
    net = Network(height="85vh", width="100%", directed=True, heading=title,
                  cdn_resources="in_line")
    for node, data in graph.nodes(data=True):
        _add_node(net, node, data)
    for index, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
        fields = {"arrows": _ARROWS, **_pick(data, _EDGE_FIELDS)}
        net.add_edge(u, v, id=f"e{index}:{key}", **fields)
    net.options = dict(_OPTIONS)  # pyvis passes a plain dict through json.dumps as is
    _use_template(net, graph)
    return net


def _add_node(net: Network, node: str, data: dict[str, Any]) -> None:
    fields = _pick(data, _NODE_FIELDS)
    group = fields.pop("group", None)
    # pyvis drops `color` when `group` is given, so add the group after the node exists.
    net.add_node(node, **fields)
    if group is not None:
        net.node_map[node]["group"] = group


def _pick(data: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: data[name] for name in fields if name in data}


def _use_template(net: Network, graph: nx.MultiDiGraph) -> None:
    net.set_template_dir(str(TEMPLATE_DIR) + os.sep, TEMPLATE_NAME)
    # pyvis builds its Environment without autoescape; turn it on so every {{ }} is escaped
    # unless we mark it safe ourselves (only the vendored JS/CSS and tojson output are).
    net.templateEnv.autoescape = True
    net.templateEnv.globals.update(
        vis_js=Markup(_vendored("vis-network.min.js", "</script")),
        vis_css=Markup(_vendored("vis-network.css", "</style")),
        legend=_legend(graph),
        counts=_counts(graph),
    )


@lru_cache(maxsize=None)
def _vendored(name: str, closing_tag: str) -> str:
    """A vis-network file from the pyvis package, checked to be safe to inline."""
    text = (resources.files("pyvis") / _VIS_DIR / name).read_text(encoding="utf-8")
    lowered = text.lower()
    if closing_tag in lowered or "<!--" in lowered:
        raise RenderError(f"pyvis's {name} contains {closing_tag!r} or '<!--'; cannot inline")
    return text


def _legend(graph: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    # A colour lands in a style attribute, where HTML escaping is not enough: allow hex only.
    return [(label, colour if _HEX_COLOUR.fullmatch(colour) else "#999999", shape)
            for label, colour, shape in graph.graph.get("legend", legend_items())]


def _counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    counts = {"source": 0, "proposition": 0, "contradiction": 0}
    for _, kind in graph.nodes(data="kind"):
        if kind in counts:
            counts[kind] += 1
    return counts
