"""Build the contradiction graph of a folder of articles and list what kgraph found.

    python examples/build_and_list.py [FOLDER] [OUT]

FOLDER defaults to examples/kursk and OUT to out/<folder name>. Prints every claim (who,
stance, proposition, date) and every contradiction with its one-line explanation.
"""
from __future__ import annotations

import sys
from pathlib import Path

from kgraph.pipeline import build

HERE = Path(__file__).resolve().parent


def main(folder: Path, out: Path) -> None:
    report = build([folder], out)
    print(f"{report.ingest.documents} documents, {len(report.claims)} claims, "
          f"{len(report.contradictions)} contradictions; graph in {report.outputs['graph.html']}")
    print("\nClaims:")
    for claim in report.claims:
        print(f"  {claim.source.name:30} {claim.stance.value:8} {claim.proposition.label}"
              f"  ({claim.date or 'undated'})")
    print("\nContradictions:")
    for contradiction in report.contradictions:
        print(f"  [{contradiction.kind}] {contradiction.explanation}")


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "kursk"
    main(folder, Path(sys.argv[2]) if len(sys.argv) > 2 else Path("out") / folder.name)
