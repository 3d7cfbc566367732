"""Peak memory and time of extracting the claims of one long text (a live blog).

Builds a text of CHARS characters from short attributed paragraphs, parses it in pieces of
PIECE characters (kgraph.extract.MAX_PIECE, 20,000 by default) and prints the claims found,
the time and the process's peak memory.

    .venv/bin/python bench/long_text.py [--chars 1000000] [--piece 20000]
"""
from __future__ import annotations

import argparse
import resource
import time

import kgraph.extract
from kgraph.extract.model import load_model
from kgraph.models import Document

TOWNS = ["Amberly", "Brightwater", "Coldharbour", "Dunmere", "Eastwick", "Fernhill"]


def live_blog(chars: int) -> str:
    paragraphs: list[str] = []
    while sum(map(len, paragraphs)) < chars:
        town = TOWNS[len(paragraphs) % len(TOWNS)]
        paragraphs.append(f"The {town} council said that the bridge at {town} was closed on day "
                          f"{len(paragraphs)}. Residents of {town} denied that the road was "
                          "flooded.")
    return "\n\n".join(paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--piece", type=int, default=kgraph.extract.MAX_PIECE)
    args = parser.parse_args()
    text = live_blog(args.chars)
    load_model(None)
    kgraph.extract.MAX_PIECE = args.piece
    start = time.perf_counter()
    claims = sum(1 for _ in kgraph.extract.extract_claims([Document("d-blog", "blog", text)]))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6  # kB on Linux -> GB
    print(f"{len(text):,} characters in pieces of {args.piece:,}: {claims:,} claims in "
          f"{time.perf_counter() - start:.0f} s, peak memory {peak:.2f} GB")


if __name__ == "__main__":
    main()
