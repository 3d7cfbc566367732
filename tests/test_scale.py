"""Scale: resolving a corpus in parts, streaming ingest, --workers, and the Dask cluster all give
exactly the claims and quads of one pass over the whole corpus in one process."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli import main
from kgraph.models import Claim, Document, Proposition, Source, Stance, TextSpan
from kgraph.pipeline import AUTO_WORKERS_FROM, free_cores, ingest, worker_count
from kgraph.rdf.mapping import document_quads
from kgraph.rdf.vocab import INFERRED_GRAPH, LEXICON_GRAPH, PENDING_GRAPH
from kgraph.resolve import corpus_context, resolve_claims
from kgraph.store import open_store

ARTICLES = Path(__file__).parent / "fixtures" / "articles"


def _claim(id: str, doc: Document, label: str, kind: str, subject: str, relation: str,
           obj: str | None = None, stance: Stance = Stance.ASSERTS, name: str = "") -> Claim:
    return Claim(id, Source(name or label, label, kind), stance,
                 Proposition(subject, relation, obj), TextSpan(0, len(doc.text), doc.text),
                 doc.id, doc.name, date=doc.date)


def _documents() -> list[tuple[Document, list[Claim]]]:
    """Three articles whose claims need each other: a surname completed from another article,
    a title only one person holds, and a bare "the offensive" that only one article names."""
    a = Document("d-a", "a.txt", "Minister Hal Brenner spoke.", date="2025-04-02")
    b = Document("d-b", "b.txt", "Brenner spoke again.", date="2025-04-03")
    c = Document("d-c", "c.txt", "The defence minister spoke.", date="2025-04-04")
    return [
        (a, [_claim("c-1", a, "Defence Minister Hal Brenner", "person",
                    "the Tarvo offensive", "achieved", "its goals", name="Hal Brenner")]),
        (b, [_claim("c-2", b, "Brenner", "person", "the offensive", "achieved", "the goals"),
             _claim("c-3", b, "the Lowland Front", "group", "Brenner", "won",
                    stance=Stance.DENIES)]),
        (c, [_claim("c-4", c, "the defence minister", "person", "Ostrava", "captured")]),
    ]


def test_resolving_one_document_at_a_time_equals_resolving_the_corpus():
    parts = [claims for _, claims in _documents()]
    whole = resolve_claims([c for part in parts for c in part])
    corpus = corpus_context(parts)
    in_parts = [c for part in parts for c in resolve_claims(part, corpus)]

    assert in_parts == whole
    # and the corpus really was needed: alone, the second article knows neither name nor topic
    alone = resolve_claims(parts[1])
    assert alone != in_parts[1:3]
    assert {c.source.name for c in whole} == {"Hal Brenner", "Lowland Front"}
    assert whole[1].proposition == whole[0].proposition


def test_auto_workers_is_one_process_for_small_inputs():
    assert worker_count(AUTO_WORKERS_FROM - 1, "auto") == 1
    assert worker_count(AUTO_WORKERS_FROM, "auto") == free_cores()
    assert worker_count(5, 3) == 3


def test_free_cores_leaves_out_the_cores_others_keep_busy(monkeypatch):
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    for load, expected in [(0.2, 4), (1.1, 4), (2.5, 3), (4.0, 1), (9.0, 1)]:
        monkeypatch.setattr("os.getloadavg", lambda load=load: (load, load, load))
        assert free_cores() == expected


@pytest.mark.parametrize("options, message", [
    (["--workers", "none"], "neither a number"),
    (["--shards", "shards"], "--shards needs --dask-scheduler"),
])
def test_cluster_options_are_checked(tmp_path, options, message):
    result = CliRunner().invoke(main, ["ingest", str(ARTICLES), "--store", "memory", *options])
    assert result.exit_code == 2 and message in result.output


def _quads(store) -> set:
    """What the documents say: not what awaits reasoning, the reasoner's results or lexicon."""
    return {q for q in store.quads()
            if q[3] not in (PENDING_GRAPH, INFERRED_GRAPH, LEXICON_GRAPH)}


def _one_pass(paths) -> set:
    """The quads of the old path: every document extracted and resolved at once."""
    from kgraph.extract import extract_claims
    from kgraph.ingest import read_inputs

    documents = list({d.id: d for d in read_inputs(paths) if isinstance(d, Document)}.values())
    by_document = defaultdict(list)
    for claim in resolve_claims(list(extract_claims(documents))):
        by_document[claim.document].append(claim)
    with open_store("memory") as store:
        for document in documents:
            store.add(document_quads(document, by_document[document.id]))
        return _quads(store)


@pytest.fixture(scope="module")
def one_pass() -> set:
    return _one_pass([ARTICLES])


@pytest.mark.model
@pytest.mark.parametrize("workers, batch_size", [(1, 2), (2, 3)])
def test_streaming_ingest_equals_one_pass(one_pass, workers, batch_size):
    with open_store("memory") as store:
        report = ingest([ARTICLES], store, workers=workers, batch_size=batch_size)
        assert report.added == 8 and report.claims > 30
        assert _quads(store) == one_pass
        again = ingest([ARTICLES], store, workers=workers)  # idempotent
        assert (again.added, again.claims) == (0, 0)


@pytest.mark.model
def test_dask_cluster_writes_the_quads_of_one_process(one_pass, tmp_path):
    distributed = pytest.importorskip("distributed")
    from kgraph.distribute import extract_to_shards, read_nquads

    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        shards = extract_to_shards([ARTICLES], tmp_path / "shards", client, part_size=3)
        assert len(shards.paths) == 3 and shards.documents == 8
        with open_store("memory") as store:
            for path in shards.paths:
                store.add(read_nquads(path))
            assert _quads(store) == one_pass
        # the same through the command line, straight into a store
        result = CliRunner().invoke(main, [
            "ingest", str(ARTICLES), "--store", str(tmp_path / "db"),
            "--dask-scheduler", cluster.scheduler_address])
        assert result.exit_code == 0, result.output
        assert f"claims added: {shards.claims}" in result.output
    with open_store(tmp_path / "db") as store:
        assert _quads(store) == one_pass
