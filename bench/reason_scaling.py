"""Reasoner time at several sizes of synthetic claims (bench/synthetic.py) on the embedded
store, and the time to bring the contradictions up to date after adding 1,000 more claims
(incremental reasoning over what they touch) against reasoning again from scratch.

    .venv/bin/python bench/reason_scaling.py [--claims 10000 100000]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import load_synthetic, synthetic_corpus  # noqa: E402

from kgraph.rdf.mapping import document_quads  # noqa: E402
from kgraph.reason import reason  # noqa: E402
from kgraph.store import open_store  # noqa: E402


def measure(claims: int) -> tuple[float, float, int, int]:
    """(load seconds, reason seconds, quads, contradictions) for a fresh store of `claims`."""
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "store") as store:
        start = time.perf_counter()
        load_synthetic(store, claims)
        loaded = time.perf_counter() - start
        start = time.perf_counter()
        found = reason(store)
        took = time.perf_counter() - start
        # new articles about the same story: their claims fall on the same propositions
        added = list(synthetic_corpus(1_000, seed=11, prefix="new", topics=claims // 4))
        for document, own in added:
            store.add(document_quads(document, own))
        start = time.perf_counter()
        reason(store, touched={c.proposition for _, own in added for c in own})
        incremental = time.perf_counter() - start
        start = time.perf_counter()
        reason(store)
        scratch = time.perf_counter() - start
        return loaded, took, len(store), len(found), incremental, scratch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    previous = None
    for n in args.claims:
        loaded, took, quads, found, incremental, scratch = measure(n)
        ratio = f"  x{took / previous[1]:.2f} for x{n / previous[0]:.0f} claims" if previous else ""
        print(f"{n:>8} claims  {quads:>9} quads  load {loaded:6.1f} s  reason {took:6.2f} s  "
              f"{found} contradictions{ratio}")
        print(f"{'':>8} +1,000 claims: incremental {incremental:6.2f} s, from scratch "
              f"{scratch:6.2f} s")
        previous = (n, took)


if __name__ == "__main__":
    main()
