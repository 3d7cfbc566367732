"""render/: the display graph (step 1) and the self-contained HTML page (step 2).

Fixtures are made up: a ceasefire in an invented port town, no spaCy needed.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kgraph.models import Claim, Contradiction, Proposition, Side, Source, Stance, TextSpan
from kgraph.render import build_display_graph, legend_items, to_html, write_html

COUNCIL = Source("Harbour Council", "the council", "organisation")
ARMY = Source("Northern Command", "the command", "organisation")
AGENCY = Source("Relief Agency", "aid workers", "organisation")
HOLDS = Proposition("the ceasefire", "holds")
BRIDGE = Proposition("the east bridge", "controls", "Northern Command")

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def claim(
    id_: str,
    source: Source,
    stance: Stance,
    text: str,
    proposition: Proposition = HOLDS,
    date: str | None = "2031-04-02",
    document: str = "port-report.txt",
) -> Claim:
    return Claim(
        id=id_,
        source=source,
        stance=stance,
        proposition=proposition,
        evidence=TextSpan(0, len(text), text),
        document="d-" + document,
        document_name=document,
        date=date,
    )


CLAIMS = [
    claim("c1", COUNCIL, Stance.ASSERTS, "The council said the truce was holding overnight."),
    claim("c2", COUNCIL, Stance.ASSERTS, "Council officials repeated that the guns stayed quiet.",
          date="2031-04-03", document="evening-update.txt"),
    claim("c3", ARMY, Stance.DENIES, "The command said shelling resumed at dawn."),
    claim("c4", AGENCY, Stance.ASSERTS, "Aid workers said the command holds the east bridge.",
          proposition=BRIDGE),
]
NEGATION = Contradiction(
    id="k1",
    kind="negation",
    proposition=HOLDS.label,
    sides=(Side("holds", ("c1", "c2")), Side("does not hold", ("c3",))),
    rule="negation.rq",
    explanation="The council asserts what the command denies.",
)


@pytest.fixture(scope="module")
def graph():
    return build_display_graph(CLAIMS, [NEGATION])


def edge(graph, u: str, v: str, key: str) -> dict:
    return graph.get_edge_data(u, v, key)


# --- step 1: the display graph ------------------------------------------------------------


def test_one_node_per_source_proposition_and_contradiction(graph):
    shapes = {node: data["shape"] for node, data in graph.nodes(data=True)}
    assert shapes == {
        "source:Harbour Council": "dot",
        "source:Northern Command": "dot",
        "source:Relief Agency": "dot",
        "prop:the ceasefire | holds": "box",
        "prop:the east bridge | controls | Northern Command": "box",
        "contradiction:k1": "diamond",
    }


def test_every_node_and_edge_carries_display_attributes(graph):
    for _, data in graph.nodes(data=True):
        assert {"label", "title", "color", "shape", "group"} <= data.keys()
    for _, _, data in graph.edges(data=True):
        assert {"label", "title", "color", "dashes", "group"} <= data.keys()


def test_asserts_is_solid_green_and_denies_dashed_red(graph):
    asserts = edge(graph, "source:Harbour Council", "prop:the ceasefire | holds", "asserts")
    denies = edge(graph, "source:Northern Command", "prop:the ceasefire | holds", "denies")
    assert (asserts["stance"], asserts["dashes"]) == ("asserts", False)
    assert (denies["stance"], denies["dashes"]) == ("denies", True)
    assert (asserts["color"], denies["color"]) == ("#2ca02c", "#d62728")  # green, red


def test_claims_by_one_source_on_one_proposition_merge_into_one_edge(graph):
    edges = graph.get_edge_data("source:Harbour Council", "prop:the ceasefire | holds")
    assert list(edges) == ["asserts"]
    merged = edges["asserts"]
    assert merged["claims"] == ("c1", "c2")
    assert "truce was holding overnight" in merged["title"]
    assert "guns stayed quiet" in merged["title"]
    assert "evening-update.txt" in merged["title"]


def test_a_source_that_both_asserts_and_denies_gets_two_bent_edges():
    g = build_display_graph(
        [claim("a", ARMY, Stance.ASSERTS, "Calm, said the command."),
         claim("b", ARMY, Stance.DENIES, "Later the command said it was not calm.")], [])
    edges = g.get_edge_data("source:Northern Command", "prop:the ceasefire | holds")
    assert set(edges) == {"asserts", "denies"}
    assert edges["asserts"]["smooth"]["type"] != edges["denies"]["smooth"]["type"]


def test_contradiction_node_is_red_and_linked_to_its_proposition(graph):
    node = graph.nodes["contradiction:k1"]
    assert node["color"] == "#d62728"
    concerns = edge(graph, "contradiction:k1", "prop:the ceasefire | holds", "concerns")
    assert concerns["kind"] == "concerns"
    claim_widths = [d["width"] for _, _, d in graph.edges(data=True) if d["kind"] == "claim"]
    assert concerns["width"] > max(claim_widths)  # contradiction edges stand out


def test_contradiction_on_a_proposition_without_claims_still_gets_a_node():
    other = Contradiction("k2", "exclusive_value", "the east bridge | controls", (), "x.rq")
    g = build_display_graph(CLAIMS, [other])
    assert g.has_edge("contradiction:k2", "prop:the east bridge | controls")
    assert "No claims" in g.nodes["prop:the east bridge | controls"]["title"]


def test_proposition_tooltip_lists_who_asserts_and_who_denies(graph):
    title = graph.nodes["prop:the ceasefire | holds"]["title"]
    asserted, denied = title.split("Denied by")
    assert "Harbour Council" in asserted and "truce was holding overnight" in asserted
    assert "2031-04-02" in asserted and "port-report.txt" in asserted
    assert "Northern Command" in denied and "shelling resumed at dawn" in denied


def test_source_and_contradiction_tooltips(graph):
    source = graph.nodes["source:Relief Agency"]["title"]
    assert "asserts the east bridge | controls | Northern Command" in source
    contradiction = graph.nodes["contradiction:k1"]["title"]
    assert "negation" in contradiction
    assert "The council asserts what the command denies." in contradiction
    assert "Side 'holds'" in contradiction and "Side 'does not hold'" in contradiction
    assert "shelling resumed at dawn" in contradiction


def test_titles_are_plain_text(graph):
    titles = [d["title"] for _, d in graph.nodes(data=True)]
    titles += [d["title"] for _, _, d in graph.edges(data=True)]
    assert not any(re.search(r"<\w", t) for t in titles)


def test_titles_are_bounded():
    long = "word " * 200
    many = [claim(f"m{i}", COUNCIL, Stance.ASSERTS, f"Statement number {i}. {long}")
            for i in range(25)]
    g = build_display_graph(many, [])
    title = g.nodes["prop:the ceasefire | holds"]["title"]
    assert "… and 5 more claims" in title
    sentences = re.findall(r'"([^"]*)"', title)
    assert len(sentences) == 20
    assert all(len(s) <= 300 and s.endswith("…") for s in sentences)


def test_legend_covers_nodes_and_edges():
    labels = {label for label, _, _ in legend_items()}
    assert {"source", "proposition", "contradiction", "asserts", "denies"} <= labels


# --- step 2: the HTML page ----------------------------------------------------------------


@pytest.fixture(scope="module")
def page(graph) -> str:
    return to_html(graph, "Harbour ceasefire")


def vis_data(page: str) -> tuple[list[dict], list[dict]]:
    """The node and edge arrays as the browser will read them."""
    nodes, edges = re.findall(r"new vis\.DataSet\((.*?)\);\n", page)
    return json.loads(nodes), json.loads(edges)


def test_page_loads_nothing_from_the_network(page):
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "<link" not in page and "<script src" not in page
    assert "default-src 'none'" in page  # the CSP makes the browser refuse any fetch too


def test_page_inlines_vis_network(page):
    assert "vis-network" in page and "new vis.Network(" in page
    assert len(page) > 400_000  # the minified library itself, not a link to it


def test_page_holds_the_graph(page, graph):
    nodes, edges = vis_data(page)
    assert {n["label"] for n in nodes} == {d["label"] for _, d in graph.nodes(data=True)}
    assert len(edges) == graph.number_of_edges()
    assert not any("label" in e for e in edges)  # edge labels are shown on hover only
    assert "Harbour ceasefire" in page
    assert "stabilizationIterationsDone" in page and "enabled: false" in page


def test_page_legend(page):
    for label, colour, _ in legend_items():
        assert f"{colour}; border-color: {colour}\"></i>{label}</span>" in page


INJECTED = Source("</script><script>alert(1)</script>", "x")
QUOTE = "They wrote <img src=x onerror=alert(1)> and <!-- then 'single' and \"double\" quotes."


@pytest.fixture(scope="module")
def hostile_page() -> str:
    hostile = [claim("h1", INJECTED, Stance.ASSERTS, QUOTE),
               claim("h2", ARMY, Stance.DENIES, "The command disagreed.")]
    contradiction = Contradiction("h", "negation", HOLDS.label,
                                  (Side("<b>yes</b>", ("h1",)), Side("no", ("h2",))), "n.rq")
    return to_html(build_display_graph(hostile, [contradiction]), "<i>title</i>")


def test_article_text_is_inert_in_the_page(hostile_page):
    assert "</script><script>alert" not in hostile_page
    assert "<img src=x" not in hostile_page
    assert "<!--" not in hostile_page
    assert "<b>yes" not in hostile_page and "<i>title" not in hostile_page
    assert hostile_page.count("</script") == 2  # only our two scripts ever close


def test_article_text_survives_as_data(hostile_page):
    nodes, _ = vis_data(hostile_page)
    labels = {n["label"] for n in nodes}
    assert INJECTED.name in labels
    assert any(QUOTE in n["title"] for n in nodes)


def test_write_html_is_atomic(graph, tmp_path):
    target = tmp_path / "out" / "graph.html"
    assert write_html(graph, target, "Harbour ceasefire") == target
    first = target.read_text(encoding="utf-8")
    assert "Harbour Council" in first
    write_html(graph, target)  # overwriting an existing page works the same way
    assert os.listdir(target.parent) == ["graph.html"]  # no temp file left behind


def test_importing_render_does_not_import_pyvis():
    code = "import sys, kgraph.render; assert 'pyvis' not in sys.modules, 'pyvis imported'"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(PROJECT_ROOT), os.environ.get("PYTHONPATH", "")) if p)}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_sources_take_their_camps_colour_and_the_legend_names_the_camps():
    from kgraph.models import Camp
    from kgraph.render.graph import camp_color

    from kgraph.render.graph import source_id

    claims = CLAIMS
    names = sorted({c.source.name for c in claims})
    camps = [Camp("camp-1", tuple(names[:1])), Camp("camp-2", tuple(names[1:]))]
    graph = build_display_graph(claims, [], camps)
    assert graph.nodes[source_id(names[0])]["color"] == camp_color(camps[0])
    assert graph.nodes[source_id(names[-1])]["color"] == camp_color(camps[1])
    assert camp_color(camps[0]) != camp_color(camps[1])
    assert ("source in camp-2", camp_color(camps[1]), "dot") in graph.graph["legend"]
    assert "source in camp-1" in to_html(graph)
