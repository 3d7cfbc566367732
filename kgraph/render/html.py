"""Display graph -> a self-contained HTML page: the only module in kgraph that imports pyvis.

The page must open with no network: pyvis's stock template links bootstrap (and, with
cdn_resources="local", vis-network) from CDNs, so we render our own template with the JS and
CSS that ship inside the pyvis package inlined, plus the page's own script and styles. The
Content-Security-Policy names each of those by its hash and allows nothing else: no fetch, and
no script or style that an article might smuggle in. Graph data (article text included) goes
into one JSON data block with <, > and & written as \\u escapes, so it can never close the
block or open a tag; the page reads it with JSON.parse and writes text with textContent.
"""
from __future__ import annotations

import base64
import hashlib
import json
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
from kgraph.render.graph import legend_items, omitted_text

TEMPLATE_DIR = Path(__file__).parent / "templates"
TEMPLATE_NAME = "graph.html.j2"
_VIS_DIR = "templates/lib/vis-9.1.2"

# What reaches the browser. vis-network draws the first group; the page's own script reads
# the second (the card, the filters). Python-only attributes stay behind.
_NODE_FIELDS = ("label", "title", "color", "shape", "group", "size", "borderWidth", "x", "y")
_NODE_DATA = ("kind", "camp", "source_kind", "contested", "claims", "contradiction_kind",
              "proposition", "propositions", "explanation", "rule", "sides")
# Edge `label` is left out on purpose: drawn labels clutter the picture; `title` (shown on
# hover) carries it.
_EDGE_FIELDS = ("title", "color", "dashes", "width", "smooth")
_EDGE_DATA = ("kind", "stance", "claims", "dates")

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                 "\u2028": "\\u2028", "\u2029": "\\u2029"}
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}")


class RenderError(RuntimeError):
    """The page could not be built safely (e.g. the vendored vis-network files look wrong)."""


def to_html(graph: nx.MultiDiGraph, title: str = "kgraph") -> str:
    """The whole page as a string; it loads nothing from the network."""
    return _network(graph, title).generate_html()


def write_html(graph: nx.MultiDiGraph, path: Path, title: str = "kgraph") -> Path:
    """Write the page to `path` atomically (a reader never sees half a file) and return it."""
    return write_atomic(Path(path), to_html(graph, title))


def vis_options(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """vis-network's options: small graphs settle in the browser from their Python layout;
    large ones keep it, with physics and smooth edges off so the page stays responsive."""
    physics = bool(graph.graph.get("physics", True))
    return {
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -120, "springLength": 150,
                                 "avoidOverlap": 0.6},
            "stabilization": {"enabled": physics, "iterations": 300, "fit": True},
        },
        "layout": {"improvedLayout": False},  # positions come from Python
        "nodes": {"font": {"size": 14}, "widthConstraint": {"maximum": 220}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                  "smooth": {"enabled": physics, "type": "continuous"}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": not physics},
    }


def _network(graph: nx.MultiDiGraph, title: str) -> Network:
    net = Network(height="100%", width="100%", directed=True, heading=title,
                  cdn_resources="in_line")
    # pyvis's add_node / add_edge look each id up in a list (quadratic in the graph's size);
    # the display graph is already consistent, so fill its node and edge lists directly.
    for node, data in graph.nodes(data=True):
        fields = {"id": node, **_pick(data, _NODE_FIELDS + _NODE_DATA)}
        net.nodes.append(fields)
        net.node_ids.append(node)
        net.node_map[node] = fields
    for index, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
        net.edges.append({"id": f"e{index}:{key}", "from": u, "to": v,
                          **_pick(data, _EDGE_FIELDS + _EDGE_DATA)})
    net.options = vis_options(graph)
    _use_template(net, graph)
    return net


def _pick(data: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: data[name] for name in fields if name in data}


def page_data(net: Network, graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Everything the page's script reads, as one JSON-able value."""
    return {
        "nodes": net.nodes,
        "edges": net.edges,
        "claims": graph.graph.get("claims", {}),
        "camps": graph.graph.get("camps", []),
        "legend": _legend(graph),
        "default_view": graph.graph.get("default_view", "all"),
        "focus": graph.graph.get("focus"),
        "omitted": omitted_text(graph),
        "options": net.options,
    }


def json_for_html(value: Any) -> str:
    """JSON that is inert inside a <script type="application/json"> block."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def _use_template(net: Network, graph: nx.MultiDiGraph) -> None:
    net.set_template_dir(str(TEMPLATE_DIR) + os.sep, TEMPLATE_NAME)
    # pyvis builds its Environment without autoescape; turn it on so every {{ }} is escaped
    # unless we mark it safe ourselves (only our own files and the escaped JSON are).
    net.templateEnv.autoescape = True
    scripts = (_inlined("vis-network.min.js"), _inlined("graph.js"))
    styles = (_inlined("vis-network.css"), _inlined("graph.css"))
    net.templateEnv.globals.update(
        vis_js=Markup(scripts[0]), page_js=Markup(scripts[1]),
        vis_css=Markup(styles[0]), page_css=Markup(styles[1]),
        page_data=Markup(json_for_html(page_data(net, graph))),
        csp=Markup(content_security_policy(scripts, styles)),  # ours: hashes and keywords
    )


def content_security_policy(scripts: tuple[str, ...], styles: tuple[str, ...]) -> str:
    """Only these exact inline scripts and styles run; nothing is fetched, no form posts."""
    return "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(_hash(s) for s in scripts),
        "style-src " + " ".join(_hash(s) for s in styles),
        "img-src data:",  # vis-network draws some icons from data: URIs
        "base-uri 'none'",
        "form-action 'none'",
    ])


def _hash(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


@lru_cache(maxsize=None)
def _inlined(name: str) -> str:
    """A file to inline: vis-network from the pyvis package, or the page's own script and
    styles; checked not to contain anything that would end its element early."""
    if name.startswith("vis-network"):
        text = (resources.files("pyvis") / _VIS_DIR / name).read_text(encoding="utf-8")
    else:
        text = (TEMPLATE_DIR / name).read_text(encoding="utf-8")
    lowered = text.lower()
    if "</script" in lowered or "</style" in lowered or "<!--" in lowered:
        raise RenderError(f"{name} contains '</script', '</style' or '<!--'; cannot inline")
    return text


def _legend(graph: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    # A colour lands in a style property: allow hex only.
    return [(label, colour if _HEX_COLOUR.fullmatch(colour) else "#999999", shape)
            for label, colour, shape in graph.graph.get("legend", legend_items())]
