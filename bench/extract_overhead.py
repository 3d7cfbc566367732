"""How much kgraph's extraction costs on top of spaCy's own parse.

Parses a corpus of a few hundred articles once with the bare pipeline (`nlp.pipe`), then runs
kgraph's stages after the parse (claims_from_doc and resolve_claims) over the same parsed docs,
and prints both times and their ratio. The corpus is our own example and test articles,
repeated with a varying first line so no two texts are identical.

    .venv/bin/python bench/extract_overhead.py [--articles 300]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from kgraph.extract import claims_from_doc
from kgraph.extract.model import load_model
from kgraph.ingest import IngestError, read_inputs
from kgraph.models import Document
from kgraph.resolve import resolve_claims

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "examples", ROOT / "tests" / "fixtures" / "articles"]


def corpus(size: int) -> list[Document]:
    base = [d for d in read_inputs(SOURCES) if not isinstance(d, IngestError)]
    return [Document(id=f"d-{i}", name=f"{i}-{d.name}", date=d.date,
                     text=f"Dispatch {i}.\n\n{d.text}")
            for i, d in zip(range(size), (base * (size // len(base) + 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    documents = corpus(args.articles)
    nlp = load_model()
    list(nlp.pipe([documents[0].text]))  # warm up

    start = time.perf_counter()
    docs = list(nlp.pipe((d.text for d in documents), batch_size=args.batch_size))
    parse = time.perf_counter() - start

    start = time.perf_counter()
    claims = [c for doc, d in zip(docs, documents) for c in claims_from_doc(doc, d)]
    resolved = resolve_claims(claims)
    after = time.perf_counter() - start

    characters = sum(len(d.text) for d in documents)
    print(f"articles: {len(documents)}  characters: {characters:,}  claims: {len(resolved)}")
    print(f"spaCy parse (nlp.pipe):        {parse:7.2f} s")
    print(f"kgraph after the parse:        {after:7.2f} s")
    print(f"ratio after-parse / parse:     {after / parse:7.3f}  (goal: under 0.333)")


if __name__ == "__main__":
    main()
