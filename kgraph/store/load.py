"""Import: RDF files into a store, in one transaction per file.

Formats by extension (or given): TriG, N-Quads, Turtle, N-Triples, N3, JSON-LD, RDF/XML.
Files are read as text and parsed from memory, never fetched by name: nothing an import file
says can make kgraph open another file or the network. RDF/XML with a DOCTYPE or ENTITY
declaration (entity expansion, external entities) and JSON-LD whose @context (or @import) is
not inline are refused before parsing.

Triples of a format without graphs (Turtle, N-Triples, RDF/XML, a JSON-LD default graph) go
into one named graph, `graph` or one named after the file, so importing the same file twice
changes nothing. Blank nodes become skolem IRIs (RDF 1.1, section 3.5) labelled from the
graph's canonical form (rdflib.compare), so the same content gets the same IRIs on every
import and on every backend, where blank nodes would be new nodes each time (a SPARQL
server gives each request's blank nodes their own identity).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterable, Iterator

from rdflib import BNode, Dataset, Graph, URIRef

from kgraph.rdf.iris import slug
from kgraph.store.base import Quad, Store, StoreError

FORMATS = {".trig": "trig", ".nq": "nquads", ".nquads": "nquads", ".ttl": "turtle",
           ".turtle": "turtle", ".nt": "nt", ".n3": "n3", ".jsonld": "json-ld",
           ".json": "json-ld", ".rdf": "xml", ".owl": "xml", ".xml": "xml"}
NAMES = {"trig": "trig", "nquads": "nquads", "turtle": "turtle", "nt": "nt", "ntriples": "nt",
         "n3": "n3", "jsonld": "json-ld", "json-ld": "json-ld", "rdfxml": "xml", "xml": "xml"}
GENID = "https://w3id.org/kgraph/.well-known/genid/"
IMPORTED = "https://w3id.org/kgraph/id/graph/import/"


class LoadError(StoreError):
    """A file that cannot be imported: which file, and why."""


def import_files(store: Store, paths: Iterable[Path], format: str | None = None,
                 graph: URIRef | None = None) -> int:
    """Add every file's quads to `store`, a file at a time (all of a file or none of it);
    the number of quads read."""
    total = 0
    for path in map(Path, paths):
        quads = list(read_quads(path, format, graph))
        store.add(quads)
        total += len(quads)
    return total


def read_quads(path: Path, format: str | None = None,
               graph: URIRef | None = None) -> Iterator[Quad]:
    """The quads of one file, blank nodes skolemised, triples outside a graph in `graph`."""
    fmt = file_format(path, format)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise LoadError(f"{path}: not UTF-8 text") from None
    except OSError as err:
        raise LoadError(f"{path}: {err.strerror or err}") from None
    if fmt == "xml":
        refuse_xml_declarations(path, text)
    if fmt == "json-ld":
        refuse_remote_contexts(path, text)
    dataset = Dataset()
    try:
        dataset.parse(data=text, format=fmt, publicID=path.resolve().as_uri())
    except Exception as err:  # rdflib's parsers raise errors of many kinds
        raise LoadError(f"{path}: not {fmt}: {' '.join(str(err).split())[:200]}") from None
    default = graph or URIRef(IMPORTED + slug(path.name))
    for context in dataset.graphs():
        name = context.identifier
        if name == dataset.default_graph.identifier or isinstance(name, BNode):
            name = default
        for s, p, o in skolemised(context, name):
            yield s, p, o, name


def file_format(path: Path, format: str | None) -> str:
    if format:
        if format.lower() not in NAMES:
            raise LoadError(f"{path}: unknown format '{format}' "
                            f"(one of {', '.join(sorted(NAMES))})")
        return NAMES[format.lower()]
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise LoadError(f"{path}: cannot tell the format from '{suffix or 'no extension'}'; "
                        "give --format")
    return FORMATS[suffix]


def skolemised(graph: Graph, name: URIRef) -> Iterator[tuple]:
    """The triples of `graph`, each blank node replaced by an IRI from its canonical label."""
    if not any(isinstance(t, BNode) for triple in graph for t in triple):
        yield from graph
        return
    from rdflib.compare import to_canonical_graph

    base = GENID + hashlib.sha1(str(name).encode()).hexdigest()[:12] + "/"
    for triple in to_canonical_graph(graph):
        yield tuple(URIRef(base + str(t)) if isinstance(t, BNode) else t for t in triple)


def refuse_xml_declarations(path: Path, text: str) -> None:
    """Refuse RDF/XML with a DOCTYPE or an ENTITY declaration, read by expat itself."""
    import xml.parsers.expat

    parser = xml.parsers.expat.ParserCreate()

    def refuse(*_: object) -> None:
        raise LoadError(f"{path}: RDF/XML with a DOCTYPE or ENTITY declaration is refused "
                        "(entities can read files or expand without end)")

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(text, True)
    except xml.parsers.expat.ExpatError as err:
        raise LoadError(f"{path}: not XML: {err}") from None


def refuse_remote_contexts(path: Path, text: str) -> None:
    """Refuse JSON-LD whose @context, anywhere, names a document (a URL or a file) or
    @imports one: only inline contexts, so reading it fetches nothing."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise LoadError(f"{path}: not JSON: {err}") from None

    def walk(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key == "@context":
                    for context in value if isinstance(value, list) else [value]:
                        if isinstance(context, str) or (isinstance(context, dict)
                                                        and "@import" in context):
                            raise LoadError(f"{path}: JSON-LD with a remote or file @context "
                                            f"is refused (nothing is fetched): {context!r:.80}")
                walk(value)

    walk(data)
