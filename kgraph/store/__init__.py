"""store/: one interface (base.Store), chosen by `--store S`:

- a directory: embedded Oxigraph on disk (persistent; the default for real use);
- `memory`: rdflib's in-memory Dataset (tests, one-shot builds).
"""
from __future__ import annotations

from pathlib import Path

from kgraph.store.base import Store, StoreError

__all__ = ["Store", "StoreError", "open_store"]


def open_store(spec: str | Path, create: bool = True) -> Store:
    """Open the store `spec` names: "memory" or a directory path (made on first use unless
    `create` is false, so a mistyped path in a read-only command is an error, not a new
    empty store)."""
    if str(spec) == "memory":
        from kgraph.store.memory import MemoryStore

        return MemoryStore()
    if str(spec).startswith(("http://", "https://")):
        raise StoreError(f"{spec}: remote SPARQL stores are not supported yet")
    from kgraph.store.oxigraph import OxigraphStore

    if not create and not (Path(spec) / "CURRENT").exists():
        raise StoreError(f"{spec}: no kgraph store here (create one with 'kgraph ingest')")
    return OxigraphStore(Path(spec))
