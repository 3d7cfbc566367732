"""The graph page in a real headless Chromium (Debian's /usr/bin/chromium, installed by make).

Driven by Playwright for Python with that executable (no browser download): it records every
request, console message and dialog, and evaluates script in the page. Each page must load
with no console error, draw the network, request nothing but its own file, filter, open a card
on click, and run nothing an article smuggled in.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kgraph.analyse import find_camps, signed_source_graph
from kgraph.models import Claim, Contradiction, Proposition, Side, Source, Stance, TextSpan
from kgraph.render import build_display_graph, show, write_html

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("KGRAPH_CHROMIUM", "/usr/bin/chromium")
# No sandbox: CI runs as root. The rest keeps Chromium from calling Google's hosts, which the
# closed network refuses (and which would show up as requests).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-default-apps", "--disable-extensions"]
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "out" / "artifacts"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: run `make test`, which installs Debian's "
                    "chromium package, or set KGRAPH_CHROMIUM")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is missing: run `make test`, which installs the test extra")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM,
            headless=True, args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 900})
        yield context
        context.close()


class Opened:
    """A page opened from a file, with everything it did on the way."""

    def __init__(self, context, path: Path, ready: str = "window.kgraph && "
                 "window.kgraph.ready !== null"):
        self.page = context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        if ready:
            self.wait_until(ready)

    def wait_until(self, expression: str, seconds: float = 120) -> None:
        # polled from here: Playwright's wait_for_function evaluates its predicate with eval,
        # which the page's CSP refuses now and then (microsoft/playwright#7395, #36986)
        deadline = time.monotonic() + seconds
        while not self.page.evaluate(expression):
            assert time.monotonic() < deadline, f"page never satisfied {expression!r}"
            self.page.wait_for_timeout(50)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def visible_nodes(self) -> set[str]:
        return set(self.js("window.kgraph.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))

    def click_node(self, node: str) -> str:
        """Click where the node is drawn; return the card's text."""
        self.js("window.kgraph.network.stabilize(0)")  # nothing may move between look and click
        point = self.js("id => { const net = window.kgraph.network;"
                        " return net.canvasToDOM(net.getPositions([id])[id]); }", node)
        box = self.page.locator("#kg-network").bounding_box()
        self.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
        self.page.wait_for_selector("#kg-card:not([hidden])")
        return self.page.locator("#kg-card").inner_text()

    def close(self) -> None:
        self.page.close()


def opened_heading(opened: Opened) -> str:
    return opened.page.locator("#kg-card h2").inner_text()


def assert_clean(opened: Opened) -> None:
    assert opened.errors == []
    assert opened.requests == [opened.url]  # the file itself and nothing else
    assert opened.dialogs == []
    assert opened.page.locator("#kg-network canvas").count() == 1


# --- the model-free fixture claims --------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_graph():
    from conftest import REPORT, UPDATE, report_claims, update_claims

    from kgraph.rdf.mapping import document_quads
    from kgraph.reason import reason
    from kgraph.store import open_store

    claims = report_claims() + update_claims()
    with open_store("memory") as store:
        store.add(document_quads(REPORT, report_claims()))
        store.add(document_quads(UPDATE, update_claims()))
        contradictions = reason(store)
    assert contradictions  # the fixture holds a dispute: the page opens on it
    camps = find_camps(signed_source_graph(claims, contradictions))
    return build_display_graph(claims, contradictions, camps)


@pytest.fixture
def fixture_page(browser, fixture_graph, tmp_path):
    opened = Opened(browser, write_html(fixture_graph, tmp_path / "graph.html", "Varna"))
    yield opened
    opened.close()


def test_the_page_loads_cleanly_draws_the_network_and_fetches_nothing(fixture_page,
                                                                     fixture_graph):
    assert_clean(fixture_page)
    assert fixture_page.js("window.kgraph.nodes.length") == fixture_graph.number_of_nodes()
    assert fixture_page.js("window.kgraph.edges.length") == fixture_graph.number_of_edges()
    # opens on the contested proposition and its sources, not the undisputed ones
    assert fixture_page.visible_nodes() >= {"prop:Varna garrison | encircled",
                                            "source:Ilse Marek", "source:Harbour Council"}
    assert "prop:Northern militia | captured | territory" not in fixture_page.visible_nodes()
    drawn = fixture_page.js("""() => { const c = document.querySelector('#kg-network canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let inked = 0; for (let i = 0; i < d.length; i += 4) if (d[i + 3] && d[i] < 200) inked++;
        return inked; }""")
    assert drawn > 500  # pixels of nodes and edges, not a blank canvas


def test_filter_clicks_change_what_is_visible(fixture_page):
    contested = fixture_page.visible_nodes()
    fixture_page.page.get_by_label("only contested propositions").click()
    everything = fixture_page.visible_nodes()
    assert "prop:Northern militia | captured | territory" in everything - contested
    fixture_page.page.get_by_label("negation (1)").click()  # hide the negation
    assert not any(n.startswith("contradiction:") for n in fixture_page.visible_nodes())
    fixture_page.page.select_option("#kg-source", "source:Harbour Council")
    assert fixture_page.visible_nodes() == {"source:Harbour Council",
                                            "prop:Varna garrison | encircled"}
    fixture_page.page.click("#kg-reset")
    assert fixture_page.visible_nodes() == contested


def test_the_date_filter_keeps_claims_of_those_days(fixture_page):
    fixture_page.page.get_by_label("only contested propositions").click()
    fixture_page.page.fill("#kg-from", "2025-03-16")
    fixture_page.page.dispatch_event("#kg-from", "change")
    sources = {n for n in fixture_page.visible_nodes() if n.startswith("source:")}
    assert sources == {"source:Lake Monitoring Mission"}  # the only source dated 16 March


def test_clicking_a_proposition_opens_its_card(fixture_page):
    card = fixture_page.click_node("prop:Varna garrison | encircled")
    assert opened_heading(fixture_page) == "Varna garrison | encircled"
    asserted, denied = card.split("Denied by (1)")
    assert "Asserted by (2)" in asserted and "Ilse Marek" in asserted
    assert "Commander Ilse Marek said on Thursday that the Varna garrison was encircled." in card
    assert "2025-03-13 · varna-report.txt" in asserted
    assert "Harbour Council" in denied and "varna-report.txt" in denied


def test_clicking_a_contradiction_shows_its_explanation_and_both_sides(fixture_page):
    node = fixture_page.js(
        "window.kgraph.nodes.get({filter: n => n.kind === 'contradiction'})[0].id")
    card = fixture_page.click_node(node)
    assert "negation contradiction" in card and "Found by the rule" in card
    assert card.count("Side: ") == 2
    assert "Harbour Council" in card and "Ilse Marek" in card


def test_search_finds_a_source_and_opens_its_card(fixture_page):
    fixture_page.page.fill("#kg-search", "harbour")
    fixture_page.page.click("#kg-matches button")
    card = fixture_page.page.locator("#kg-card").inner_text()
    assert "Harbour Council" in card and "The Harbour Council denied" in card


# --- article text that tries to be markup -------------------------------------------------

PAYLOAD_SPEAKER = "</script><script>window.pwned = 'speaker'</script><!--"
PAYLOAD_QUOTE = ("They wrote <img src=x onerror=\"window.pwned='quote'\"> and "
                 "<svg onload=alert(1)> then 'single' and \"double\" quotes -->")


def hostile_claims() -> tuple[list[Claim], list[Contradiction]]:
    speaker = Source(PAYLOAD_SPEAKER, "someone", "person")
    other = Source("Plain Speaker", "plain", "person")
    topic = Proposition("<b>the ford</b>", "held")
    claims = [Claim("x1", speaker, Stance.ASSERTS, topic, TextSpan(0, len(PAYLOAD_QUOTE),
                                                                   PAYLOAD_QUOTE),
                    "d-x", "<i>doc</i>.txt", "2025-01-01"),
              Claim("x2", other, Stance.DENIES, topic, TextSpan(0, 10, "Not so, he said."),
                    "d-x", "<i>doc</i>.txt", "2025-01-01")]
    contradiction = Contradiction("x", "negation", topic.label,
                                  (Side("<u>held</u>", ("x1",)), Side("not held", ("x2",))),
                                  "negation.rq", "<script>window.pwned='why'</script>")
    return claims, [contradiction]


def test_article_text_is_shown_as_text_and_runs_nothing(browser, tmp_path):
    page = write_html(build_display_graph(*hostile_claims()), tmp_path / "hostile.html",
                      "<i>hostile</i>")
    opened = Opened(browser, page)
    try:
        assert_clean(opened)
        assert opened.js("window.pwned") is None
        card = opened.click_node("source:" + PAYLOAD_SPEAKER)
        assert PAYLOAD_SPEAKER in card and PAYLOAD_QUOTE in card
        card = opened.click_node("contradiction:x")
        assert "<script>window.pwned='why'</script>" in card and "<u>held</u>" in card
        assert opened.js("document.querySelectorAll('img, svg, b, u, i:not(.kg-swatch)').length") == 0
        assert opened.js("document.querySelectorAll('script').length") == 3
        assert opened.page.title() == "<i>hostile</i>"
        assert opened.js("window.pwned") is None and opened.dialogs == []
    finally:
        opened.close()


# --- notebooks and large graphs -----------------------------------------------------------


def test_the_notebook_frame_draws_the_same_graph(browser, fixture_graph, tmp_path):
    host = tmp_path / "notebook.html"
    host.write_text("<!DOCTYPE html><meta charset='utf-8'><title>notebook</title>"
                    + show(fixture_graph, "Varna")._repr_html_(), encoding="utf-8")
    opened = Opened(browser, host, ready="")
    try:
        frame = opened.page.frame_locator("iframe")
        frame.locator("body[data-ready]").wait_for(timeout=60_000)
        assert frame.locator("#kg-network canvas").count() == 1
        assert "Varna garrison | encircled" in frame.locator("#kg-proposition").inner_text()
        assert opened.errors == [] and opened.requests == [opened.url]
    finally:
        opened.close()


def test_a_large_graph_is_drawn_without_physics(browser, tmp_path):
    from test_render import many_claims

    graph = build_display_graph(*many_claims(600))
    opened = Opened(browser, write_html(graph, tmp_path / "large.html"))
    try:
        assert_clean(opened)
        assert opened.js("window.kgraph.network.physics.options.enabled") is False
        assert len(opened.visible_nodes()) == 120 + 120 + len(
            {n for n in opened.visible_nodes() if n.startswith("source:")})
        positions = opened.js("window.kgraph.network.getPositions(['prop:Unit 0 | encircled'])")
        node = graph.nodes["prop:Unit 0 | encircled"]
        assert positions["prop:Unit 0 | encircled"] == {"x": node["x"], "y": node["y"]}
    finally:
        opened.close()


# --- the seed example ---------------------------------------------------------------------


@pytest.mark.model
def test_the_kursk_graph(browser, tmp_path):
    from kgraph.pipeline import build

    build([ROOT / "examples" / "kursk"], tmp_path / "kursk")
    opened = Opened(browser, tmp_path / "kursk" / "graph.html")
    try:
        assert_clean(opened)
        assert "prop:Ukrainian forces | encircled" in opened.visible_nodes()
        card = opened.click_node("prop:Ukrainian forces | encircled")
        asserted, denied = card.split("Denied by")
        assert "Donald Trump" in asserted and "Vladimir Putin" in asserted
        assert "Volodymyr Zelensky" in denied and "Ukrainian General Staff" in denied
        opened.js("window.kgraph.network.fit()")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        opened.page.screenshot(path=str(ARTIFACTS / "kursk-graph.png"))
    finally:
        opened.close()
    assert (ARTIFACTS / "kursk-graph.png").stat().st_size > 20_000
