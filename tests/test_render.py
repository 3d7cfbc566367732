"""render/: the display graph (step 1) and the self-contained HTML page (step 2).

Fixtures are made up: a ceasefire in an invented port town, no spaCy needed.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kgraph.models import Claim, Contradiction, Proposition, Side, Source, Stance, TextSpan
from kgraph.render import (FocusNotFound, build_display_graph, legend_items, omitted_text, show,
                           to_html, write_html)
from kgraph.render.html import json_for_html

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
    assert merged["dates"] == ("2031-04-02", "2031-04-03")
    assert merged["title"] == "Harbour Council asserts the ceasefire | holds (2 claims)"


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


def test_contested_propositions_have_a_red_border(graph):
    contested = graph.nodes["prop:the ceasefire | holds"]
    calm = graph.nodes["prop:the east bridge | controls | Northern Command"]
    assert contested["contested"] == ("negation",) and calm["contested"] == ()
    assert contested["color"]["border"] == "#d62728" != calm["color"]["border"]
    assert contested["borderWidth"] > calm["borderWidth"]


def test_contradiction_on_a_proposition_without_claims_still_gets_a_node():
    other = Contradiction("k2", "exclusive_value", "the east bridge | controls", (), "x.rq")
    g = build_display_graph(CLAIMS, [other])
    assert g.has_edge("contradiction:k2", "prop:the east bridge | controls")
    assert g.nodes["prop:the east bridge | controls"]["claims"] == ()
    assert "no claims" in g.nodes["prop:the east bridge | controls"]["title"]


def card_claims(graph, node: str, stance: str | None = None) -> list[dict]:
    """The claim records the side card shows for `node`."""
    records = [graph.graph["claims"][c] for c in graph.nodes[node]["claims"]]
    return [r for r in records if stance in (None, r["stance"])]


def test_proposition_card_lists_who_asserts_and_who_denies_with_sentence_date_document(graph):
    node = "prop:the ceasefire | holds"
    asserted, denied = card_claims(graph, node, "asserts"), card_claims(graph, node, "denies")
    assert [(r["source"], r["date"], r["document"]) for r in asserted] == [
        ("Harbour Council", "2031-04-02", "port-report.txt"),
        ("Harbour Council", "2031-04-03", "evening-update.txt")]
    assert asserted[0]["text"] == "The council said the truce was holding overnight."
    assert [(r["source"], r["text"]) for r in denied] == [
        ("Northern Command", "The command said shelling resumed at dawn.")]


def test_source_card_lists_what_it_claims(graph):
    [record] = card_claims(graph, "source:Relief Agency")
    assert record["proposition"] == "the east bridge | controls | Northern Command"
    assert record["stance"] == "asserts" and "east bridge" in record["text"]


def test_contradiction_card_has_explanation_and_both_sides(graph):
    node = graph.nodes["contradiction:k1"]
    assert node["explanation"] == "The council asserts what the command denies."
    assert node["sides"] == (("holds", ("c1", "c2")), ("does not hold", ("c3",)))
    assert node["contradiction_kind"] == "negation" and node["rule"] == "negation.rq"
    assert node["propositions"] == ("the ceasefire | holds",)
    assert set(node["sides"][1][1]) <= set(graph.graph["claims"])


def test_titles_are_plain_text(graph):
    titles = [d["title"] for _, d in graph.nodes(data=True)]
    titles += [d["title"] for _, _, d in graph.edges(data=True)]
    assert not any(re.search(r"<\w", t) for t in titles)


def test_long_sentences_are_cut_visibly():
    g = build_display_graph([claim("m", COUNCIL, Stance.ASSERTS, "word " * 400)], [])
    text = g.graph["claims"]["m"]["text"]
    assert len(text) == 1000 and text.endswith("…")


def test_every_node_has_a_place_and_the_picture_is_the_same_every_time(graph):
    places = {n: (d["x"], d["y"]) for n, d in graph.nodes(data=True)}
    assert all(isinstance(v, int) for xy in places.values() for v in xy)
    assert len(set(places.values())) == len(places)  # no two nodes on one spot
    again = build_display_graph(list(reversed(CLAIMS)), [NEGATION])
    assert {n: (d["x"], d["y"]) for n, d in again.nodes(data=True)} == places


def many_claims(topics: int, disputed_every: int = 5) -> tuple[list[Claim], list[Contradiction]]:
    """Three claims per topic from a pool of 40 sources; every `disputed_every`-th topic denied
    by one of them and marked as a negation."""
    sources = [Source(f"Source {i}", f"Source {i}", "organisation") for i in range(40)]
    claims, contradictions = [], []
    for t in range(topics):
        topic = Proposition(f"Unit {t}", "encircled")
        for k in range(3):
            stance = Stance.DENIES if k == 2 and t % disputed_every == 0 else Stance.ASSERTS
            claims.append(claim(f"t{t}-{k}", sources[(t * 7 + k * 13) % 40], stance,
                                f"Sentence {k} on unit {t}.", topic))
        if t % disputed_every == 0:
            contradictions.append(Contradiction(
                f"n{t}", "negation", topic.label,
                (Side("yes", (f"t{t}-0", f"t{t}-1")), Side("no", (f"t{t}-2",))), "negation.rq"))
    return claims, contradictions


def test_a_large_graph_is_laid_out_in_python_and_shown_without_physics():
    g = build_display_graph(*many_claims(600))
    assert g.number_of_nodes() == 40 + 600 + 120
    places = [(d["x"], d["y"]) for _, d in g.nodes(data=True)]
    assert len(set(places)) == len(places)
    assert g.graph["physics"] is False
    assert g.graph["default_view"] == "contested"


def test_a_small_graph_settles_in_the_browser_and_opens_on_everything_when_undisputed():
    g = build_display_graph(CLAIMS, [])
    assert g.graph["physics"] is True and g.graph["default_view"] == "all"


def test_past_max_nodes_the_least_disputed_propositions_go_and_the_graph_says_so():
    claims, contradictions = many_claims(100)
    g = build_display_graph(claims, contradictions, max_nodes=150)
    assert g.number_of_nodes() <= 150
    kinds = [d["kind"] for _, d in g.nodes(data=True)]
    assert kinds.count("contradiction") == 20  # every disputed proposition stays
    props = [d for _, d in g.nodes(data=True) if d["kind"] == "proposition"]
    assert sum(1 for p in props if p["contested"]) == 20
    omitted = g.graph["omitted"]
    assert omitted["propositions"] == 100 - len(props)
    assert omitted["claims"] == 3 * omitted["propositions"]
    assert f"Left out {omitted['propositions']} propositions" in omitted_text(g)
    assert "150 nodes" in omitted_text(g)
    assert omitted_text(build_display_graph(claims, contradictions)) == ""


def test_focus_on_a_proposition_keeps_its_sources_and_contradictions():
    g = build_display_graph(CLAIMS, [NEGATION], focus="The Ceasefire | holds")
    assert set(g) == {"prop:the ceasefire | holds", "source:Harbour Council",
                      "source:Northern Command", "contradiction:k1"}
    assert g.graph["focus"] == {"text": "The Ceasefire | holds",
                                "matches": ["the ceasefire | holds"]}
    assert g.graph["default_view"] == "all"
    assert set(g.graph["claims"]) == {"c1", "c2", "c3"}


def test_focus_on_a_source_keeps_what_it_claims_and_who_else_claims_it():
    g = build_display_graph(CLAIMS, [NEGATION], focus="northern")  # part of a name
    # "northern" names the command and the bridge proposition (whose object is the command)
    assert {d["label"] for _, d in g.nodes(data=True) if d["kind"] == "source"} == {
        "Harbour Council", "Northern Command", "Relief Agency"}
    exact = build_display_graph(CLAIMS, [NEGATION], focus="relief agency")
    assert set(exact) == {"source:Relief Agency",
                          "prop:the east bridge | controls | Northern Command"}
    assert exact.nodes["source:Relief Agency"]["claims"] == ("c4",)


def test_focus_on_nothing_known_fails_clearly():
    with pytest.raises(FocusNotFound, match="no proposition or source matches 'Atlantis'"):
        build_display_graph(CLAIMS, [NEGATION], focus="Atlantis")


def test_legend_covers_nodes_and_edges():
    labels = {label for label, _, _ in legend_items()}
    assert {"source", "proposition", "contradiction", "asserts", "denies"} <= labels


# --- step 2: the HTML page ----------------------------------------------------------------


@pytest.fixture(scope="module")
def page(graph) -> str:
    return to_html(graph, "Harbour ceasefire")


def page_data(page: str) -> dict:
    """The JSON data block, as the page's script reads it."""
    [block] = re.findall(r'<script id="kg-data" type="application/json">(.*?)</script>', page,
                         re.S)
    return json.loads(block)


def inline_scripts(page: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", page, re.S)


def test_page_loads_nothing_from_the_network(page):
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "<link" not in page and "<script src" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    assert "default-src 'none'" in csp and "unsafe" not in csp


def test_the_policy_allows_exactly_the_pages_own_scripts_and_styles(page):
    csp = re.search(r'content="(default-src[^"]*)"', page).group(1)
    allowed = dict(re.findall(r"(script-src|style-src) ([^;]*)", csp))

    def hashes(blocks):
        return {"'sha256-" + base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() + "'"
                for b in blocks}
    assert set(allowed["script-src"].split()) == hashes(inline_scripts(page))
    assert set(allowed["style-src"].split()) == hashes(re.findall(r"<style>(.*?)</style>",
                                                                  page, re.S))
    assert len(inline_scripts(page)) == 2  # vis-network and the page's script


def test_page_inlines_vis_network(page):
    assert "vis-network" in page and "new vis.Network(" in page
    assert len(page) > 400_000  # the minified library itself, not a link to it


def test_page_holds_the_graph(page, graph):
    data = page_data(page)
    assert {n["label"] for n in data["nodes"]} == {d["label"] for _, d in graph.nodes(data=True)}
    assert len(data["edges"]) == graph.number_of_edges()
    assert not any("label" in e for e in data["edges"])  # edge labels are shown on hover only
    assert set(data["claims"]) == {"c1", "c2", "c3", "c4"}
    assert data["default_view"] == "contested" and data["options"]["physics"]["enabled"]
    node = next(n for n in data["nodes"] if n["id"] == "contradiction:k1")
    assert node["explanation"] == NEGATION.explanation and "x" in node and "y" in node
    assert "<title>Harbour ceasefire</title>" in page


def test_page_legend(page):
    assert page_data(page)["legend"] == [list(item) for item in legend_items()]


def test_json_for_html_escapes_what_could_end_the_block():
    text = json_for_html({"q": "</script><!-- & \u2028"})
    assert not re.search("[<>&\u2028]", text)
    assert json.loads(text) == {"q": "</script><!-- & \u2028"}


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
    assert hostile_page.count("</script") == 3  # only our three script blocks ever close


def test_article_text_survives_as_data(hostile_page):
    data = page_data(hostile_page)
    assert INJECTED.name in {n["label"] for n in data["nodes"]}
    assert data["claims"]["h1"]["text"] == QUOTE


def test_show_puts_the_page_in_a_sandboxed_frame_for_notebooks(graph, page):
    shown = show(graph, "Harbour ceasefire", height=500)._repr_html_()
    srcdoc = re.fullmatch(r'<iframe srcdoc="([^"]*)" sandbox="allow-scripts" [^>]*'
                          r'height: 500px[^>]*></iframe>', shown).group(1)
    assert "<" not in srcdoc and html.unescape(srcdoc) == page


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
    from kgraph.render.graph import camp_color, source_id

    claims = CLAIMS
    names = sorted({c.source.name for c in claims})
    camps = [Camp("camp-1", tuple(names[:1])), Camp("camp-2", tuple(names[1:]))]
    graph = build_display_graph(claims, [], camps)
    assert graph.nodes[source_id(names[0])]["color"] == camp_color(camps[0])
    assert graph.nodes[source_id(names[-1])]["color"] == camp_color(camps[1])
    assert camp_color(camps[0]) != camp_color(camps[1])
    assert ("source in camp-2", camp_color(camps[1]), "dot") in graph.graph["legend"]
    assert ["source in camp-1", camp_color(camps[0]), "dot"] in page_data(to_html(graph))["legend"]
