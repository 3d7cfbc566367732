"""The whole path, from input files to an output folder: what the `kgraph` commands run.

ingest -> extract -> resolve -> rdf -> store -> reason -> render, each stage a library call.
"""
from __future__ import annotations

import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from kgraph.ingest import DEFAULT_MAX_SIZE, IngestError, read_inputs
from kgraph.models import Claim, Contradiction, Document, Proposition
from kgraph.rdf.iris import document_graph
from kgraph.rdf.mapping import document_quads
from kgraph.store import Store, open_store


class NothingRead(RuntimeError):
    """None of the inputs gave a document: nothing is built and no output is touched."""


@dataclass(frozen=True)
class IngestReport:
    documents: int  # read this time
    added: int  # new to the store (the rest were there already)
    claims: int
    errors: tuple[IngestError, ...] = ()
    propositions: frozenset[Proposition] = frozenset()  # what the new claims are about


@dataclass(frozen=True)
class BuildReport:
    ingest: IngestReport
    claims: Sequence[Claim]
    contradictions: Sequence[Contradiction]
    outputs: dict[str, Path] = field(default_factory=dict)


# `--workers auto` starts a second spaCy process only for inputs of at least this many
# documents: below it, starting the process costs more than it saves (docs/benchmarks.md)
AUTO_WORKERS_FROM = 30


def ingest(inputs: Iterable[str | Path], store: Store, model: str | None = None,
           on_error: Callable[[IngestError], None] = lambda e: None,
           skip: Iterable[Path] = (), max_size: int = DEFAULT_MAX_SIZE,
           on_progress: Callable[[int, int | None], None] = lambda done, total: None,
           workers: int | str = 1, batch_size: int = 32,
           dask_scheduler: str | None = None, shards: str | Path | None = None) -> IngestReport:
    """Read, extract and store every input; documents the store holds already are skipped, so
    ingesting the same input twice changes nothing. Folders in `skip` are not read; articles
    over `max_size` bytes are refused (read_inputs). `on_progress(done, total)` is told how
    many documents have gone to the parser.

    The inputs are read into a spill file on disk first; the documents then stream through
    spaCy in batches of `batch_size` (`workers` processes, or "auto") and their raw claims go to
    a second spill file, so memory stays flat however long the run. The names and topics that
    resolve/ needs from the whole corpus are gathered from it, then each document is resolved
    and stored in turn.

    With `dask_scheduler` (tcp://HOST:PORT) the extraction runs on that Dask cluster instead
    (kgraph.distribute), its N-Quads shards kept in `shards` when given."""
    if dask_scheduler:
        from kgraph.distribute import ingest_on_cluster

        return ingest_on_cluster(inputs, store, dask_scheduler, shards, model, skip, on_error,
                                 max_size)
    from kgraph.extract import extract_documents
    from kgraph.reason import await_reasoning
    from kgraph.resolve import corpus_context, resolve_claims

    seen: set[str] = set()  # by id: the same article twice is read once
    errors: list[IngestError] = []
    with _Spill() as unread, _Spill() as parsed:
        # read first (cheap next to the parse), so the total is known to the progress and to
        # `--workers auto`; the texts wait on disk
        for document in new_documents(read_inputs(inputs, skip=skip, max_size=max_size), seen,
                                      errors, on_error, stored(store)):
            unread.write(document)
        documents = _counted(unread.read(), len(unread), on_progress)
        ids = []
        for document, claims in extract_documents(documents, model, batch_size,
                                                  worker_count(len(unread), workers)):
            parsed.write((document, claims))
            ids.append(document.id)
        raw_claims = (claims for _, claims in parsed.read())
        corpus = corpus_context(raw_claims, (claims for _, claims in parsed.read()))
        # marked first: documents a killed run stored are reasoned over by the next run
        await_reasoning(store, ids)
        claims_added = 0
        propositions: set[Proposition] = set()
        for document, raw in parsed.read():  # one transaction per document: all of it or none
            claims = resolve_claims(raw, corpus)
            # claims about one proposition repeat its content: each quad is stored once
            store.add(dict.fromkeys(document_quads(document, claims)))
            claims_added += len(claims)
            propositions.update(c.proposition for c in claims)
    return IngestReport(len(seen), len(ids), claims_added, tuple(errors),
                        frozenset(propositions))


def new_documents(items: Iterable[Document | IngestError], seen: set[str],
                  errors: list[IngestError], on_error: Callable[[IngestError], None],
                  known: Callable[[str], bool]) -> Iterator[Document]:
    """The documents among `items` not in `seen` (the same article twice is read once) nor
    `known` by id (already stored); errors are kept in `errors` and reported to `on_error`."""
    for item in items:
        if isinstance(item, IngestError):
            errors.append(item)
            on_error(item)
        elif item.id not in seen:
            seen.add(item.id)
            if not known(item.id):
                yield item


def stored(store: Store) -> Callable[[str], bool]:
    """Whether the store holds a document, by id."""
    return lambda document_id: store.has_graph(document_graph(document_id))


def worker_count(documents: int, workers: int | str) -> int:
    """How many spaCy processes parse `documents` documents: "auto" is one below
    AUTO_WORKERS_FROM documents, else one per free core."""
    if workers != "auto":
        return max(1, int(workers))
    return free_cores() if documents >= AUTO_WORKERS_FROM else 1


def free_cores() -> int:
    """The cores this process may run on that other processes do not keep busy: on a machine
    whose cores are all taken, a second parser only waits for the first (docs/benchmarks.md).
    The load average counts the processes that want a core, this one among them."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    busy = int(os.getloadavg()[0]) if hasattr(os, "getloadavg") else 0
    return max(1, min(cores or 1, (cores or 1) - busy + 1))


class _Spill:
    """Records pickled one after another to a temporary file, to be read again (as many times
    as needed) without holding the corpus in memory."""

    def __enter__(self) -> _Spill:
        self.file = tempfile.TemporaryFile(prefix="kgraph-spill-")
        self.count = 0
        return self

    def __exit__(self, *exc) -> None:
        self.file.close()

    def __len__(self) -> int:
        return self.count

    def write(self, record: object) -> None:
        self.file.seek(0, os.SEEK_END)  # after a read
        pickle.dump(record, self.file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def read(self) -> Iterator:
        self.file.seek(0)
        for _ in range(self.count):
            yield pickle.load(self.file)


def _counted(documents: Iterable[Document], total: int,
             on_progress: Callable[[int, int | None], None]) -> Iterator[Document]:
    on_progress(0, total)
    for done, document in enumerate(documents, start=1):
        yield document
        on_progress(done, total)


def write_outputs(store: Store, out: Path, claims: Sequence[Claim],
                  contradictions: Sequence[Contradiction]) -> dict[str, Path]:
    """graph.html, graph.trig, claims.json, contradictions.json and camps.json for what
    `store` holds."""
    from kgraph.analyse import disputes, find_camps, signed_source_graph
    from kgraph.formats import camps_json, write_claims, write_contradictions, write_json
    from kgraph.render import build_display_graph, write_html

    camps = find_camps(signed_source_graph(claims, contradictions))
    page = build_display_graph(claims, contradictions, camps)
    out.mkdir(parents=True, exist_ok=True)
    return {
        "graph.html": write_html(page, out / "graph.html"),
        "graph.trig": store.export(out / "graph.trig", "trig"),
        "claims.json": write_claims(out / "claims.json", claims),
        "contradictions.json": write_contradictions(out / "contradictions.json", contradictions),
        "camps.json": write_json(out / "camps.json",
                                 camps_json(camps, disputes(contradictions, claims, camps))),
    }


def build(inputs: Iterable[str | Path], out: str | Path, store: str | Path = "memory",
          model: str | None = None, on_error: Callable[[IngestError], None] = lambda e: None,
          update_url: str | None = None, max_size: int = DEFAULT_MAX_SIZE,
          on_progress: Callable[[int, int | None], None] = lambda done, total: None,
          workers: int | str = 1, dask_scheduler: str | None = None,
          shards: str | Path | None = None) -> BuildReport:
    """Ingest `inputs` into `store`, reason, and write the outputs into `out`. With a store
    folder (or endpoint, `update_url` as in open_store) the outputs cover everything the store
    holds, not only this run's inputs. `max_size`, `on_progress`,
    `workers`, `dask_scheduler` and `shards` are as in `ingest`."""
    from kgraph.query.results import read_claims
    from kgraph.reason import reason

    out = Path(out)
    skip = [out] + ([Path(store)] if str(store) != "memory" else [])
    with open_store(store, update_url=update_url) as db:
        report = ingest(inputs, db, model=model, on_error=on_error, skip=skip,
                        max_size=max_size, on_progress=on_progress, workers=workers,
                        dask_scheduler=dask_scheduler, shards=shards)
        if report.documents == 0:
            raise NothingRead("no documents could be read; nothing was written")
        contradictions = reason(db)
        claims = read_claims(db)
        outputs = write_outputs(db, out, claims, contradictions)
    return BuildReport(report, claims, contradictions, outputs)
