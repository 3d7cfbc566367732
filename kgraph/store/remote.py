"""Remote backend: any SPARQL 1.1 endpoint (an Oxigraph server, Apache Jena Fuseki, ...),
spoken to over the SPARQL 1.1 Protocol (queries) and SPARQL 1.1 Update: `--store URL`.

The HTTP client is the standard library's urllib: every request is a single POST whose
answer is read whole or streamed into a parser, so a client library would add a dependency
and nothing kgraph uses (SPARQLWrapper, for one, returns results as JSON dicts that would
still need converting into rdflib terms). Answers are parsed by pyoxigraph, kgraph's embedded
store, and its terms converted exactly as that backend converts them, so the three backends
give the same rdflib terms (plain literals without xsd:string, typed literals, blank nodes).

Writes. Each `add` is one INSERT DATA request, and a SPARQL update request is one
transaction on Oxigraph and on Fuseki (TDB2): a document goes in whole or not at all. It is
never split into several requests, which would lose that; a document is a few hundred KB at
most, far below what servers accept (an Oxigraph 0.5 server took a 17 MB update), and a server
that refuses a request as too large says so in a StoreError and nothing is stored. Derived
graphs (inferred, lexicon: rebuilt by the next run, so a backend may write them in steps) go
in requests of at most MAX_UPDATE_CHARS. Blank nodes: a request's blank node labels are its
own (SPARQL Update), so the same BNode added in two calls becomes two nodes on the server;
kgraph's own graphs have none, and removing a blank-node triple is refused (DELETE DATA
cannot name one).

The default graph. The Store interface promises that the default graph of select/construct
is the union of the named graphs. kgraph's own queries never read the default graph (every
pattern sits in GRAPH ?g or GRAPH <g>), so they run unchanged on any server. A query that does
read it (a user's, through the query command) gets the dataset from the protocol: every named
graph as a default-graph-uri and as a named-graph-uri (the SPARQL 1.1 Protocol's dataset
parameters), so it sees the union whatever the server's configuration. Servers configured with
a union default graph (`oxigraph serve --union-default-graph`, Fuseki's
`tdb2:unionDefaultGraph true`) give the same answers; outside kgraph, tools querying such a
server directly see the union only with that configuration.
"""
from __future__ import annotations

import http.client
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, URIRef

from kgraph.rdf.vocab import with_prefixes
from kgraph.store.base import Answer, Quad, QueryError, Store, StoreError, Triple
from kgraph.store.oxigraph import answer_of, rows_of, to_ox, triple_of

# a single query may run long on a big store (a full reasoning run); a server silent for
# this long is taken to be gone
TIMEOUT_S = 300.0
MAX_UPDATE_CHARS = 8_000_000  # per request, for derived graphs only (never for `add`)
RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
NOTHING = "urn:kgraph:nothing"  # a graph never written: the default graph of an empty store


def derived_update_url(query_url: str) -> str | None:
    """The update URL the server's convention makes obvious, else None:
    Oxigraph .../query -> .../update; Fuseki /DATASET/query or /DATASET/sparql ->
    /DATASET/update. Other shapes are ambiguous (Virtuoso or Blazegraph take updates at the
    query URL itself, GraphDB at .../statements): they need --update-url."""
    parts = urllib.parse.urlsplit(query_url)
    segments = parts.path.rstrip("/").split("/")
    last = segments[-1]
    if last == "query" or (last == "sparql" and len(segments) == 3):  # "", DATASET, sparql
        path = "/".join(segments[:-1] + ["update"])
        return urllib.parse.urlunsplit(parts._replace(path=path))
    return None


class RemoteStore(Store):
    def __init__(self, query_url: str, update_url: str | None = None,
                 timeout: float = TIMEOUT_S) -> None:
        self.query_url = query_url
        self.update_url = update_url or derived_update_url(query_url)
        self.timeout = timeout
        self._ask("ASK {}")  # fail now, in one line, if no SPARQL endpoint answers there

    # --- writing -----------------------------------------------------------------------------

    def add(self, quads: Iterable[Quad]) -> None:
        quads = list(quads)  # materialise first so a failing generator sends nothing
        if quads:
            self._update(f"INSERT DATA {{ {_data(quads)} }}")

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        lines = [_triple(t) for t in triples]
        drop = f"DROP SILENT GRAPH {_term(graph)}"
        chunks = _chunks(lines)
        if len(chunks) == 1:  # the usual case: one request, so one transaction
            self._update(f"{drop} ;\n{_insert(graph, chunks[0])}")
            return
        self._update(drop)
        for chunk in chunks:
            self._update(_insert(graph, chunk))

    def update_graph(self, graph: URIRef, remove: Iterable[Triple], add: Iterable[Triple],
                     ) -> None:
        remove, add = list(remove), list(add)
        if any(isinstance(term, BNode) for triple in remove for term in triple):
            raise StoreError(f"{self.query_url}: cannot remove a triple with a blank node "
                             "(SPARQL DELETE DATA cannot name one)")
        operations = ([_delete(graph, chunk) for chunk in _chunks([_triple(t) for t in remove])
                       if chunk]
                      + [_insert(graph, chunk) for chunk in _chunks([_triple(t) for t in add])
                         if chunk])
        if sum(map(len, operations)) <= MAX_UPDATE_CHARS:
            operations = [" ;\n".join(operations)] if operations else []
        for operation in operations:
            self._update(operation)

    # --- reading -----------------------------------------------------------------------------

    def has_graph(self, graph: URIRef) -> bool:
        return self._ask(f"ASK {{ GRAPH {_term(graph)} {{ ?s ?p ?o }} }}")

    def select(self, sparql: str) -> list[dict]:
        return list(self._rows(sparql, union=True))

    def construct(self, sparql: str) -> list[Triple]:
        with self._query(sparql, N_TRIPLES, union=True) as answer:
            return list(_triples(answer))

    def query(self, sparql: str) -> Answer:
        # the server picks by the query's form: JSON results (SELECT, ASK) or N-Triples
        with self._query(sparql, f"{RESULTS_JSON}, {N_TRIPLES}", union=True) as answer:
            if answer.headers.get_content_type() == N_TRIPLES:
                return Answer(triples=tuple(_triples(answer)))
            return answer_of(ox.parse_query_results(answer, ox.QueryResultsFormat.JSON))

    def quads(self) -> Iterator[Quad]:
        for row in self._rows("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"):
            yield row["s"], row["p"], row["o"], row["g"]

    def __len__(self) -> int:
        (row,) = self._rows("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(row["n"])

    # --- HTTP --------------------------------------------------------------------------------

    def _ask(self, sparql: str) -> bool:
        with self._query(sparql, RESULTS_JSON) as answer:
            return bool(ox.parse_query_results(answer, ox.QueryResultsFormat.JSON))

    def _rows(self, sparql: str, union: bool = False) -> Iterator[dict]:
        with self._query(sparql, RESULTS_JSON, union) as answer:  # streamed as it is parsed
            yield from rows_of(ox.parse_query_results(answer, ox.QueryResultsFormat.JSON))

    @contextmanager
    def _query(self, sparql: str, accept: str, union: bool = False) -> Iterator:
        """The answer to `sparql` as a readable stream (SPARQL 1.1 Protocol, URL-encoded
        POST). With `union` (a caller's query, where kgraph's own name their graphs), the
        union of the named graphs is its default graph if it reads that."""
        sparql = with_prefixes(sparql)
        fields = [("query", sparql)] + (self._union_dataset()
                                         if union and reads_default_graph(sparql) else [])
        body = urllib.parse.urlencode(fields).encode("utf-8")
        with self._post(self.query_url, body, "application/x-www-form-urlencoded",
                        accept) as answer:
            yield answer

    def _union_dataset(self) -> list[tuple[str, str]]:
        """Protocol parameters that make the default graph the union of every named graph
        while GRAPH ?g still sees each of them."""
        graphs = [row["g"] for row in self._rows("SELECT ?g WHERE { GRAPH ?g { } }")]
        if not graphs:
            return [("default-graph-uri", NOTHING)]
        return ([("default-graph-uri", str(g)) for g in graphs]
                + [("named-graph-uri", str(g)) for g in graphs])

    def _update(self, sparql: str) -> None:
        if self.update_url is None:
            raise StoreError(
                f"{self.query_url}: cannot tell where this endpoint takes updates; give "
                "--update-url (Oxigraph: http://HOST:PORT/update, Fuseki: "
                "http://HOST:PORT/DATASET/update)")
        with self._post(self.update_url, sparql.encode("utf-8"), "application/sparql-update",
                        "*/*") as answer:
            answer.read()

    @contextmanager
    def _post(self, url: str, body: bytes, content_type: str, accept: str) -> Iterator:
        """POST `body` and yield the response; every way it can fail becomes one StoreError
        line naming the URL (connection refused, timeouts, HTTP errors with the server's
        own message)."""
        request = urllib.request.Request(url, data=body, method="POST", headers={
            "Content-Type": content_type, "Accept": accept})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                yield answer
        except urllib.error.HTTPError as err:  # 400: the server could not parse or run it
            kind = QueryError if err.code == 400 else StoreError
            raise kind(f"{url}: HTTP {err.code} {err.reason}: {_message(err)}") from None
        except urllib.error.URLError as err:
            raise StoreError(f"{url}: {_reason(err.reason, self.timeout)}") from None
        except (OSError, http.client.HTTPException) as err:  # timeouts, dropped connections
            raise StoreError(f"{url}: {_reason(err, self.timeout)}") from None
        except SyntaxError as err:  # pyoxigraph: the answer is not what was asked for
            raise StoreError(f"{url}: unreadable answer: {err}") from None


# the data of a VALUES clause: it matches nothing in any graph, and can be long
VALUES_DATA = re.compile(r"(VALUES\s*(?:[?$]\w+|\([^()]*\))\s*)\{[^{}]*\}", re.IGNORECASE)


def reads_default_graph(sparql: str) -> bool:
    """Whether a query matches a pattern outside every GRAPH (and SERVICE) and names no
    dataset of its own (FROM / FROM NAMED). A query rdflib cannot parse is sent as it is.

    rdflib's parser takes a tenth of a second on a reasoning rule, so the answer is kept per
    query with its VALUES data left out (a narrowed rule is the same rule every time)."""
    return _reads_default_graph(VALUES_DATA.sub(r"\1{}", sparql))


@lru_cache(maxsize=256)
def _reads_default_graph(sparql: str) -> bool:
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        algebra = translateQuery(parseQuery(sparql)).algebra
    except Exception:  # rdflib's parser is stricter than some servers': let the server judge
        return False
    return not algebra.get("datasetClause") and _outside_graph(algebra)


def _outside_graph(node: object) -> bool:
    if isinstance(node, dict):  # rdflib's algebra nodes (CompValue) are dicts
        name = getattr(node, "name", "")
        if name in ("Graph", "GraphGraphPattern", "ServiceGraphPattern", "Service"):
            return False
        # BGP in the algebra; TriplesBlock inside FILTER EXISTS, which rdflib leaves untranslated
        if name in ("BGP", "TriplesBlock") and node.get("triples"):
            return True
        return any(_outside_graph(v) for k, v in node.items() if k != "template")
    if isinstance(node, (list, tuple)):
        return any(_outside_graph(v) for v in node)
    return False


def _triples(answer) -> Iterator[Triple]:
    return map(triple_of, ox.parse(answer, ox.RdfFormat.N_TRIPLES))


def _term(term) -> str:
    return str(to_ox(term))  # N-Triples syntax, which SPARQL reads as it is


def _triple(triple: Triple) -> str:
    return " ".join(map(_term, triple)) + " ."


def _data(quads: list[Quad]) -> str:
    by_graph: dict[URIRef, list[str]] = defaultdict(list)
    for s, p, o, g in quads:
        by_graph[g].append(_triple((s, p, o)))
    return "\n".join(f"GRAPH {_term(g)} {{\n" + "\n".join(lines) + "\n}"
                     for g, lines in by_graph.items())


def _insert(graph: URIRef, lines: list[str]) -> str:
    return f"INSERT DATA {{ GRAPH {_term(graph)} {{\n" + "\n".join(lines) + "\n} }"


def _delete(graph: URIRef, lines: list[str]) -> str:
    return f"DELETE DATA {{ GRAPH {_term(graph)} {{\n" + "\n".join(lines) + "\n} }"


def _chunks(lines: list[str]) -> list[list[str]]:
    """`lines` in runs of at most MAX_UPDATE_CHARS characters (one run, maybe empty, if it
    fits)."""
    chunks: list[list[str]] = [[]]
    size = 0
    for line in lines:
        if size + len(line) > MAX_UPDATE_CHARS and chunks[-1]:
            chunks.append([])
            size = 0
        chunks[-1].append(line)
        size += len(line) + 1
    return chunks


def _message(err: urllib.error.HTTPError) -> str:
    """The server's own explanation, on one line."""
    try:
        text = err.read().decode("utf-8", "replace")
    except OSError:
        text = ""
    text = " ".join(text.split())
    return (text[:300] + " ...") if len(text) > 300 else (text or "(no message)")


def _reason(reason: object, timeout: float) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused (is the SPARQL server running?)"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, (ConnectionError, http.client.HTTPException)):
        return f"connection lost: {reason}"
    if isinstance(reason, socket.gaierror):
        return f"unknown host ({reason.strerror})"
    return f"cannot reach the server: {reason}"
