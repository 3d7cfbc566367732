"""The HTTP side: the standard library's ThreadingHTTPServer, a thread per request; queries
run in a small pool of workers, each with a deadline.

Why not pyoxigraph's own server (the `oxigraph serve` binary)? It would open the store
itself, take writes, and serve neither kgraph's graph page nor its rules (predeclared
prefixes, union default graph, refusals); and it serves Oxigraph stores only, where this
serves every kgraph store (a folder, memory, or a remote endpoint, proxied).

The time limit: a query past `timeout` seconds gets 503 and a clear message at once. The
query itself cannot be stopped (Oxigraph has no cancellation), so it finishes in its worker
thread in the background. At most WORKERS queries run at once, so runaway queries hold up at
most that many threads; later requests wait for a free one within their own deadline. The
workers are daemon threads: Ctrl-C stops the server at once, whatever still runs.
"""
from __future__ import annotations

import html
import threading
import time
import urllib.parse
from concurrent.futures import Future, TimeoutError as Timeout
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

from kgraph.query.named import named_query
from kgraph.query.run import answer
from kgraph.serve.protocol import Refused, UPDATE_REFUSED, body, check_query, negotiate
from kgraph.store.base import Answer, QueryError, Store, StoreError

WORKERS = 4
MAX_BODY = 1_000_000  # bytes in a POST: far more than any query
PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"


class Endpoint(ThreadingHTTPServer):
    """A read-only SPARQL endpoint over `store`: GET / is the graph page, /sparql the query
    form and the SPARQL 1.1 Protocol endpoint."""

    daemon_threads = True

    def __init__(self, store: Store, host: str = "127.0.0.1", port: int = 7878,
                 timeout: float = 30.0) -> None:
        super().__init__((host, port), Handler)
        self.store = store
        self.query_timeout = timeout
        self.slots = threading.BoundedSemaphore(WORKERS)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"

    def run(self, work: Callable, *args) -> object:
        """`work(*args)` in a worker thread; Refused(503) if it passes the deadline."""
        deadline = time.monotonic() + self.query_timeout
        late = Refused(503, f"the query ran past the time limit of {self.query_timeout:g} s "
                            "(narrow it, or start the server with a longer --timeout)")
        if not self.slots.acquire(timeout=self.query_timeout):
            raise late
        future: Future = Future()

        def worker() -> None:
            try:
                future.set_result(work(*args))
            except BaseException as err:  # handed to the request's thread, raised there
                future.set_exception(err)
            finally:
                self.slots.release()

        threading.Thread(target=worker, daemon=True, name="query").start()
        try:
            return future.result(timeout=max(0.0, deadline - time.monotonic()))
        except Timeout:
            raise late from None


class Handler(BaseHTTPRequestHandler):
    server: Endpoint
    server_version = "kgraph"

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        fields = urllib.parse.parse_qs(query, keep_blank_values=True)
        if path == "/":
            self.answer(lambda: (200, "text/html; charset=utf-8", self.server.run(graph_page,
                                                                              self.server.store)))
        elif path == "/sparql" and not {"query", "name", "update"} & fields.keys():
            self.send(200, "text/html; charset=utf-8", form_page().encode("utf-8"),
                      {"Content-Security-Policy": PAGE_POLICY})
        elif path == "/sparql":
            self.answer(lambda: self.sparql(fields))
        else:
            self.send(404, "text/plain; charset=utf-8", b"not found: try / or /sparql\n")

    def do_POST(self) -> None:
        if self.path.partition("?")[0] != "/sparql":
            self.send(404, "text/plain; charset=utf-8", b"not found: queries go to /sparql\n")
            return
        self.answer(lambda: self.sparql(self.posted()))

    def posted(self) -> dict[str, list[str]]:
        """The request's fields, from a form or a bare query (SPARQL 1.1 Protocol 2.1)."""
        length = self.headers.get("Content-Length") or "0"
        if not length.isdigit():  # a negative length would block the thread on read(-1)
            raise Refused(400, f"Content-Length must be a number of bytes, not '{length}'")
        size = int(length)
        if size > MAX_BODY:
            raise Refused(413, f"a request of {size} bytes is too large (at most {MAX_BODY})")
        text = self.rfile.read(size).decode("utf-8", "replace")
        kind = self.headers.get_content_type()
        fields = urllib.parse.parse_qs(self.path.partition("?")[2], keep_blank_values=True)
        if kind == "application/x-www-form-urlencoded":
            return fields | urllib.parse.parse_qs(text, keep_blank_values=True)
        if kind == "application/sparql-query":
            return fields | {"query": [text]}
        if kind == "application/sparql-update":
            raise Refused(403, UPDATE_REFUSED)
        raise Refused(415, f"send a query as application/sparql-query or a form, not {kind}")

    def sparql(self, fields: dict[str, list[str]]) -> tuple[int, str, bytes]:
        if "update" in fields:
            raise Refused(403, UPDATE_REFUSED)
        if "name" in fields:  # a named query, bound as `kgraph query --name` binds it
            return self.respond(fields, self.server.run(answer, self.server.store,
                                                        named_query(fields["name"][0]).name))
        if len(fields.get("query", [])) != 1:
            raise Refused(400, "give exactly one query (or the name of a named query)")
        if "default-graph-uri" in fields or "named-graph-uri" in fields:
            raise Refused(400, "default-graph-uri and named-graph-uri are not supported: the "
                               "default graph is the union of all graphs; use FROM / FROM NAMED")
        sparql = fields["query"][0]
        check_query(sparql)
        return self.respond(fields, self.server.run(self.server.store.query, sparql))

    def respond(self, fields: dict[str, list[str]], result: Answer) -> tuple[int, str, bytes]:
        asked = (fields.get("format") or fields.get("output") or [None])[0]
        choice = negotiate(result.form, self.headers.get("Accept"), asked)
        return 200, f"{choice.media_type}; charset=utf-8", body(result, choice)

    def answer(self, respond: Callable[[], tuple[int, str, bytes]]) -> None:
        """Run `respond`; refusals and store errors become a status with a one-line reason."""
        try:
            status, kind, data = respond()
        except Refused as err:
            status, kind, data = err.status, "text/plain; charset=utf-8", str(err)
        except QueryError as err:
            status, kind, data = 400, "text/plain; charset=utf-8", str(err)
        except StoreError as err:
            status, kind, data = 500, "text/plain; charset=utf-8", str(err)
        if isinstance(data, str):
            data = (data + "\n").encode("utf-8")
        self.send(status, kind, data)

    def send(self, status: int, kind: str, data: bytes, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args) -> None:
        pass  # quiet: the command prints where it serves; errors go back to the client


def graph_page(store: Store) -> bytes:
    """The interactive graph page of everything in the store (as `kgraph render` writes)."""
    from kgraph.analyse import find_camps, signed_source_graph
    from kgraph.query.results import read_claims, read_contradictions
    from kgraph.render import build_display_graph, to_html

    claims, found = read_claims(store), read_contradictions(store)
    camps = find_camps(signed_source_graph(claims, found))
    return to_html(build_display_graph(claims, found, camps)).encode("utf-8")


EXAMPLE = """SELECT ?source ?stance ?proposition WHERE {
  GRAPH ?g { ?claim a kg:Claim ; prov:wasAttributedTo/skos:prefLabel ?source ;
                    kg:stance ?stance ; kg:about/rdfs:label ?proposition }
} LIMIT 50"""


def form_page() -> str:
    """A plain query form (no script): the named queries as links that run them."""
    from kgraph.query import named_queries
    from kgraph.rdf.vocab import PREFIXES

    def link(query) -> str:
        target = "/sparql?" + urllib.parse.urlencode({"name": query.name, "format": "csv"})
        return (f'<li><a href="{html.escape(target)}">{html.escape(query.title)}</a>: '
                f"{html.escape(query.description)}</li>")

    prefixes = ", ".join(f"{p}:" for p in PREFIXES)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kgraph SPARQL</title>
<style>body{{font-family:sans-serif;margin:2em auto;max-width:60em;padding:0 1em}}
textarea{{width:100%;height:12em;font-family:monospace}}</style></head>
<body><h1>kgraph SPARQL endpoint</h1>
<p>Read-only SPARQL 1.1. The default graph is the union of all graphs; the prefixes
{html.escape(prefixes)} are declared already. <a href="/">The graph page</a>.</p>
<form action="/sparql" method="get">
<textarea name="query">{html.escape(EXAMPLE)}</textarea>
<p><label>Answer as <select name="format"><option>json</option><option>xml</option>
<option>csv</option><option>tsv</option><option>turtle</option><option>json-ld</option>
</select></label> <button type="submit">Run</button></p></form>
<h2>Named queries</h2><ul>{"".join(link(q) for q in named_queries())}</ul>
</body></html>
"""
