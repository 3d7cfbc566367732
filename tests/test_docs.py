"""The README's commands and Python example run as written (habit 8)."""
from __future__ import annotations

import os
import re
import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_gives_the_two_setup_commands():
    assert "make demo" in README and "make test" in README
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


@pytest.mark.model
def test_readme_python_example_runs(tmp_path, capsys):
    [code] = re.findall(r"```python\n(.*?)```", README, re.S)
    assert len(code.strip().splitlines()) <= 12  # "the Python API in ten lines"
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    script = tmp_path / "readme_example.py"
    script.write_text(code)
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        runpy.run_path(str(script))
    finally:
        os.chdir(cwd)
    printed = capsys.readouterr().out
    assert re.search(r"\d+ claims, [1-9]\d* contradictions", printed)
    assert (tmp_path / "out" / "kursk" / "graph.html").is_file()


def commands(group, prefix: str = "kgraph") -> list[tuple[str, object]]:
    """Every command under the click group, sub-groups walked, as ("kgraph name", command)."""
    import click

    found = []
    for name, command in sorted(group.commands.items()):
        found.append((f"{prefix} {name}", command))
        if isinstance(command, click.Group):
            found += commands(command, f"{prefix} {name}")
    return found


def test_every_command_teaches_and_is_in_the_readme():
    from click.testing import CliRunner

    from kgraph.cli import main

    found = commands(main)
    assert {"kgraph build", "kgraph ingest", "kgraph claims"} <= {name for name, _ in found}
    for name, command in found:
        help_text = CliRunner().invoke(main, name.split()[1:] + ["--help"]).output
        assert (command.help or "").strip(), f"{name} has no help text"
        assert "Example" in help_text, f"{name} --help gives no example"
        assert re.search(rf"`?{re.escape(name)}\b", README), f"{name} is not in README.md"


# docs/: each page is checked against what it describes.

DOCS = ROOT / "docs"


def fenced(text: str, info: str) -> list[str]:
    """The bodies of the fenced blocks of `text` whose info string is `info`."""
    return re.findall(rf"^```{info}\n(.*?)^```", text, re.S | re.M)


def table(text: str, heading: str) -> list[str]:
    """The lines of the first Markdown table that starts at or after `heading`."""
    lines = text[text.index(heading):].splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("|"))
    rows = []
    for line in lines[first:]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def test_readme_links_to_pages_that_exist():
    links = re.findall(r"\]\((docs/[^)#]+)", README)
    assert {"docs/ontology.md", "docs/formats.md", "docs/contradictions.md"} <= set(links)
    for link in links:
        assert (ROOT / link).is_file(), link


def test_ontology_page_has_the_term_table_of_the_ontology():
    from rdflib import Graph
    from rdflib.term import URIRef

    from kgraph.rdf.vocab import KG

    page = (DOCS / "ontology.md").read_text(encoding="utf-8")
    source = (ROOT / "ontology" / "README.md").read_text(encoding="utf-8")
    terms = table(page, "## Terms")
    assert terms == table(source, "## Terms")  # the same table as ontology/README.md
    listed = {t for row in terms for t in re.findall(r"`kg:(\w+)`", row.split("|")[1])}
    ontology = Graph().parse(ROOT / "ontology" / "kgraph.ttl")
    declared = {str(s)[len(str(KG._NS)):] for s in ontology.subjects()
                if isinstance(s, URIRef) and str(s).startswith(str(KG._NS))}
    assert declared - {""} == listed


def test_ontology_page_queries_run(memory_store):
    from kgraph.reason import reason

    page = (DOCS / "ontology.md").read_text(encoding="utf-8")
    denies, by_kind = fenced(page, "sparql")
    reason(memory_store)
    rows = memory_store.select(denies)
    assert {(str(r["source"]), str(r["proposition"])) for r in rows} >= {
        ("Harbour Council", "Varna garrison | encircled")}
    assert memory_store.select(by_kind.replace("kg:NumericConflict", "kg:Negation"))


def test_formats_page_shows_every_field(corpus):
    import json

    from rdflib import Dataset

    from kgraph.formats import camps_json, claim_json, contradiction_json
    from kgraph.models import Camp, Contradiction, Dispute, Side

    page = (DOCS / "formats.md").read_text(encoding="utf-8")
    claims_doc, contradictions_doc, camps_doc = map(json.loads, fenced(page, "json"))
    claim = next(c for _, claims in corpus for c in claims if c.quantity)
    x = Contradiction("x-1", "negation", "p", (Side("p", ("c-1",)), Side("not p", ("c-2",))),
                      "negation", "why")
    real = {"claims": claim_json(claim), "contradictions": contradiction_json(x)}
    for key, documented in (("claims", claims_doc), ("contradictions", contradictions_doc)):
        [example] = documented[key]
        assert list(example) == list(real[key]), key  # the same fields, in the same order
        fields = table(page, f"## {key}.json")
        assert {f.strip("` ") for row in fields[2:] for f in row.split("|")[1].split(",")} \
            == set(real[key]), key
    camps = camps_json([Camp("camp-1", ("a",))], [Dispute("x-1", "p", "negation", (("camp-1",),))])
    assert set(camps_doc) == set(camps)
    assert set(camps_doc["camps"][0]) == set(camps["camps"][0])
    assert set(camps_doc["disputes"][0]) == set(camps["disputes"][0])
    [trig] = fenced(page, "trig")
    assert len(Dataset().parse(data=trig, format="trig")) > 10


def test_contradictions_page_intervals_are_what_kgraph_reads():
    from kgraph.quantities import parse_quantity

    page = (DOCS / "contradictions.md").read_text(encoding="utf-8")
    rows = table(page, "| wording | interval |")[2:]
    assert len(rows) >= 10
    for row in rows:
        wording, interval = (cell.strip() for cell in row.strip("|").split("|"))
        quantity = parse_quantity(wording)
        match = re.fullmatch(r"(\d+) (?:to (\d+) )?(\w+)( and up)?", interval)
        low, high = float(match[1]), match[2] and float(match[2])
        assert (quantity.low, quantity.unit) == (low, match[3]), wording
        expected_high = float("inf") if match[4] else high if high is not None else low
        assert quantity.high == expected_high, wording


def page_examples() -> list[tuple[str, str]]:
    page = (DOCS / "contradictions.md").read_text(encoding="utf-8")
    return re.findall(r"<!-- example: (\w+) -->\n```text\n(.*?)```", page, re.S)


def test_contradictions_page_has_examples_of_every_kind():
    kinds = [kind for kind, _ in page_examples()]
    assert {"negation", "numeric", "exclusive_value", "none"} <= set(kinds)
    assert kinds.count("none") >= 4


@pytest.mark.model
@pytest.mark.parametrize("kind, articles", page_examples(),
                         ids=[f"{k}-{i}" for i, (k, _) in enumerate(page_examples())])
def test_contradictions_page_example(kind, articles, tmp_path):
    from kgraph.pipeline import build

    for i, article in enumerate(articles.split("\n---\n")):
        # the page wraps long sentences; an article's paragraph is one line
        head, _, body = article.strip().partition("\n")
        (tmp_path / f"{i}.txt").write_text(f"{head}\n\n{' '.join(body.split())}\n")
    report = build([tmp_path], tmp_path / "out")
    assert len(report.claims) >= 2
    assert [x.kind for x in report.contradictions] == ([] if kind == "none" else [kind])
