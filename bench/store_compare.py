"""The embedded Oxigraph store against rdflib's in-memory store on the same graph: load time
and each named query's median time, at about 100k and 1M quads of synthetic claims
(bench/synthetic.py) with their contradictions.

    .venv/bin/python bench/store_compare.py [--triples 100000 1000000] [--cap 60]

Both stores get the same quads: the synthetic documents (load time: adding them, 100,000 at a
time), then what reasoning over them once (on Oxigraph) wrote, so the contradiction queries have
something to find. A median of 3 runs after a warm-up at 100k, a single run at 1M. Each
memory-store query runs in a forked child (sharing the loaded store), so a run past --cap
seconds can be stopped: it is reported as "> cap" and counts as the cap in the speed-up, which
is then a lower bound. `measure(triples)` returns the figures as a dict (`store_query_speedup`:
the geometric mean over the named queries of memory median / Oxigraph median) for `make bench`.
"""
from __future__ import annotations

import argparse
import math
import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_corpus  # noqa: E402

from kgraph.query import named_queries, run_query  # noqa: E402
from kgraph.rdf.mapping import document_quads  # noqa: E402
from kgraph.rdf.vocab import INFERRED_GRAPH, LEXICON_GRAPH  # noqa: E402
from kgraph.reason import reason  # noqa: E402
from kgraph.store import open_store  # noqa: E402

# values for the queries that take one: a busy source and a disputed proposition
PARAMS = {"claims-by-source": {"source": "Source 3"}, "source-timeline": {"source": "Source 3"},
          "claims-about": {"proposition": "Group 0 | encircled"},
          "contradictions-by-kind": {"kind": "negation"}}
DERIVED = (INFERRED_GRAPH, LEXICON_GRAPH)


def synthetic_store(store, triples: int) -> tuple[list, float]:
    """Fill `store` with documents of synthetic claims until there are about `triples` quads
    and reason over them; the documents' quads and the seconds they took to add."""
    quads: list = []
    for document, claims in synthetic_corpus(max(10, triples // 29)):
        quads += document_quads(document, claims)
    start = time.perf_counter()
    for i in range(0, len(quads), 100_000):  # as ingest adds them: a transaction at a time
        store.add(quads[i:i + 100_000])
    took = time.perf_counter() - start
    reason(store)
    return quads, took


def time_query(store, name: str, runs: int, warmed=None) -> float:
    """Median seconds of a named query over `runs` runs, after one run not counted when
    there are several (it warms caches, and rdflib parses the query)."""
    params = PARAMS.get(name, {})
    if runs > 1:
        run_query(store, name, **params)
    if warmed:
        warmed()
    took = []
    for _ in range(runs):
        start = time.perf_counter()
        run_query(store, name, **params)
        took.append(time.perf_counter() - start)
    return statistics.median(took)


def _child(store, name: str, runs: int, pipe) -> None:
    pipe.send(time_query(store, name, runs, warmed=lambda: pipe.send("warm")))


def capped_time(store, name: str, runs: int, cap: float) -> float | None:
    """time_query in a forked child (which shares the loaded store), stopped when a run
    passes `cap` seconds: then None."""
    receive, send = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=_child,
                                                        args=(store, name, runs, send))
    child.start()
    try:
        if not receive.poll(cap):  # the warm-up run, if any
            return None
        receive.recv()
        return receive.recv() if receive.poll(cap * runs) else None
    finally:
        child.kill()
        child.join()


def measure(triples: int, runs: int | None = None, cap: float = 60.0) -> dict:
    """Load time and named-query medians of both stores on about `triples` quads; with
    `store_query_speedup`, the geometric mean of memory median / Oxigraph median."""
    runs = runs or (3 if triples <= 200_000 else 1)
    names = [q.name for q in named_queries()]
    with tempfile.TemporaryDirectory() as folder:
        with open_store(Path(folder) / "s") as store:
            quads, oxigraph_load = synthetic_store(store, triples)
            oxigraph = {name: time_query(store, name, runs) for name in names}
            derived = [q for q in store.quads() if q[3] in DERIVED]
    with open_store("memory") as store:
        start = time.perf_counter()
        for i in range(0, len(quads), 100_000):
            store.add(quads[i:i + 100_000])
        memory_load = time.perf_counter() - start
        store.add(derived)  # the contradictions and lexicon, as reasoning left them
        memory = {name: capped_time(store, name, runs, cap) for name in names}
    ratios = [(memory[n] if memory[n] is not None else cap) / max(oxigraph[n], 1e-6)
              for n in oxigraph]
    return {
        "triples": len(quads) + len(derived), "runs": runs, "cap_seconds": cap,
        "oxigraph_load_seconds": oxigraph_load, "memory_load_seconds": memory_load,
        "oxigraph_query_seconds": oxigraph, "memory_query_seconds": memory,
        "memory_timeouts": [n for n, t in memory.items() if t is None],
        "store_query_speedup": math.exp(sum(map(math.log, ratios)) / len(ratios)),
    }


def table(result: dict) -> str:
    cap = result["cap_seconds"]
    lines = [f"{result['triples']:,} quads, median of {result['runs']} runs",
             f"  {'':24}{'oxigraph':>12}{'memory':>12}{'speed-up':>10}",
             f"  {'load':24}{result['oxigraph_load_seconds']:>11.2f}s"
             f"{result['memory_load_seconds'] or float('nan'):>11.2f}s"]
    for name, ox_seconds in result["oxigraph_query_seconds"].items():
        mem = result["memory_query_seconds"][name]
        shown = f"{mem:>11.3f}s" if mem is not None else f"{'> ' + format(cap, 'g') + 's':>12}"
        ratio = (mem if mem is not None else cap) / max(ox_seconds, 1e-6)
        lines.append(f"  {name:24}{ox_seconds:>11.3f}s{shown}{ratio:>9.0f}x"
                     + ("+" if mem is None else ""))
    lines.append(f"  store_query_speedup (geometric mean): {result['store_query_speedup']:.1f}x"
                 + (" (a lower bound: timeouts)" if result["memory_timeouts"] else ""))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--cap", type=float, default=60.0,
                        help="seconds a memory-store query may take per run")
    args = parser.parse_args()
    for triples in args.triples:
        print(table(measure(triples, cap=args.cap)), flush=True)


if __name__ == "__main__":
    main()
