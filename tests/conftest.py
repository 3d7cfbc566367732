"""Shared, model-free fixtures: a small made-up dispute over a lakeside garrison, as canonical
claims in two documents (what resolve/ would hand to rdf/); and a real Oxigraph server for the
remote store."""
from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

from kgraph.models import Claim, Document, Proposition, Quantity, Source, Stance, TextSpan

GARRISON = Proposition("Varna garrison", "encircled")
CEASEFIRE = Proposition("Northern militia", "violated", "Varna ceasefire")
LAND = Proposition("Northern militia", "captured", "territory")

REPORT = Document(
    id="d-report", name="varna-report.txt", date="2025-03-14", title="Garrison dispute",
    text=("Commander Ilse Marek said on Thursday that the Varna garrison was encircled. "
          "The Harbour Council denied that the garrison was encircled. "
          "Marek added that the militia had captured over 1,300 km2 of territory."),
)
UPDATE = Document(
    id="d-update", name="varna-update.txt", date="2025-03-16", url="https://example.org/update",
    text=("The Lake Monitoring Mission said the garrison was probably encircled. "
          "The mission first said the militia violated the ceasefire. "
          "Later the mission said the militia had not violated the ceasefire."),
)


def span(document: Document, sentence_start: str) -> TextSpan:
    """The sentence of `document` that begins with `sentence_start`, with its offsets."""
    start = document.text.index(sentence_start)
    end = document.text.index(".", start) + 1
    return TextSpan(start, end, document.text[start:end])


def claim(id: str, document: Document, sentence_start: str, source: Source, stance: Stance,
          proposition: Proposition, **fields) -> Claim:
    fields.setdefault("date", document.date)
    return Claim(id=id, source=source, stance=stance, proposition=proposition,
                 evidence=span(document, sentence_start), document=document.id,
                 document_name=document.name, cue=fields.pop("cue", "said"), **fields)


MAREK = Source("Ilse Marek", "Commander Ilse Marek", "person")
COUNCIL = Source("Harbour Council", "The Harbour Council", "organisation")
MISSION = Source("Lake Monitoring Mission", "The Lake Monitoring Mission", "organisation")


def report_claims() -> list[Claim]:
    return [
        claim("c-marek", REPORT, "Commander", MAREK, Stance.ASSERTS, GARRISON, date="2025-03-13"),
        claim("c-council", REPORT, "The Harbour", COUNCIL, Stance.DENIES, GARRISON,
              cue="denied"),
        claim("c-land", REPORT, "Marek added", MAREK, Stance.ASSERTS, LAND,
              quantity=Quantity(1300.0, "km2", 1300.0, float("inf"))),
    ]


def update_claims() -> list[Claim]:
    return [
        claim("c-mission", UPDATE, "The Lake", MISSION, Stance.ASSERTS, GARRISON, hedged=True),
        claim("c-violated", UPDATE, "The mission first", MISSION, Stance.ASSERTS, CEASEFIRE),
        claim("c-not-violated", UPDATE, "Later", MISSION, Stance.DENIES, CEASEFIRE,
              quantity=Quantity(20.0, None, 18.0, 22.0)),
    ]


@pytest.fixture
def corpus() -> list[tuple[Document, list[Claim]]]:
    """Two documents with their claims: one negation (Marek and the mission vs the council) and
    one revision (the mission alone on both sides of the ceasefire)."""
    return [(REPORT, report_claims()), (UPDATE, update_claims())]


@pytest.fixture
def memory_store(corpus):
    from kgraph.rdf.mapping import document_quads
    from kgraph.store import open_store

    store = open_store("memory")
    for document, claims in corpus:
        store.add(document_quads(document, claims))
    yield store
    store.close()


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory) -> Iterator[str]:
    """A real Oxigraph server (the `oxigraph` package's binary, installed with the test
    extra) on a free loopback port, its data in a temporary folder; its base URL (queries at
    /query, updates at /update). Stopped when the session ends."""
    binary = Path(sys.executable).with_name("oxigraph")
    if not binary.is_file():
        pytest.fail(f"{binary} missing: install the test extra (pip install -e '.[test]')")
    with socket.socket() as probe:  # the kernel picks a free port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = tmp_path_factory.mktemp("oxigraph-server")
    log = (data.parent / "oxigraph-server.log").open("wb")
    server = subprocess.Popen([str(binary), "serve", "--location", str(data),
                               "--bind", f"127.0.0.1:{port}"], stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the Oxigraph server did not start (log: {log.name})")
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


@pytest.fixture
def remote_url(oxigraph_server) -> str:
    """The query URL of the test server, emptied first: a fresh store for each test."""
    request = urllib.request.Request(f"{oxigraph_server}/update", data=b"DROP ALL",
                                     headers={"Content-Type": "application/sparql-update"})
    urllib.request.urlopen(request, timeout=30).close()
    return f"{oxigraph_server}/query"


@pytest.fixture
def recorder() -> Iterator[tuple[str, list[str]]]:
    """A loopback HTTP server that answers any GET or POST with a small JSON-LD context and
    records the path asked for: to show that something never calls out. Its base URL and
    the list of paths."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            data = b'{"@context": {"name": "http://example.org/name"}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_POST = do_GET

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()
