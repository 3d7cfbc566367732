"""Queries for people: the named queries, values bound as RDF terms, Python values and
DataFrames, and the `kgraph query` command."""
from __future__ import annotations

import csv
import datetime
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from rdflib.plugins.sparql.results.jsonresults import JSONResultParser

from conftest import GARRISON, REPORT, UPDATE, claim, report_claims, update_claims
from kgraph.cli import main
from kgraph.models import Document, Source, Stance
from kgraph.query import dataframe, named_queries, run_query
from kgraph.query.bind import as_term
from kgraph.rdf.mapping import document_quads
from kgraph.reason import reason
from kgraph.store import QueryError, open_store

BACKENDS = ["memory", "oxigraph", pytest.param("remote", marks=pytest.mark.server)]


def fill(store) -> None:
    for document, claims in ((REPORT, report_claims()), (UPDATE, update_claims())):
        store.add(document_quads(document, claims))
    reason(store)


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    spec = {"memory": "memory", "oxigraph": str(tmp_path / "store")}.get(request.param)
    with open_store(spec or request.getfixturevalue("remote_url")) as db:
        fill(db)
        yield db


@pytest.fixture
def disk_store(tmp_path) -> str:
    path = str(tmp_path / "store")
    with open_store(path) as db:
        fill(db)
    return path


def column(rows, name):
    return [row[name] for row in rows]


def test_every_named_query_is_described_and_runs_alike_on_every_backend(store):
    with open_store("memory") as reference:
        fill(reference)
        for query in named_queries():
            assert query.title and len(query.description) > 30, query.name
            assert all(p.description for p in query.parameters), query.name
            expected, found = run_query(reference, query.name), run_query(store, query.name)
            assert found, query.name  # the fixture has something for every query
            assert normalised(found) == normalised(expected), query.name


def normalised(rows):
    """Rows as a sorted list, GROUP_CONCAT lists (in no set order) sorted within."""
    def cell(value):
        return ", ".join(sorted(value.split(", "))) if isinstance(value, str) else value
    return sorted(tuple((k, cell(v)) for k, v in row.items()) for row in rows)


def test_claims_by_source_and_about_a_proposition(store):
    rows = run_query(store, "claims-by-source", source="Ilse Marek")
    assert column(rows, "claim") == ["c-marek", "c-land"]  # by date
    assert rows[0]["date"] == datetime.date(2025, 3, 13) and rows[0]["hedged"] is False
    rows = run_query(store, "claims-about", proposition=GARRISON.label)
    assert sorted(zip(column(rows, "stance"), column(rows, "source"))) == [
        ("asserts", "Ilse Marek"), ("asserts", "Lake Monitoring Mission"),
        ("denies", "Harbour Council")]
    rows = run_query(store, "claims-by-source", source=["Ilse Marek", "Harbour Council"])
    assert set(column(rows, "claim")) == {"c-marek", "c-land", "c-council"}


def test_contradictions_disputes_and_camps(store):
    (negation,) = run_query(store, "contradictions-by-kind", kind="negation")
    assert negation["proposition"] == GARRISON.label
    assert (negation["claims"], negation["sources"]) == (3, 3)
    assert "Harbour Council denies it" in negation["explanation"]
    assert run_query(store, "contradictions-by-kind", kind="numeric") == []
    (top,) = run_query(store, "most-disputed")
    assert top == {"proposition": GARRISON.label, "sources": 3, "claims": 3,
                   "contradictions": 1, "positions": top["positions"]}
    camps = {row["source"]: row["camp"] for row in run_query(store, "camps")}
    assert camps["Ilse Marek"] == camps["Lake Monitoring Mission"] != camps["Harbour Council"]
    sides = {row["position"]: row for row in run_query(store, "camp-disputes")}
    assert sides["not encircled"]["camps"] == camps["Harbour Council"]
    assert sides["encircled"]["camps"] == camps["Ilse Marek"]
    assert run_query(store, "camps", camp=camps["Harbour Council"]) == [
        {"camp": camps["Harbour Council"], "source": "Harbour Council", "claims": 1}]


def test_timeline_and_uncontested(store):
    rows = run_query(store, "source-timeline", source="Lake Monitoring Mission")
    assert len(rows) == 3 and all(r["date"] == datetime.date(2025, 3, 16) for r in rows)
    assert rows[0]["holds_from"] is None  # unbound: None
    uncontested = set(column(run_query(store, "uncontested"), "claim"))
    # the garrison's claims are in a contradiction; a mission revising itself is not one
    assert uncontested == {"c-land", "c-violated", "c-not-violated"}
    assert column(run_query(store, "uncontested", source="Ilse Marek"), "claim") == ["c-land"]


TRICKY = 'The "Dam" {Board} of\nVarna \\ and \'co\'"'


def test_values_are_bound_as_terms_not_pasted(store):
    board = Source(TRICKY, TRICKY, "organisation")
    text = "The board said the garrison was encircled."
    document = Document(id="d-board", name="board.txt", text=text, date="2025-03-15")
    store.add(document_quads(document, [claim("c-board", document, "The board", board,
                                              Stance.ASSERTS, GARRISON)]))
    assert column(run_query(store, "claims-by-source", source=TRICKY), "claim") == ["c-board"]
    assert run_query(store, "claims-by-source", source=TRICKY.replace("\n", " ")) == []
    size = len(store)
    hostile = '" } } DROP ALL ; SELECT * WHERE { ?s ?p ?o } #'
    assert run_query(store, "claims-by-source", source=hostile) == []
    assert len(store) == size


def test_parameters_are_checked():
    with open_store("memory") as store:
        with pytest.raises(QueryError, match="claims-by-source takes source; not who"):
            run_query(store, "claims-by-source", who="x")
        with pytest.raises(QueryError, match="no named query 'nothing-here'"):
            run_query(store, "nothing-here")
        with pytest.raises(QueryError, match="no '#PARAM [?]x' line"):
            run_query(store, "SELECT * WHERE { ?s ?p ?o }", x=1)
    with pytest.raises(QueryError, match="not a date"):
        as_term("2025-13-01", "date")
    with pytest.raises(QueryError, match="not an IRI"):
        as_term("http://example.org/a> } <b", "iri")
    assert as_term("7", "integer").toPython() == 7
    assert as_term(datetime.date(2025, 3, 1)).n3().endswith("#date>")


def test_python_values_and_dataframes(store):
    rows = run_query(store, "SELECT ?n ?d ?b ?x ?none WHERE { BIND (2 AS ?n) BIND (2.5 AS ?d) "
                            "BIND (true AS ?b) BIND (kg:Claim AS ?x) }")
    assert rows == [{"n": 2, "d": 2.5, "b": True, "x": "https://w3id.org/kgraph/ontology#Claim",
                     "none": None}]
    frame = dataframe(store, "contradictions-by-kind")
    assert list(frame.columns) == ["kind", "proposition", "claims", "sources", "explanation",
                                   "contradiction"]
    assert str(frame["claims"].dtype) == "int64"
    frame = dataframe(store, "source-timeline", source="Ilse Marek")
    assert frame["holds_from"].tolist() == [None, None]
    assert isinstance(frame["date"][0], datetime.date)
    assert run_query(store, "ASK { GRAPH ?g { ?c a kg:Claim } }") == [{"boolean": True}]
    triples = run_query(store, "CONSTRUCT { ?s a kg:Source } WHERE { GRAPH ?g { ?s a kg:Source } }")
    assert len(triples) == 3 and set(triples[0]) == {"subject", "predicate", "object"}


def test_importing_kgraph_query_needs_no_pandas():
    code = "import sys, kgraph.query, kgraph.cli; print('pandas' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


# --- the command ------------------------------------------------------------------------------

def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output
    return result.output


def test_query_command_speaks_the_w3c_formats(disk_store, tmp_path):
    sparql = ("SELECT ?name ?n ?nothing WHERE { GRAPH ?g { ?s a kg:Source ; skos:prefLabel ?name"
              " } OPTIONAL { ?s kg:nope ?nothing } BIND (STRLEN(?name) AS ?n) } ORDER BY ?name")
    data = json.loads(run("query", "--store", disk_store, sparql, "--format", "json"))
    assert data["head"]["vars"] == ["name", "n", "nothing"]
    assert data["results"]["bindings"][0] == {
        "name": {"type": "literal", "value": "Harbour Council"},
        "n": {"type": "literal", "value": "15",
              "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}
    parsed = JSONResultParser().parse(io.StringIO(json.dumps(data)))  # rdflib reads it back
    assert [str(row["name"]) for row in parsed] == ["Harbour Council", "Ilse Marek",
                                                    "Lake Monitoring Mission"]
    rows = list(csv.reader(io.StringIO(run("query", "--store", disk_store, sparql,
                                           "--format", "csv"))))
    assert rows[0] == ["name", "n", "nothing"] and rows[1] == ["Harbour Council", "15", ""]
    tsv = run("query", "--store", disk_store, sparql, "--format", "tsv").splitlines()
    assert tsv[0] == "?name\t?n\t?nothing"
    assert tsv[1] == '"Harbour Council"\t"15"^^<http://www.w3.org/2001/XMLSchema#integer>\t'
    (tmp_path / "q.rq").write_text("ASK { GRAPH ?g { ?c kg:stance kg:Denies } }")
    assert json.loads(run("query", "--store", disk_store, f"@{tmp_path / 'q.rq'}",
                          "--format", "json")) == {"head": {}, "boolean": True}
    turtle = run("query", "--store", disk_store,
                 "CONSTRUCT { ?s a kg:Source } WHERE { GRAPH ?g { ?s a kg:Source } }")
    assert "kgr:source/ilse-marek" in turtle or "source/ilse-marek>" in turtle


def test_query_command_runs_named_queries(disk_store):
    listing = run("query", "--list")
    for query in named_queries():
        assert f"{query.name}: {query.title}" in listing
    out = run("query", "--store", disk_store, "--name", "claims-by-source",
              "--param", "source=Ilse Marek", "--format", "csv")
    assert [row["claim"] for row in csv.DictReader(io.StringIO(out))] == ["c-marek", "c-land"]
    table = run("query", "--store", disk_store, "-n", "most-disputed")
    assert table.splitlines()[0].split() == ["proposition", "sources", "claims",
                                             "contradictions", "positions"]


@pytest.mark.parametrize("args, message", [
    (["SELECT ?x WHERE { ?x ?y }"], "SPARQL syntax error: error at 1:"),
    (["-n", "nope"], "no named query 'nope'"),
    (["-n", "Camps"], "no named query 'Camps'"),
    (["-n", "SELECT * WHERE {}"], "no named query 'SELECT * WHERE {}'"),
    (["-n", "camps", "-p", "camp"], "--param takes NAME=VALUE, not 'camp'"),
    (["@missing.rq"], "missing.rq: No such file or directory"),
    (["ASK {}", "--store", "no-such-store"], "no-such-store: no kgraph store here"),
])
def test_query_errors_are_one_line(disk_store, args, message):
    result = CliRunner().invoke(main, ["query", "--store", disk_store] + args)
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert line.startswith("kgraph: ") and message in line


def test_the_docs_page_lists_every_named_query():
    from pathlib import Path

    from kgraph.query.docs import update_page

    page = (Path(__file__).resolve().parents[1] / "docs" / "queries.md").read_text()
    for query in named_queries():
        assert f"`{query.name}`" in page and query.title in page
        assert all(f"`{p.name}`" in page for p in query.parameters)
    assert update_page(page) == page, \
        "docs/queries.md is out of date: python -m kgraph.query.docs docs/queries.md"
