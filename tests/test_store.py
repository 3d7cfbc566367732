"""One contract for every store backend (Habit 6): the same tests run on each."""
from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest
from rdflib import BNode, Dataset, Literal, URIRef

from kgraph.rdf.vocab import ID, INFERRED_GRAPH, KG, LEXICON_GRAPH, PENDING_GRAPH
from kgraph.store import StoreError, open_store
from kgraph.store.remote import (RESULTS_JSON, RemoteStore, derived_update_url,
                                 reads_default_graph)

EX = "http://example.org/"
G1, G2 = URIRef(EX + "g1"), URIRef(EX + "g2")
S, P, O = URIRef(EX + "s"), URIRef(EX + "p"), URIRef(EX + "o")
QUADS = [
    (S, P, O, G1),
    (S, P, Literal("plain"), G1),
    (S, P, Literal("Grenze", lang="de"), G1),
    (S, P, Literal(7), G1),
    (S, P, Literal(2.5), G2),
    (S, P, Literal(True), G2),
    (S, P, Literal("2025-03-14", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")), G2),
]


BACKENDS = ["memory", "oxigraph", pytest.param("remote", marks=pytest.mark.server)]


@pytest.fixture(params=BACKENDS)
def spec(request, tmp_path) -> str:
    if request.param == "remote":  # the server starts only when a remote test runs
        return request.getfixturevalue("remote_url")
    return "memory" if request.param == "memory" else str(tmp_path / "store")


@pytest.fixture
def store(spec):
    with open_store(spec) as store:
        yield store


def test_add_and_read_back(store):
    assert len(store) == 0 and not store.has_graph(G1)
    store.add(iter(QUADS))
    assert set(store.quads()) == set(QUADS)  # terms come back exactly as they went in
    assert len(store) == len(QUADS)
    assert store.has_graph(G1) and store.has_graph(G2)
    assert not store.has_graph(URIRef(EX + "nothing"))
    store.add(QUADS)  # adding again changes nothing
    assert len(store) == len(QUADS)


def test_add_is_all_or_nothing(store):
    def failing():
        yield QUADS[0]
        yield QUADS[1]
        raise RuntimeError("the reader broke")

    with pytest.raises(RuntimeError):
        store.add(failing())
    assert len(store) == 0 and not store.has_graph(G1)


def test_update_graph_takes_out_and_puts_in(store):
    store.add([(S, P, O, G1), (O, P, S, G1), (S, P, O, G2)])
    store.update_graph(G1, remove=[(O, P, S)], add=[(S, P, S)])
    assert {q for q in store.quads() if q[3] == G1} == {(S, P, O, G1), (S, P, S, G1)}
    assert {q for q in store.quads() if q[3] == G2} == {(S, P, O, G2)}


def test_replace_graph(store):
    store.add(QUADS)
    store.replace_graph(G1, [(O, P, S)])
    assert {q for q in store.quads() if q[3] == G1} == {(O, P, S, G1)}
    assert {q for q in store.quads() if q[3] == G2} == {q for q in QUADS if q[3] == G2}

    def failing():
        yield (S, P, S)
        raise RuntimeError("the reasoner broke")

    with pytest.raises(RuntimeError):
        store.replace_graph(G1, failing())
    assert {q for q in store.quads() if q[3] == G1} == {(O, P, S, G1)}
    store.replace_graph(G1, [])
    assert not store.has_graph(G1)


def test_select_sees_the_union_of_graphs(store):
    store.add(QUADS)
    rows = store.select(f"SELECT ?o WHERE {{ <{S}> <{P}> ?o }} ORDER BY ?o")
    assert {row["o"] for row in rows} == {q[2] for q in QUADS}
    rows = store.select(f"SELECT ?g WHERE {{ GRAPH ?g {{ <{S}> <{P}> <{O}> }} }}")
    assert rows == [{"g": G1}]
    # the standard prefixes come for free; an unbound variable is left out of its row
    rows = store.select("SELECT ?x ?missing WHERE { GRAPH ?g { ?x ?p 7 } OPTIONAL { ?x kg:nope ?missing } }")
    assert rows == [{"x": S}]



def test_union_default_graph_is_a_set(store, request):
    if "oxigraph" in request.node.name or "remote" in request.node.name:
        request.applymarker(pytest.mark.xfail(strict=True, reason=(
            "Oxigraph 0.5 (pyoxigraph and the server alike) yields a triple once per named "
            "graph holding it in the union default graph (oxigraph/oxigraph#1919, fixed "
            "upstream by #1920)")))
    store.add([(S, P, O, G1), (S, P, O, G2)])
    assert store.select(f"SELECT ?o WHERE {{ <{S}> <{P}> ?o }}") == [{"o": O}]


def test_construct(store):
    store.add(QUADS)
    triples = store.construct(f"CONSTRUCT {{ ?o <{EX}back> ?s }} WHERE {{ ?s <{P}> ?o . FILTER isIRI(?o) }}")
    assert triples == [(O, URIRef(EX + "back"), S)]


def test_blank_nodes_round_trip(store):
    node = BNode()
    store.add([(node, P, Literal("x"), G1)])
    ((s, _, _, _),) = store.quads()
    assert isinstance(s, BNode)


@pytest.mark.parametrize("format", ["trig", "nquads"])
def test_export(store, tmp_path, format):
    store.add(QUADS)
    path = store.export(tmp_path / f"graph.{format}", format=format)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file
    dataset = Dataset().parse(path, format=format)
    assert len(dataset) == len(QUADS)
    assert {(s, p, o, g.identifier if hasattr(g, "identifier") else g)
            for s, p, o, g in dataset.quads()} == set(QUADS)


def test_oxigraph_persists(tmp_path):
    with open_store(tmp_path / "store") as store:
        store.add(QUADS)
    with open_store(tmp_path / "store") as store:
        assert set(store.quads()) == set(QUADS)


def test_oxigraph_in_use(tmp_path):
    with open_store(tmp_path / "store"):
        with pytest.raises(StoreError, match="in use"):
            open_store(tmp_path / "store")
    with open_store(tmp_path / "store") as store:  # free again once closed
        assert len(store) == 0



# --- a killed ingest ---------------------------------------------------------------------------

CHILD = Path(__file__).with_name("ingest_child.py")
ARTICLES, CLAIMS_PER_ARTICLE = 30, 24


def write_articles(folder: Path) -> None:
    """Articles with a dispute inside each (the council asserts what the mission denies) and
    one across each pair of neighbours (the mission denies what the article before asserts),
    in the plain lines ingest_child.py reads claims from."""
    folder.mkdir()
    for i in range(ARTICLES):
        lines = [f"Harbour Council asserts that Post {i} is encircled."]
        lines += [f"Lake Monitoring Mission denies that Post {i - 1} is encircled."] if i else []
        for j in range(CLAIMS_PER_ARTICLE // 2):
            lines += [f"Harbour Council asserts that Post {i}-{j} is encircled.",
                      f"Lake Monitoring Mission denies that Post {i}-{j} is encircled."]
        (folder / f"article-{i:02}.txt").write_text("date 2025-03-14\n" + "\n".join(lines) + "\n")


def ingest_in_child(articles: Path, store: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(CHILD), str(articles), str(store)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def by_graph(quads) -> dict[URIRef, set]:
    graphs: dict[URIRef, set] = {}
    for quad in quads:
        graphs.setdefault(quad[3], set()).add(quad)
    return graphs


def test_a_killed_ingest_leaves_whole_documents_and_a_rerun_finishes_the_job(tmp_path):
    articles = tmp_path / "articles"
    write_articles(articles)
    clean = ingest_in_child(articles, tmp_path / "clean")
    assert clean.wait(timeout=300) == 0, clean.stderr.read()
    with open_store(tmp_path / "clean") as store:
        expected = by_graph(store.quads())

    child = ingest_in_child(articles, tmp_path / "killed")
    stored = 0
    for line in child.stderr:  # kill it once a few documents are in, as a user's kill -9 would
        stored += line.startswith("stored")
        if stored == 6:
            child.send_signal(signal.SIGKILL)
            break
    assert child.wait(timeout=60) == -signal.SIGKILL

    with open_store(tmp_path / "killed") as store:  # it opens ...
        found = by_graph(store.quads())
    documents = {g for g in found if g.startswith(str(ID["graph/d-"]))}
    assert 0 < len(documents) < ARTICLES  # ... killed in the middle of the job ...
    derived = {INFERRED_GRAPH, LEXICON_GRAPH, PENDING_GRAPH}  # what reasoning rewrites
    for graph, quads in found.items():  # ... and every graph in it is whole
        if graph not in derived:
            assert quads == expected[graph], graph
    propositions = {q[2] for g in documents for q in found[g] if q[1] == KG.about}
    assert all(p in found for p in propositions)  # with the content of its propositions

    rerun = ingest_in_child(articles, tmp_path / "killed")
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read()
    with open_store(tmp_path / "killed") as store:
        assert by_graph(store.quads()) == expected  # contradictions included


def test_a_second_process_finds_the_store_in_use(tmp_path):
    with open_store(tmp_path / "store"):
        other = subprocess.run([sys.executable, "-m", "kgraph.cli", "reason", "--store",
                                str(tmp_path / "store")], capture_output=True, text=True)
    assert other.returncode == 2
    assert other.stderr.strip().splitlines() == [
        f"kgraph: {tmp_path / 'store'}: store is in use by another kgraph process"]


# --- the remote store: what only a server can get wrong -----------------------------------------

@pytest.mark.parametrize("query_url, update_url", [
    ("http://localhost:7878/query", "http://localhost:7878/update"),  # Oxigraph
    ("http://localhost:3030/kg/query", "http://localhost:3030/kg/update"),  # Fuseki
    ("https://example.org/kg/sparql/", "https://example.org/kg/update"),  # Fuseki
    ("http://localhost:8890/sparql", None),  # Virtuoso: updates at the same URL
    ("http://localhost:9999/blazegraph/namespace/kb/sparql", None),  # Blazegraph: the same
    ("http://localhost:7200/repositories/kg", None),  # GraphDB: .../statements
])
def test_update_url_follows_the_oxigraph_and_fuseki_conventions(query_url, update_url):
    assert derived_update_url(query_url) == update_url


@pytest.mark.parametrize("sparql, reads", [
    ("SELECT * WHERE { ?s ?p ?o }", True),
    ("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", False),
    ("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s a ?type } }", True),
    ("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } OPTIONAL { ?o <http://x/p>+ ?q } }", True),
    ("SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } } GRAPH ?g { ?s ?q ?r } }", True),
    ("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } VALUES ?s { <http://x/a> } }", False),
    ("CONSTRUCT WHERE { ?s ?p ?o }", True),
    ("SELECT * FROM <http://x/g> WHERE { ?s ?p ?o }", False),  # its own dataset
    ("ASK { SERVICE <http://x/sparql> { ?s ?p ?o } }", False),
    ("SELECT * WHERE { BIND (1 AS ?x) }", False),
])
def test_queries_that_read_the_default_graph_are_told_apart(sparql, reads):
    assert reads_default_graph(sparql) is reads


@pytest.fixture
def endpoint() -> Iterator[tuple[str, list]]:
    """A stand-in SPARQL endpoint that says yes to every query and takes every update, at any
    path but /page (a web page); its base URL and the (path, body) of each request."""
    requests: list[tuple[str, bytes]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            requests.append((self.path, self.rfile.read(int(self.headers["Content-Length"]))))
            page = self.path == "/page"  # a web page, not an endpoint
            answer = b"<html>Welcome</html>" if page else b'{"head": {}, "boolean": true}'
            self.send_response(200)
            self.send_header("Content-Type", "text/html" if page else RESULTS_JSON)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()


def test_an_endpoint_of_no_known_convention_needs_update_url(endpoint):
    base, requests = endpoint
    store = open_store(f"{base}/repositories/kg")
    with pytest.raises(StoreError, match="give --update-url"):
        store.add(QUADS)
    assert all(path == "/repositories/kg" for path, _ in requests)  # nothing was sent to write
    store = open_store(f"{base}/repositories/kg", update_url=f"{base}/repositories/kg/statements")
    requests.clear()
    store.add(QUADS)
    ((path, body),) = requests  # one request: one transaction on the server
    assert path == "/repositories/kg/statements" and body.startswith(b"INSERT DATA")
    with pytest.raises(StoreError, match=r"/page: unreadable answer: .*'<'"):
        open_store(f"{base}/page")


def test_a_remote_store_fails_in_one_line(remote_url):
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    with pytest.raises(StoreError, match=r"^http://127.0.0.1:\d+/query: connection refused"):
        open_store(f"http://127.0.0.1:{port}/query")
    store = open_store(remote_url)
    with pytest.raises(StoreError, match=r"/query: HTTP 400 Bad Request: .*expected"):
        store.select("SELECT nonsense")  # the server's own message
    base = remote_url.removesuffix("/query")
    with pytest.raises(StoreError, match=r"/elsewhere: HTTP 404 Not Found"):
        open_store(remote_url, update_url=f"{base}/elsewhere").add(QUADS)
    assert len(store) == 0
    with socket.socket() as silent:  # accepts connections and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/query"
        with pytest.raises(StoreError, match=r"/query: no answer within 0.2 s$"):
            RemoteStore(url, timeout=0.2)


def test_update_url_is_only_for_endpoints(tmp_path):
    with pytest.raises(StoreError, match="--update-url goes with a SPARQL endpoint"):
        open_store(tmp_path / "store", update_url="http://localhost:7878/update")


# --- any query form, for people's own queries ----------------------------------------------------

def test_query_answers_every_form(store):
    from kgraph.store import QueryError

    store.add(QUADS)
    answer = store.query(f"SELECT ?o ?missing WHERE {{ GRAPH ?g {{ <{S}> <{P}> ?o }} "
                         f"OPTIONAL {{ ?o kg:nope ?missing }} }}")
    assert answer.form == "select" and answer.variables == ("o", "missing")  # unbound kept
    assert {row["o"] for row in answer.rows} == {q[2] for q in QUADS}
    assert all("missing" not in row for row in answer.rows)
    assert store.query(f"ASK {{ <{S}> <{P}> 7 }}").boolean is True
    assert store.query("ASK { ?s kg:nope ?o }").boolean is False
    graph = store.query(f"CONSTRUCT {{ ?o <{EX}back> ?s }} WHERE {{ ?s <{P}> ?o FILTER isIRI(?o) }}")
    assert graph.form == "graph" and graph.triples == ((O, URIRef(EX + "back"), S),)
    with pytest.raises(QueryError, match=r"(?i)syntax|expected|bad request"):
        store.query("SELECT ?x WHERE { ?x ?y }")
