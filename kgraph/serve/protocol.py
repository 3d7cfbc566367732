"""The SPARQL 1.1 Protocol, read-only: which requests are queries, which are refused, and in
which format an answer goes back (content negotiation). No HTTP here, so it tests alone."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kgraph.query import serialize

# format names: a key of serialize.RESULTS (SELECT, ASK) or serialize.RDF (CONSTRUCT, DESCRIBE)
RESULT_TYPES = {"application/sparql-results+json": "json", "application/json": "json",
                "application/sparql-results+xml": "xml", "application/xml": "xml",
                "text/xml": "xml", "text/csv": "csv", "text/tab-separated-values": "tsv"}
GRAPH_TYPES = {"text/turtle": "turtle", "application/turtle": "turtle",
               "application/x-turtle": "turtle", "application/n-triples": "nt",
               "text/plain": "nt", "application/rdf+xml": "xml", "application/xml": "xml",
               "text/xml": "xml", "application/ld+json": "json-ld", "application/json": "json-ld",
               "text/n3": "n3"}
# ?format= (or ?output=), as browsers and some clients ask, by either query form
FORMAT_NAMES = {"json": ("json", "json-ld"), "xml": ("xml", "xml"), "csv": ("csv", None),
                "tsv": ("tsv", None), "turtle": (None, "turtle"), "ttl": (None, "turtle"),
                "nt": (None, "nt"), "ntriples": (None, "nt"), "n-triples": (None, "nt"),
                "rdfxml": (None, "xml"), "rdf+xml": (None, "xml"), "json-ld": (None, "json-ld"),
                "jsonld": (None, "json-ld"), "n3": (None, "n3")}
UPDATE_REFUSED = ("this endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, "
                  "CREATE, DROP, ...) is refused")
SERVICE_REFUSED = "SERVICE is refused: this endpoint makes no calls to other endpoints"


class Refused(Exception):
    """A request the endpoint will not run: an HTTP status and a one-line reason."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def check_query(sparql: str) -> None:
    """Refuse updates (LOAD included) and SERVICE, by parsing: rdflib's parser reads the text
    as a query, or else as an update. A query rdflib cannot parse goes to the store, which
    only ever queries, and judges its syntax itself; SERVICE in it is refused by keyword."""
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parsed = parseQuery(sparql)
    except Exception:
        try:
            parseUpdate(sparql)
        except Exception:
            if re.search(r"\bSERVICE\b", _without_strings(sparql), re.IGNORECASE):
                raise Refused(403, SERVICE_REFUSED) from None
            return
        raise Refused(403, UPDATE_REFUSED) from None
    if _has_service(parsed):
        raise Refused(403, SERVICE_REFUSED)


def _has_service(node: object) -> bool:
    if getattr(node, "name", None) == "ServiceGraphPattern":
        return True
    if isinstance(node, dict):  # rdflib's parse nodes (CompValue) are dicts
        return any(_has_service(v) for v in node.values())
    if isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        return any(_has_service(v) for v in node)
    return False


def _without_strings(sparql: str) -> str:
    """The text without its string literals and comments, where SERVICE means nothing."""
    return re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*', " ", sparql)


@dataclass(frozen=True)
class Choice:
    format: str  # serialize's name for it
    media_type: str


def negotiate(form: str, accept: str | None, asked: str | None = None) -> Choice:
    """The format for an answer of `form` (select, ask, graph): ?format= if given and it
    fits, else the best of the Accept header; JSON results and Turtle when anything goes."""
    graph = form == "graph"
    if asked:
        names = FORMAT_NAMES.get(asked.lower())
        name = names and names[1 if graph else 0]
        if not name:
            raise Refused(406, f"format '{asked}' does not fit a {form.upper()} answer")
        return _choice(name, graph)
    offers = GRAPH_TYPES if graph else RESULT_TYPES
    for media_type in _ranked(accept or "*/*"):
        if media_type in offers:
            return _choice(offers[media_type], graph)
        if media_type in ("*/*", "application/*", "text/*"):
            default = "turtle" if graph else "json"
            if media_type == "text/*":
                default = "turtle" if graph else "csv"
            return _choice(default, graph)
    wanted = ", ".join(sorted(set(offers)))
    raise Refused(406, f"cannot answer a {form.upper()} query as {accept}; ask for one of "
                       f"{wanted}")


def _choice(name: str, graph: bool) -> Choice:
    return Choice(name, (serialize.RDF if graph else serialize.RESULTS)[name])


def _ranked(accept: str) -> list[str]:
    """Media types of an Accept header, best first (by q, then as written); q=0 left out."""
    ranked = []
    for position, item in enumerate(accept.split(",")):
        media_type, *params = [part.strip() for part in item.split(";")]
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media_type and q > 0:
            ranked.append((-q, position, media_type.lower()))
    return [media_type for _, _, media_type in sorted(ranked)]


def body(result, choice: Choice) -> bytes:
    """The answer in the chosen format."""
    if result.form == "graph":
        return serialize.graph_text(result, choice.format).encode("utf-8")
    write = {"json": serialize.results_json, "xml": serialize.results_xml,
             "csv": serialize.results_csv, "tsv": serialize.results_tsv}[choice.format]
    return write(result).encode("utf-8")
