"""render/: claims and contradictions -> an interactive, self-contained HTML graph.

Two steps (DESIGN habit 10): `build_display_graph` makes a plain networkx graph whose nodes and
edges carry every display attribute, positions and card data (tested without a browser), then
`to_html` / `write_html` hand it to pyvis. pyvis is imported only when a page is actually
rendered, so importing kgraph.render (or anything that imports it) does not load it.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from kgraph.render.graph import FocusNotFound, build_display_graph, legend_items, omitted_text
from kgraph.render.notebook import NotebookPage

__all__ = ["FocusNotFound", "NotebookPage", "build_display_graph", "legend_items",
           "omitted_text", "show", "to_html", "write_html"]


def to_html(graph: nx.MultiDiGraph, title: str = "kgraph") -> str:
    """The page for a display graph as a string (see kgraph.render.html.to_html)."""
    from kgraph.render import html  # lazy: keeps pyvis off every other import path

    return html.to_html(graph, title)


def write_html(graph: nx.MultiDiGraph, path: Path, title: str = "kgraph") -> Path:
    """Write the page for a display graph to `path` atomically and return the path."""
    from kgraph.render import html  # lazy: keeps pyvis off every other import path

    return html.write_html(graph, path, title)


def show(graph: nx.MultiDiGraph, title: str = "kgraph", height: int = 650) -> NotebookPage:
    """The same page, displayed inline when it is the last value of a notebook cell.

    Example:
        from kgraph.render import build_display_graph, show
        show(build_display_graph(report.claims, report.contradictions))
    """
    return NotebookPage(to_html(graph, title), height)
