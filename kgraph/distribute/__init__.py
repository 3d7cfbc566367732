"""distribute/: extraction spread over a Dask cluster, for corpora too big for one machine.

The client reads the inputs (cheap) and sends the documents in parts to the workers, which parse
them (the expensive step) and keep the parts' raw claims in their memory. resolve/ needs two
small facts about the whole corpus, its names and then its topics: each worker summarises its
parts, the client combines the summaries and sends the result back, and each worker resolves
its parts and writes one N-Quads shard per part. Any SPARQL store's bulk loader takes the
shards (docs/scaling.md), or `ingest_on_cluster` loads them into a kgraph store. The claims and
quads are exactly those of a single process.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from itertools import islice
from operator import or_
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from kgraph.ingest import IngestError, read_inputs
from kgraph.models import Claim, Document, Proposition

if TYPE_CHECKING:
    from distributed import Client

    from kgraph.pipeline import IngestReport
    from kgraph.resolve import Corpus, NamesSaid
    from kgraph.store import Store

Part = list[tuple[Document, list[Claim]]]  # documents with their raw claims, on a worker


@dataclass(frozen=True)
class Shards:
    """What a run on the cluster wrote: one N-Quads file per part of the corpus."""

    paths: tuple[Path, ...]  # none when the workers sent the quads back instead (`nquads`)
    documents: int  # distinct documents read
    ids: tuple[str, ...]  # ids of the documents extracted (not already in the store)
    claims: int
    errors: tuple[IngestError, ...] = ()
    propositions: frozenset[Proposition] = frozenset()
    nquads: tuple[str, ...] = ()  # each part's N-Quads, when there was no folder to write to


def extract_to_shards(inputs: Iterable[str | Path], folder: str | Path | None,
                      scheduler: str | Client, model: str | None = None,
                      part_size: int = 64, skip: Iterable[Path] = (),
                      on_error: Callable[[IngestError], None] = lambda e: None,
                      known: Callable[[str], bool] = lambda document_id: False,
                      max_size: int | None = None) -> Shards:
    """Extract the claims of `inputs` on the Dask cluster at `scheduler` (an address such as
    tcp://10.0.0.5:8786, or a Client) and write them as N-Quads into `folder`, one
    part-NNNNN.nq per `part_size` documents. Documents for which `known(id)` holds are skipped.
    The folder must be one the workers can write to (a shared disk on a real cluster); with
    `folder` None the workers send each part's N-Quads back to the client instead.
    `skip`, `on_error` and `max_size` are as in kgraph.pipeline.ingest."""
    from distributed import Client

    from kgraph.pipeline import new_documents

    if folder is not None:
        Path(folder).mkdir(parents=True, exist_ok=True)
    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        errors: list[IngestError] = []
        seen: set[str] = set()
        limit = {} if max_size is None else {"max_size": max_size}
        documents = new_documents(read_inputs(inputs, skip=skip, **limit), seen, errors,
                                  on_error, known)
        parts = [client.submit(_extract, part, model, pure=False)
                 for part in _batches(documents, part_size)]
        said: NamesSaid = reduce(or_, client.gather(client.map(_names, parts)), _no_names())
        named = _named_corpus(said)
        shared = client.scatter(named, broadcast=True)  # sent to each worker once
        corpus = named.add_topics(client.gather(client.map(_topics, parts, corpus=shared)))
        shared = client.scatter(corpus, broadcast=True)
        paths = [None if folder is None else Path(folder) / f"part-{i:05d}.nq"
                 for i in range(len(parts))]
        written = client.gather(client.map(_write, parts, paths, corpus=shared))
    finally:
        if client is not scheduler:
            client.close()
    return Shards(tuple(p for p in paths if p is not None), len(seen),
                  tuple(i for ids, *_ in written for i in ids), sum(n for _, n, *_ in written),
                  tuple(errors), frozenset(p for _, _, found, _ in written for p in found),
                  tuple(text for *_, text in written if text is not None))


def ingest_on_cluster(inputs: Iterable[str | Path], store: Store, scheduler: str | Client,
                      shards: str | Path | None = None, model: str | None = None,
                      skip: Iterable[Path] = (),
                      on_error: Callable[[IngestError], None] = lambda e: None,
                      max_size: int | None = None) -> IngestReport:
    """As kgraph.pipeline.ingest, with the extraction on the cluster: the parts' quads (kept
    as files in `shards` when given, else sent back by the workers) are then loaded into
    `store`, one transaction a part."""
    from kgraph.pipeline import IngestReport, stored
    from kgraph.reason import await_reasoning

    written = extract_to_shards(inputs, shards, scheduler, model, skip=skip, on_error=on_error,
                                known=stored(store), max_size=max_size)
    await_reasoning(store, list(written.ids))
    for path in written.paths:
        store.add(read_nquads(path))
    for text in written.nquads:
        store.add(read_nquads(data=text))
    return IngestReport(written.documents, len(written.ids), written.claims, written.errors,
                        written.propositions)


def read_nquads(path: Path | None = None, data: str | None = None) -> list[tuple]:
    """The quads of an N-Quads file (or text), as rdflib terms with the graph's IRI."""
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(path, data=data, format="nquads")
    return [(s, p, o, g.identifier if hasattr(g, "identifier") else g)
            for s, p, o, g in dataset.quads()]


def _batches(documents: Iterator[Document], size: int) -> Iterator[list[Document]]:
    while batch := list(islice(documents, size)):
        yield batch


# What runs on the workers: module-level functions, so Dask sends them by name.

def _extract(documents: list[Document], model: str | None) -> Part:
    from kgraph.extract import extract_documents

    return list(extract_documents(documents, model))


def _names(part: Part) -> NamesSaid:
    from kgraph.resolve import names_said

    return names_said([c for _, claims in part for c in claims])


def _topics(part: Part, corpus: Corpus):
    return corpus.topics_of([c for _, claims in part for c in claims])


def _write(part: Part, path: Path | None, corpus: Corpus
           ) -> tuple[list[str], int, set[Proposition], str | None]:
    """Resolve the part's claims and write its quads to `path`: (document ids, claims,
    propositions, and the N-Quads themselves when there is no path)."""
    from rdflib import Dataset

    from kgraph.rdf.mapping import document_quads
    from kgraph.resolve import resolve_claims

    dataset = Dataset()
    claims = 0
    propositions: set[Proposition] = set()
    for document, raw in part:
        resolved = resolve_claims(raw, corpus)
        claims += len(resolved)
        propositions.update(c.proposition for c in resolved)
        dataset.addN((s, p, o, dataset.graph(g)) for s, p, o, g in
                     document_quads(document, resolved))
    ids = [document.id for document, _ in part]
    if path is None:
        return ids, claims, propositions, dataset.serialize(format="nquads")
    dataset.serialize(destination=str(path), format="nquads", encoding="utf-8")
    return ids, claims, propositions, None


def _no_names() -> NamesSaid:
    from kgraph.resolve import NamesSaid

    return NamesSaid()


def _named_corpus(said: NamesSaid) -> Corpus:
    from kgraph.resolve import Corpus

    return Corpus.named(said)
