"""Embedded on-disk backend on Oxigraph (pyoxigraph): persistent, transactional, fast SPARQL,
and no server to run. The default for real use: `--store DIR`."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kgraph.rdf.vocab import PREFIXES, with_prefixes
from kgraph.store.base import Answer, Quad, QueryError, Store, StoreError, Triple


# IRIs repeat (predicates, classes, sources): converting each once spares rdflib's IRI check
# and a third of the time large CONSTRUCT results take to arrive as rdflib terms.
@lru_cache(maxsize=1 << 16)
def _ox_iri(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


@lru_cache(maxsize=1 << 16)
def _rdflib_iri(iri: str) -> URIRef:
    return URIRef(iri)


def to_ox(term: Node):
    if isinstance(term, URIRef):
        return _ox_iri(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_ox(term) -> Node:
    if isinstance(term, ox.NamedNode):
        return _rdflib_iri(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):  # a plain literal, as rdflib writes it
            return Literal(term.value)
        return Literal(term.value, datatype=_rdflib_iri(term.datatype.value))
    raise TypeError(f"not an RDF term: {term!r}")


def triple_of(triple: ox.Triple | ox.Quad) -> Triple:
    return from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)


def answer_of(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> Answer:
    """Any pyoxigraph query result (of the store, or parsed from a server's answer)."""
    if isinstance(result, ox.QueryBoolean):
        return Answer(boolean=bool(result))
    if isinstance(result, ox.QueryTriples):
        return Answer(triples=tuple(map(triple_of, result)))
    return Answer(tuple(v.value for v in result.variables), tuple(rows_of(result)))


def rows_of(solutions: ox.QuerySolutions) -> Iterator[dict[str, Node]]:
    """SELECT solutions as rows of rdflib terms; an unbound variable is left out of its row."""
    names = [v.value for v in solutions.variables]
    for row in solutions:
        yield {n: from_ox(row[n]) for n in names if row[n] is not None}


BULK = 10_000  # quads past which a derived graph takes the bulk loader


class OxigraphStore(Store):
    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._lock = self._store = None
        if read_only:  # for serving: no write can happen through this handle
            self._lock = _hold_lock(self.path)
            try:
                self._store = ox.Store.read_only(str(self.path))
            except OSError as err:
                self.close()
                raise StoreError(f"{self.path}: cannot open store: {err}") from err
            return
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path}: not a directory (a store is a folder)")
        if self.path.is_dir() and any(self.path.iterdir()) and not (self.path / "CURRENT").exists():
            # RocksDB, under Oxigraph, marks its folders with CURRENT; never fill a user's folder
            raise StoreError(f"{self.path}: folder holds other files and is not a kgraph store")
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(str(self.path))
        except OSError as err:
            if "lock" in str(err).lower():
                raise StoreError(f"{self.path}: store is in use by another kgraph process") from err
            raise StoreError(f"{self.path}: cannot open store: {err}") from err

    def add(self, quads: Iterable[Quad]) -> None:
        # extend() runs in one transaction: a killed process leaves none of these quads
        self._store.extend([ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g))
                            for s, p, o, g in quads])

    def has_graph(self, graph: URIRef) -> bool:
        pattern = self._store.quads_for_pattern(None, None, None, to_ox(graph))
        return next(iter(pattern), None) is not None

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        g = to_ox(graph)
        new = {ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in triples}
        old = set(self._store.quads_for_pattern(None, None, None, g))
        # Only the difference is written: reasoning again mostly finds what it found before,
        # and Oxigraph deletes slowly (a DROP of 300k quads costs more than reading them).
        # Not one transaction, as a SPARQL update would be: replaced graphs are derived ones
        # (inferred, lexicon) that the next run rebuilds.
        for quad in old - new:
            self._store.remove(quad)
        added = list(new - old)
        if len(added) > BULK:
            self._store.bulk_extend(added)  # the bulk loader: several times faster than extend
        else:
            self._store.extend(added)

    def update_graph(self, graph: URIRef, remove: Iterable[Triple], add: Iterable[Triple],
                     ) -> None:
        g = to_ox(graph)
        gone = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in remove]
        new = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in add]
        for quad in gone:
            self._store.remove(quad)
        self._store.extend(new)

    def select(self, sparql: str) -> list[dict]:
        return list(rows_of(self._store.query(with_prefixes(sparql),
                                              use_default_graph_as_union=True)))

    def construct(self, sparql: str) -> list[Triple]:
        triples = self._store.query(with_prefixes(sparql), use_default_graph_as_union=True)
        return list(map(triple_of, triples))

    def query(self, sparql: str) -> Answer:
        try:
            return answer_of(self._store.query(sparql, prefixes=PREFIXES,
                                               use_default_graph_as_union=True))
        except SyntaxError as err:  # the list of what was expected can run to 1,000 characters
            message = " ".join(str(err).split())
            message = message if len(message) <= 160 else message[:159] + "…"
            raise QueryError(f"SPARQL syntax error: {message}") from None
        except OSError as err:
            raise QueryError(f"query failed: {err}") from None

    def quads(self) -> Iterator[Quad]:
        for q in self._store.quads_for_pattern(None, None, None, None):
            if isinstance(q.graph_name, ox.DefaultGraph):
                continue
            yield *triple_of(q), from_ox(q.graph_name)

    def __len__(self) -> int:
        return len(self._store)

    def close(self) -> None:
        if self._store is not None:
            if not self.read_only:
                self._store.flush()
            self._store = None  # drops the handle, which releases the lock for other processes
        if self._lock is not None:
            self._lock.close()
            self._lock = None


def _hold_lock(path: Path):
    """Take RocksDB's own lock on the store, which a read-only open does not: a writer opening
    the store meanwhile (undefined behaviour for the reader) gets "store is in use" instead.
    Where there are no POSIX locks (Windows) the reader goes without."""
    try:
        import fcntl
    except ImportError:
        return None

    lock = (path / "LOCK").open("a")
    try:
        fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        lock.close()
        raise StoreError(f"{path}: store is in use by another kgraph process") from None
    return lock
