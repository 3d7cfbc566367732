"""TriG with its graphs in a fixed order, so the same store always gives the same file
(rdflib writes the graphs in the order of a set, which differs from run to run)."""
from __future__ import annotations

import io

from rdflib import Dataset
from rdflib.plugins.serializers.trig import TrigSerializer


class _SortedTrigSerializer(TrigSerializer):
    def __init__(self, store: Dataset) -> None:
        super().__init__(store)
        self.contexts.sort(key=lambda graph: str(graph.identifier))


def to_trig(dataset: Dataset) -> str:
    """The dataset as TriG, graphs in IRI order (rdflib orders the subjects inside each)."""
    stream = io.BytesIO()
    _SortedTrigSerializer(dataset).serialize(stream, encoding="utf-8")
    return stream.getvalue().decode("utf-8")
