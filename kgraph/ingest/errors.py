"""How ingest reports an input it cannot read: as a value, so a batch goes on past a bad file."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IngestError:
    """One input (a file, or one line of a JSONL file) that yielded no document."""

    source: str  # the path as the user can find it, plus ":LINE" for a JSONL line
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"
