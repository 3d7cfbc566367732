"""The whole path, from input files to an output folder: what the `kgraph` commands run.

ingest -> extract -> resolve -> rdf -> store -> reason -> render, each stage a library call.
"""
from __future__ import annotations

from collections import defaultdict
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


def ingest(inputs: Iterable[str | Path], store: Store, model: str | None = None,
           on_error: Callable[[IngestError], None] = lambda e: None,
           skip: Iterable[Path] = (), max_size: int = DEFAULT_MAX_SIZE,
           on_progress: Callable[[int, int | None], None] = lambda done, total: None,
           ) -> IngestReport:
    """Read, extract and store every input; documents the store holds already are skipped, so
    ingesting the same input twice changes nothing. Folders in `skip` are not read; articles
    over `max_size` bytes are refused (read_inputs). `on_progress(done, total)` is told how
    many documents have gone to the parser (total None while it is not known)."""
    from kgraph.extract import extract_claims
    from kgraph.reason import await_reasoning
    from kgraph.resolve import resolve_claims

    documents: dict[str, Document] = {}  # by id: the same article twice is read once
    errors: list[IngestError] = []
    for item in read_inputs(inputs, skip=skip, max_size=max_size):
        if isinstance(item, IngestError):
            errors.append(item)
            on_error(item)
        else:
            documents.setdefault(item.id, item)
    new = [d for d in documents.values() if not store.has_graph(document_graph(d.id))]
    parsing = _counted(new, on_progress)
    claims = resolve_claims(list(extract_claims(parsing, model=model))) if new else []
    by_document: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_document[claim.document].append(claim)
    # marked first: documents a killed run stored are reasoned over by the next run
    await_reasoning(store, [d.id for d in new])
    for document in new:  # one transaction per document: all of it or none of it
        store.add(document_quads(document, by_document[document.id]))
    return IngestReport(len(documents), len(new), len(claims), tuple(errors),
                        frozenset(c.proposition for c in claims))


def _counted(documents: Sequence[Document],
             on_progress: Callable[[int, int | None], None]) -> Iterator[Document]:
    on_progress(0, len(documents))
    for done, document in enumerate(documents, start=1):
        yield document
        on_progress(done, len(documents))


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
          ) -> BuildReport:
    """Ingest `inputs` into `store`, reason, and write the outputs into `out`. With a store
    folder (or endpoint, `update_url` as in open_store) the outputs cover everything the store
    holds, not only this run's inputs. `max_size` and `on_progress` are as in `ingest`."""
    from kgraph.query.results import read_claims
    from kgraph.reason import reason

    out = Path(out)
    skip = [out] + ([Path(store)] if str(store) != "memory" else [])
    with open_store(store, update_url=update_url) as db:
        report = ingest(inputs, db, model=model, on_error=on_error, skip=skip,
                        max_size=max_size, on_progress=on_progress)
        if report.documents == 0:
            raise NothingRead("no documents could be read; nothing was written")
        contradictions = reason(db)
        claims = read_claims(db)
        outputs = write_outputs(db, out, claims, contradictions)
    return BuildReport(report, claims, contradictions, outputs)
