"""Time to render the graph page for synthetic claims (bench/synthetic.py: ten claims an
article), and, when Chromium and Playwright are there, how long the page takes to draw and to
answer a filter click.

    .venv/bin/python bench/render_scaling.py [--articles 1000] [--no-browser]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import CLAIMS_PER_DOCUMENT, synthetic_corpus  # noqa: E402

from kgraph.analyse import find_camps, signed_source_graph  # noqa: E402
from kgraph.rdf.mapping import document_quads  # noqa: E402
from kgraph.reason import reason  # noqa: E402
from kgraph.render import build_display_graph, write_html  # noqa: E402
from kgraph.store import open_store  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
T = TypeVar("T")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def timed(step: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = step()
    return result, time.perf_counter() - start


def in_browser(page: Path) -> tuple[float, float, float, int]:
    """(seconds until drawn, as seen from outside; the page's own figure; seconds for a filter
    click; nodes shown) for the page in headless Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 900})
        tab = context.new_page()
        start = time.perf_counter()
        tab.goto(page.as_uri())
        tab.wait_for_function("window.kgraph && window.kgraph.ready !== null", timeout=600_000)
        drawn = time.perf_counter() - start
        own = tab.evaluate("window.kgraph.ready") / 1000
        click = tab.evaluate("""() => new Promise(done => {
            const start = performance.now();
            document.getElementById('kg-contested').click();
            window.kgraph.network.once('afterDrawing', () => done(performance.now() - start));
            window.kgraph.network.redraw(); })""") / 1000
        shown = tab.evaluate("window.kgraph.nodes.get({filter: n => !n.hidden}).length")
        context.close()
    return drawn, own, click, shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    corpus = list(synthetic_corpus(args.articles * CLAIMS_PER_DOCUMENT))
    claims = [claim for _, own in corpus for claim in own]
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "store") as store:
        store.add([quad for document, own in corpus for quad in document_quads(document, own)])
        contradictions, reasoned = timed(lambda: reason(store))
    camps, split = timed(lambda: find_camps(signed_source_graph(claims, contradictions)))
    graph, built = timed(lambda: build_display_graph(claims, contradictions, camps))
    with tempfile.TemporaryDirectory() as folder:
        page, written = timed(lambda: write_html(graph, Path(folder) / "graph.html"))
        size = page.stat().st_size
        print(f"{args.articles} articles, {len(claims)} claims, {len(contradictions)} "
              f"contradictions -> {graph.number_of_nodes()} nodes, "
              f"{graph.number_of_edges()} edges")
        print(f"  (reason {reasoned:.1f} s, camps {split:.1f} s: not part of rendering)")
        print(f"  build_display_graph {built:.2f} s, write_html {written:.2f} s, "
              f"page {size / 1e6:.1f} MB")
        if not args.no_browser and Path(CHROMIUM).exists():
            drawn, own, click, shown = in_browser(page)
            print(f"  Chromium: drawn after {drawn:.2f} s ({own:.2f} s by the page's clock), "
                  f"{shown} nodes shown; a filter click redraws in {click:.2f} s")


if __name__ == "__main__":
    main()
