"""The one interface every store backend implements (and one contract test checks)."""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from rdflib import Dataset, Graph
from rdflib.term import Node, URIRef

from kgraph.files import write_atomic

Triple = tuple[Node, Node, Node]
Quad = tuple[Node, Node, Node, URIRef]


class StoreError(RuntimeError):
    """A store could not be opened, read or written."""


class QueryError(StoreError):
    """A query the store cannot parse or run (the store itself is fine)."""


@dataclass(frozen=True)
class Answer:
    """What any SPARQL query gives: rows (SELECT), a truth value (ASK) or triples (CONSTRUCT,
    DESCRIBE). `variables` keeps the SELECT order, unbound ones too; a row leaves out what
    it does not bind."""

    variables: tuple[str, ...] = ()
    rows: tuple[dict[str, Node], ...] = ()
    boolean: bool | None = None
    triples: tuple[Triple, ...] | None = None

    @property
    def form(self) -> str:
        """select, ask or graph (CONSTRUCT and DESCRIBE)."""
        if self.boolean is not None:
            return "ask"
        return "graph" if self.triples is not None else "select"


class Store(ABC):
    """A quad store that speaks SPARQL 1.1. Terms in and out are rdflib terms."""

    @abstractmethod
    def add(self, quads: Iterable[Quad]) -> None:
        """Add quads, all or nothing."""

    @abstractmethod
    def has_graph(self, graph: URIRef) -> bool:
        """Whether a named graph holds anything."""

    @abstractmethod
    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Make `graph` hold exactly `triples`. For derived graphs (inferred, lexicon) that the
        next run rebuilds: a backend may drop and refill in two steps."""

    @abstractmethod
    def update_graph(self, graph: URIRef, remove: Iterable[Triple], add: Iterable[Triple],
                     ) -> None:
        """Take `remove` out of `graph` and put `add` in (for a derived graph's delta)."""

    @abstractmethod
    def select(self, sparql: str) -> list[dict[str, Node]]:
        """Rows of a SELECT query; the default graph is the union of all graphs."""

    @abstractmethod
    def construct(self, sparql: str) -> list[Triple]:
        """Triples of a CONSTRUCT query."""

    @abstractmethod
    def query(self, sparql: str) -> Answer:
        """Any query form, for people's own queries: the standard prefixes predeclared (their
        line numbers in errors unchanged where the backend allows), the default graph the
        union of all graphs; a query that cannot be parsed or run raises QueryError."""

    @abstractmethod
    def quads(self) -> Iterator[Quad]:
        """Every quad in the store."""

    def close(self) -> None:
        """Release the store (files, locks, connections)."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return sum(1 for _ in self.quads())

    def dataset(self) -> Dataset:
        """The whole store as an rdflib Dataset (for export and small graphs), filled in sorted
        order so that serialising the same store gives the same bytes every time."""
        dataset = Dataset()
        bind_prefixes(dataset)
        for s, p, o, g in sorted(self.quads(), key=lambda q: (q[3], q[0], q[1], q[2])):
            dataset.graph(g).add((s, p, o))
        return dataset

    def export(self, path: Path, format: str = "trig") -> Path:
        """Serialise everything to `path` (trig, nquads, turtle, json-ld), atomically."""
        return write_atomic(path, self.serialize(format))

    def serialize(self, format: str = "trig") -> str:
        """Everything as text in an RDF format; TriG comes out the same for the same store."""
        from kgraph.rdf.trig import to_trig

        if format == "trig":
            return to_trig(self.dataset())
        if format in ("turtle", "nt", "xml"):  # formats without graphs: every triple, once
            graph = Graph()
            bind_prefixes(graph)
            for s, p, o, _ in self.quads():
                graph.add((s, p, o))
            return graph.serialize(format=format)
        return self.dataset().serialize(format=format)


def bind_prefixes(dataset: Dataset | Graph) -> None:
    from kgraph.rdf.vocab import PREFIXES

    for prefix, iri in PREFIXES.items():
        dataset.bind(prefix, iri, replace=True)
