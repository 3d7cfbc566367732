"""Split the sources of a built graph into camps, and show which camp holds which side.

    python examples/camps.py [FOLDER]

Builds FOLDER (default examples/vellmark-election) in memory, makes the signed source graph
(sources joined by agreement, +, and opposition, -) and splits it by structural balance.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from kgraph.analyse import disputes, find_camps, signed_source_graph
from kgraph.pipeline import build

HERE = Path(__file__).resolve().parent


def main(folder: Path) -> None:
    with tempfile.TemporaryDirectory() as out:
        report = build([folder], out)
    graph = signed_source_graph(report.claims, report.contradictions)
    print(f"{graph.number_of_nodes()} sources, {graph.number_of_edges()} signed edges")
    for a, b, edge in sorted(graph.edges(data=True)):
        print(f"  {a} {'+' if edge['weight'] > 0 else '-'} {b}"
              f"  (agree {edge['agree']}, disagree {edge['disagree']})")
    camps = find_camps(graph)
    print("\nCamps:")
    for camp in camps:
        print(f"  {camp.id}: {', '.join(camp.sources)}")
    print("\nDisputes:")
    for dispute in disputes(report.contradictions, report.claims, camps):
        sides = " vs ".join("/".join(side) or "-" for side in dispute.camps)
        print(f"  {dispute.proposition} ({dispute.kind}): {sides}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "vellmark-election")
