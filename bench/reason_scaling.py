"""Reasoner time at N and 2N synthetic claims (bench/synthetic.py), on the embedded store.

    .venv/bin/python bench/reason_scaling.py [--claims 10000 100000]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_corpus  # noqa: E402

from kgraph.rdf.mapping import document_quads  # noqa: E402
from kgraph.reason import reason  # noqa: E402
from kgraph.store import open_store  # noqa: E402


def measure(claims: int) -> tuple[float, float, int, int]:
    """(load seconds, reason seconds, quads, contradictions) for a fresh store of `claims`."""
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "store") as store:
        start = time.perf_counter()
        batch = []
        for document, own in synthetic_corpus(claims):
            batch += document_quads(document, own)
            if len(batch) > 200_000:
                store.add(batch)
                batch = []
        store.add(batch)
        loaded = time.perf_counter() - start
        start = time.perf_counter()
        found = reason(store)
        return loaded, time.perf_counter() - start, len(store), len(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    previous = None
    for n in args.claims:
        loaded, took, quads, found = measure(n)
        ratio = f"  x{took / previous[1]:.2f} for x{n / previous[0]:.0f} claims" if previous else ""
        print(f"{n:>8} claims  {quads:>9} quads  load {loaded:6.1f} s  reason {took:6.2f} s  "
              f"{found} contradictions{ratio}")
        previous = (n, took)


if __name__ == "__main__":
    main()
