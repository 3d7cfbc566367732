"""The commands that work on a kept store: ingest, reason, claims, contradictions, export,
render; and how the CLI fails."""
from __future__ import annotations

import csv
import io
import json
import re
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset

from kgraph.cli import main
from kgraph.rdf.vocab import SCHEMA

ROOT = Path(__file__).resolve().parents[1]
KURSK = str(ROOT / "examples" / "kursk")


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("s") / "graph.db")
    run("ingest", KURSK, "--store", path)
    run("reason", "--store", path)
    return path


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for name, command in main.commands.items():
        assert command.help and len(command.help) > 40, name
        assert f"kgraph {name}" in readme, name
        assert "--help" not in run(name, "--help").splitlines()[0]


def contradiction_count(store: str) -> int:
    return len(json.loads(run("contradictions", "--store", store, "--format", "json"))
               ["contradictions"])


@pytest.mark.model
def test_ingest_twice_changes_nothing(store):
    before = run("export", "--store", store, "--format", "nquads")
    found = contradiction_count(store)
    assert found > 0
    assert "new: 0, claims added: 0" in run("ingest", KURSK, "--store", store)
    assert run("export", "--store", store, "--format", "nquads").count("\n") == before.count("\n")
    assert contradiction_count(store) == found
    run("reason", "--store", store)
    assert run("export", "--store", store, "--format", "nquads").count("\n") == before.count("\n")
    assert contradiction_count(store) == found


@pytest.mark.model
@pytest.mark.server
def test_a_sparql_server_as_store_gives_what_a_folder_gives(store, oxigraph_server, remote_url):
    """The README's commands for an Oxigraph server, with the update URL spelled out."""
    run("ingest", KURSK, "--store", remote_url, "--update-url", f"{oxigraph_server}/update")
    run("reason", "--store", remote_url)
    for command in ("claims", "contradictions", "camps"):
        assert (run(command, "--store", remote_url, "--format", "json")
                == run(command, "--store", store, "--format", "json")), command
    assert contradiction_count(remote_url) > 0


def test_an_unreachable_server_is_one_line():
    with socket.socket() as free:  # a port nothing listens on
        free.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{free.getsockname()[1]}/query"
    result = CliRunner().invoke(main, ["claims", "--store", url])
    assert result.exit_code == 2
    assert result.output == f"kgraph: {url}: connection refused (is the SPARQL server running?)\n"


@pytest.mark.model
def test_claims_in_three_formats(store):
    as_json = json.loads(run("claims", "--store", store, "--format", "json"))["claims"]
    rows = list(csv.DictReader(io.StringIO(run("claims", "--store", store, "--format", "csv"))))
    assert len(as_json) == len(rows) > 10
    assert {"source", "stance", "hedged", "proposition", "date", "text", "start", "end"} <= set(rows[0])
    assert all(isinstance(c["relayed_by"], list) for c in as_json)
    table = run("claims", "--store", store)
    assert "Donald Trump" in table and "asserts" in table


@pytest.mark.model
def test_contradictions_list_both_sides(store):
    rows = list(csv.DictReader(io.StringIO(
        run("contradictions", "--store", store, "--format", "csv"))))
    encircled = {(r["position"], r["source"]) for r in rows
                 if r["proposition"] == "Ukrainian forces | encircled"}
    assert ("encircled", "Vladimir Putin") in encircled
    assert ("not encircled", "Volodymyr Zelensky") in encircled
    kinds = {x["kind"] for x in json.loads(
        run("contradictions", "--store", store, "--format", "json"))["contradictions"]}
    assert {"negation", "numeric"} <= kinds


@pytest.mark.model
def test_export_keeps_the_text_every_claims_offsets_point_into(store):
    data = Dataset()
    data.parse(data=run("export", "--store", store, "--format", "trig"), format="trig")
    text = {s: str(o) for s, _, o, _ in data.quads((None, SCHEMA.text, None, None))}
    name = {str(o): text[s] for s, _, o, _ in data.quads((None, SCHEMA.name, None, None))}
    claims = json.loads(run("claims", "--store", store, "--format", "json"))["claims"]
    assert claims
    for claim in claims:
        assert name[claim["document"]][claim["start"]:claim["end"]].strip() == claim["text"]


@pytest.mark.model
def test_render_writes_a_page(store, tmp_path):
    assert "Graph written to" in run("render", "--store", store, "-o", str(tmp_path / "g.html"))
    assert (tmp_path / "g.html").read_text().count("Donald Trump") >= 1


def test_a_failed_build_leaves_earlier_output_alone(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "claims.json").write_text('{"claims": ["kept"]}')
    output = run("build", str(tmp_path / "missing.txt"), "--out", str(out), code=1)
    assert "no such file" in output and "nothing was written" in output
    assert (out / "claims.json").read_text() == '{"claims": ["kept"]}'


def test_a_folder_of_other_files_is_not_made_a_store(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    output = run("ingest", str(folder / "notes.txt"), "--store", str(folder), code=2)
    assert "not a kgraph store" in output
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_reading_commands_do_not_create_a_store(tmp_path):
    missing = tmp_path / "typo.db"
    for command in ("reason", "claims", "contradictions", "camps", "export", "render"):
        assert "no kgraph store here" in run(command, "--store", str(missing), code=2)
    assert not missing.exists()


@pytest.mark.model
def test_camps_put_the_two_sides_of_the_encirclement_apart(store):
    data = json.loads(run("camps", "--store", store, "--format", "json"))
    camp_of = {s: c["id"] for c in data["camps"] for s in c["sources"]}
    assert camp_of["Donald Trump"] == camp_of["Vladimir Putin"]
    assert camp_of["Volodymyr Zelensky"] == camp_of["Ukrainian General Staff"]
    assert camp_of["Donald Trump"] != camp_of["Volodymyr Zelensky"]
    assert any(d["kind"] == "negation" for d in data["disputes"])
    assert "camp-1" in run("camps", "--store", store)


@pytest.mark.model
def test_render_focus_narrows_the_page_and_says_so(store, tmp_path):
    page = tmp_path / "focus.html"
    run("render", "--store", store, "--focus", "Marta Kovalenko", "-o", str(page))
    text = page.read_text()
    assert "Marta Kovalenko" in text and "Donald Trump" not in text
    assert "no proposition or source matches 'Atlantis'" in run(
        "render", "--store", store, "--focus", "Atlantis", "-o", str(page), code=2)


@pytest.mark.model
def test_render_says_what_max_nodes_left_out(store, tmp_path):
    output = run("render", "--store", store, "--max-nodes", "10", "-o", str(tmp_path / "g.html"))
    assert re.search(r"Left out \d+ propositions", output)
