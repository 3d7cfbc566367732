"""`kgraph serve`: a read-only SPARQL 1.1 Protocol endpoint, talked to by a standard client
(SPARQLWrapper) and, for what must be refused, by plain urllib."""
from __future__ import annotations

import http.client
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph, Literal, URIRef
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from conftest import REPORT, UPDATE, report_claims, update_claims
from kgraph.rdf.mapping import document_quads
from kgraph.reason import reason
from kgraph.serve import Endpoint
from kgraph.serve.protocol import Refused, negotiate
from kgraph.store import open_store

SOURCES = ["Harbour Council", "Ilse Marek", "Lake Monitoring Mission"]
NAMES = ("SELECT ?name WHERE { GRAPH ?g { ?s a kg:Source ; skos:prefLabel ?name } } "
         "ORDER BY ?name")
SOURCE_GRAPH = "CONSTRUCT { ?s a kg:Source } WHERE { GRAPH ?g { ?s a kg:Source } }"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The garrison fixture in an on-disk store, opened read-only and served on a free
    loopback port: the endpoint's base URL."""
    path = tmp_path_factory.mktemp("served") / "store"
    with open_store(path) as store:
        for document, claims in ((REPORT, report_claims()), (UPDATE, update_claims())):
            store.add(document_quads(document, claims))
        reason(store)
    with open_store(path, read_only=True) as store:
        endpoint = Endpoint(store, port=0, timeout=10)
        thread = threading.Thread(target=endpoint.serve_forever, args=(0.05,), daemon=True)
        thread.start()
        yield endpoint.url
        endpoint.shutdown()
        endpoint.server_close()


@pytest.mark.server
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select_as_json_and_xml(served, method):
    client = SPARQLWrapper(served + "sparql")
    client.setMethod(method)
    client.setQuery(NAMES)
    client.setReturnFormat(JSON)
    data = client.query().convert()
    assert [b["name"]["value"] for b in data["results"]["bindings"]] == SOURCES
    client.setReturnFormat(XML)
    document = client.query().convert()  # a DOM of the XML results format
    assert [n.firstChild.data for n in document.getElementsByTagName("literal")] == SOURCES


@pytest.mark.server
def test_select_as_csv_and_tsv_and_ask(served):
    client = SPARQLWrapper(served + "sparql")
    client.setQuery(NAMES)
    client.setReturnFormat(CSV)
    assert client.query().convert().decode().split("\r\n")[:2] == ["name", "Harbour Council"]
    client.setReturnFormat(TSV)
    assert client.query().convert().decode().splitlines()[:2] == ["?name", '"Harbour Council"']
    client.setQuery("ASK { GRAPH ?g { ?c kg:stance kg:Denies } }")
    client.setReturnFormat(JSON)
    assert client.query().convert() == {"head": {}, "boolean": True}


@pytest.mark.server
@pytest.mark.parametrize("fmt", [TURTLE, RDFXML, JSONLD, N3])
def test_construct_in_rdf_formats(served, fmt):
    client = SPARQLWrapper(served + "sparql")
    client.setQuery(SOURCE_GRAPH)
    client.setReturnFormat(fmt)
    graph = client.queryAndConvert()
    if not isinstance(graph, Graph):  # SPARQLWrapper hands some formats back as bytes
        graph = Graph().parse(data=graph, format={TURTLE: "turtle", N3: "n3"}[fmt])
    assert len(graph) == 3
    assert (URIRef("https://w3id.org/kgraph/id/source/ilse-marek"), None, None) in graph


def request(url: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers or {}),
                                    timeout=30) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def form(**fields) -> bytes:
    return urllib.parse.urlencode(fields).encode()


@pytest.mark.server
@pytest.mark.parametrize("data, headers, status, message", [
    (form(update="DROP ALL"), {}, 403, "read-only"),
    (b"CLEAR ALL", {"Content-Type": "application/sparql-update"}, 403, "read-only"),
    (form(query="LOAD <http://example.org/data.ttl>"), {}, 403, "read-only"),
    (form(query="INSERT DATA { <http://x/a> <http://x/b> 'c' }"), {}, 403, "read-only"),
    (form(query="SELECT nonsense"), {}, 400, "syntax error"),
    (form(query=NAMES), {"Accept": "image/png"}, 406, "cannot answer a SELECT query"),
    (form(query=SOURCE_GRAPH, format="csv"), {}, 406, "does not fit a GRAPH answer"),
    (b"SELECT", {"Content-Type": "text/plain"}, 415, "application/sparql-query"),
])
def test_what_is_refused(served, data, headers, status, message):
    code, text = request(served + "sparql", data, headers)
    assert code == status and message in text and len(text.strip().splitlines()) == 1
    code, text = request(served + "sparql", form(query="ASK { GRAPH ?g { ?s ?p ?o } }"),
                         {"Accept": "application/sparql-results+json"})
    assert (code, json.loads(text)["boolean"]) == (200, True)  # the store is as it was


@pytest.mark.server
@pytest.mark.parametrize("store_spec", ["memory", "disk"])
def test_service_is_refused_and_never_called(tmp_path, recorder, store_spec):
    base, hits = recorder
    url = f"{base}/sparql"
    spec = "memory" if store_spec == "memory" else str(tmp_path / "store")
    with open_store(spec) as store:  # rdflib's memory store would make the call itself
        endpoint = Endpoint(store, port=0)
        threading.Thread(target=endpoint.serve_forever, args=(0.05,), daemon=True).start()
        try:
            for query in (f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
                          f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}"):
                code, text = request(endpoint.url + "sparql", form(query=query))
                assert code == 403 and "SERVICE is refused" in text
            code, _ = request(endpoint.url + "sparql",  # the word in a string is no call
                              form(query="SELECT * WHERE { BIND ('SERVICE' AS ?x) }"))
            assert code == 200
        finally:
            endpoint.shutdown()
            endpoint.server_close()
    assert hits == []


@pytest.mark.server
def test_a_query_past_the_time_limit_gets_503(tmp_path):
    p = URIRef("http://example.org/p")
    with open_store(tmp_path / "store") as store:
        store.add([(URIRef(f"http://example.org/{i}"), p, Literal(i), URIRef("http://example.org/g"))
                   for i in range(1500)])
        endpoint = Endpoint(store, port=0, timeout=0.2)
        threading.Thread(target=endpoint.serve_forever, args=(0.05,), daemon=True).start()
        # two million pairs: a few seconds of work, which goes on in the background
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d FILTER (STR(?b) < STR(?d)) }"
        started = time.monotonic()
        code, text = request(endpoint.url + "sparql", form(query=slow))
        assert code == 503 and "time limit of 0.2 s" in text
        assert time.monotonic() - started < 5
        endpoint.shutdown()
        endpoint.server_close()


@pytest.mark.server
def test_pages(served):
    code, page = request(served)
    assert code == 200 and "Ilse Marek" in page and "<script" in page
    code, page = request(served + "sparql")
    assert code == 200 and "<form" in page and "Claims by source" in page
    assert "http" not in page.split("<h2>")[0].replace('action="/sparql"', "")  # no CDN
    assert request(served + "elsewhere")[0] == 404


@pytest.mark.server
def test_named_query_links_bind_their_camps(served):
    page = request(served + "sparql")[1]
    assert 'href="/sparql?name=camps&amp;format=csv"' in page
    code, text = request(served + "sparql?name=camps&format=csv")
    rows = [line.split(",") for line in text.strip().splitlines()[1:]]
    assert code == 200 and rows and all(row[0].startswith("camp-") for row in rows)
    code, text = request(served + "sparql?name=Camps")
    assert code == 400 and "no named query 'Camps'" in text


@pytest.mark.server
@pytest.mark.parametrize("length", ["-1", "many"])
def test_a_bad_content_length_is_refused(served, length):
    host, port = urllib.parse.urlsplit(served).netloc.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.putrequest("POST", "/sparql")
    connection.putheader("Content-Type", "application/sparql-query")
    connection.putheader("Content-Length", length)
    connection.endheaders()
    answer = connection.getresponse()
    assert answer.status == 400 and "Content-Length" in answer.read().decode()


@pytest.mark.parametrize("accept, form, expected", [
    ("application/sparql-results+json", "select", "json"),
    ("text/csv;q=0.5, application/sparql-results+xml", "select", "xml"),
    ("*/*", "ask", "json"),
    (None, "graph", "turtle"),
    ("application/ld+json, text/turtle;q=0.9", "graph", "json-ld"),
    ("application/xml", "graph", "xml"),
    ("text/turtle;q=0, text/plain", "graph", "nt"),
])
def test_content_negotiation(accept, form, expected):
    assert negotiate(form, accept).format == expected
    with pytest.raises(Refused):
        negotiate(form, "image/png")


@pytest.mark.server
def test_serve_command_holds_the_store_read_only(tmp_path):
    path = tmp_path / "store"
    with open_store(path) as store:
        store.add(document_quads(REPORT, report_claims()))
    server = subprocess.Popen([sys.executable, "-m", "kgraph.cli", "serve", "--store", str(path),
                               "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        url = line.split(" at ", 1)[1].split()[0]
        client = SPARQLWrapper(url + "sparql")
        client.setQuery(NAMES)
        client.setReturnFormat(JSON)
        names = [b["name"]["value"] for b in client.query().convert()["results"]["bindings"]]
        assert names == ["Harbour Council", "Ilse Marek"]
        writer = subprocess.run([sys.executable, "-m", "kgraph.cli", "reason", "--store",
                                 str(path)], capture_output=True, text=True)
        assert writer.returncode == 2 and "store is in use" in writer.stderr
    finally:
        server.terminate()
        server.wait(timeout=10)
