"""Keep a graph in a store, add articles to it, and ask it questions in SPARQL.

    python examples/query_contradictions.py [FOLDER] [STORE]

Ingests FOLDER (default examples/vellmark-election) into STORE ("memory" unless a folder is
given: then an on-disk store kept between runs, and a second run adds nothing), reasons, and
runs two queries of its own: the contradictions by kind, and for each contradiction the sources
on every side; then one of kgraph's named queries, with a parameter. The ontology's prefixes
(kg:, prov:, skos:, rdfs: ...) are predeclared.
"""
from __future__ import annotations

import sys
from pathlib import Path

from kgraph.pipeline import ingest
from kgraph.query import run_query
from kgraph.reason import reason
from kgraph.store import open_store

HERE = Path(__file__).resolve().parent

BY_KIND = """
SELECT ?kind (COUNT(DISTINCT ?x) AS ?n) WHERE {
  ?x a kg:Contradiction ; kg:kind ?kind .
} GROUP BY ?kind ORDER BY DESC(?n) ?kind
"""

SIDES = """
SELECT ?x ?label ?position (GROUP_CONCAT(DISTINCT ?name; separator=", ") AS ?sources) WHERE {
  ?x a kg:Contradiction ; rdfs:label ?label ; kg:hasSide ?side .
  ?side kg:position ?position ; kg:includesClaim ?claim .
  ?claim prov:wasAttributedTo/skos:prefLabel ?name .
} GROUP BY ?x ?label ?position ORDER BY ?label ?x ?position
"""


def local(term: object) -> str:
    """kg:NumericConflict -> NumericConflict"""
    return str(term).rsplit("#", 1)[-1]


def main(folder: Path, store: str) -> None:
    with open_store(store) as db:
        report = ingest([folder], db)
        reason(db)
        print(f"Read {report.documents} documents ({report.added} new), "
              f"{report.claims} new claims; the store holds {len(db)} quads.")
        print("\nContradictions by kind:")
        for row in db.select(BY_KIND):
            print(f"  {local(row['kind']):16} {row['n']}")
        print("\nWho is on each side:")
        sides: dict[tuple, list[str]] = {}  # one line per contradiction, its sides in order
        for row in db.select(SIDES):
            sides.setdefault((row["x"], row["label"]), []).append(
                f"{row['position']} ({row['sources']})")
        for (_, label), positions in sides.items():
            print(f"  {label}: " + " vs ".join(positions))
        print("\nMost disputed (the named query most-disputed):")
        for row in run_query(db, "most-disputed"):
            print(f"  {row['proposition']}: {row['sources']} sources, {row['claims']} claims")
        print("\nNumeric contradictions (contradictions-by-kind, kind=numeric):")
        for row in run_query(db, "contradictions-by-kind", kind="numeric"):
            print(f"  {row['explanation']}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "vellmark-election",
         sys.argv[2] if len(sys.argv) > 2 else "memory")
