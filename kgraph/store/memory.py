"""In-memory backend on rdflib's Dataset: for tests, small jobs and `kgraph build`."""
from __future__ import annotations

from typing import Iterable, Iterator

from rdflib import Dataset
from rdflib.term import URIRef

from kgraph.rdf.vocab import PREFIXES, with_prefixes
from kgraph.store.base import Answer, Quad, QueryError, Store, Triple, bind_prefixes


class MemoryStore(Store):
    def __init__(self) -> None:
        self._data = Dataset(default_union=True)
        bind_prefixes(self._data)

    def add(self, quads: Iterable[Quad]) -> None:
        quads = list(quads)  # materialise first so a failing generator adds nothing
        self._data.addN((s, p, o, self._data.graph(g)) for s, p, o, g in quads)

    def has_graph(self, graph: URIRef) -> bool:
        return len(self._data.graph(graph)) > 0

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        triples = list(triples)
        self._data.remove_graph(self._data.graph(graph))
        target = self._data.graph(graph)
        for triple in triples:
            target.add(triple)

    def update_graph(self, graph: URIRef, remove: Iterable[Triple], add: Iterable[Triple],
                     ) -> None:
        remove, add = list(remove), list(add)
        target = self._data.graph(graph)
        for triple in remove:
            target.remove(triple)
        for triple in add:
            target.add(triple)

    def select(self, sparql: str) -> list[dict]:
        result = self._data.query(with_prefixes(sparql))
        return [{str(k): v for k, v in row.asdict().items()} for row in result]

    def construct(self, sparql: str) -> list[Triple]:
        return list(self._data.query(with_prefixes(sparql)))

    def query(self, sparql: str) -> Answer:
        try:
            result = self._data.query(sparql, initNs=PREFIXES)
            if result.type == "ASK":
                return Answer(boolean=bool(result.askAnswer))
            if result.type in ("CONSTRUCT", "DESCRIBE"):
                return Answer(triples=tuple(result))
            return Answer(tuple(str(v) for v in result.vars),
                          tuple({str(k): v for k, v in row.asdict().items()} for row in result))
        except Exception as err:  # rdflib raises parser and evaluation errors of many kinds
            raise QueryError(f"SPARQL error: {' '.join(str(err).split())}") from None

    def quads(self) -> Iterator[Quad]:
        for s, p, o, g in self._data.quads((None, None, None, None)):
            graph = g.identifier if hasattr(g, "identifier") else g
            if graph is not None and graph != URIRef("urn:x-rdflib:default"):
                yield s, p, o, graph
