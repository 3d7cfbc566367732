"""store/: one interface (base.Store), chosen by `--store S`:

- a directory: embedded Oxigraph on disk (persistent; the default for real use);
- `memory`: rdflib's in-memory Dataset (tests, one-shot builds);
- an http(s) URL: a SPARQL 1.1 endpoint such as an Oxigraph or Fuseki server (remote.py).
"""
from __future__ import annotations

from pathlib import Path

from kgraph.store.base import Answer, QueryError, Store, StoreError

__all__ = ["Answer", "QueryError", "Store", "StoreError", "open_store"]


def open_store(spec: str | Path, create: bool = True, update_url: str | None = None,
               read_only: bool = False) -> Store:
    """Open the store `spec` names: "memory", a directory path (made on first use unless
    `create` is false, so a mistyped path in a read-only command is an error, not a new
    empty store), or the query URL of a SPARQL endpoint, with `update_url` where it takes
    updates when that is not the endpoint's usual sibling (.../query -> .../update).
    `read_only` opens an on-disk store without write access, holding its lock so that no
    writer opens it meanwhile."""
    if str(spec).startswith(("http://", "https://")):
        from kgraph.store.remote import RemoteStore

        return RemoteStore(str(spec), update_url=update_url)
    if update_url is not None:
        raise StoreError(f"{spec}: --update-url goes with a SPARQL endpoint URL as --store")
    if str(spec) == "memory":
        from kgraph.store.memory import MemoryStore

        return MemoryStore()
    from kgraph.store.oxigraph import OxigraphStore

    if (read_only or not create) and not (Path(spec) / "CURRENT").exists():
        raise StoreError(f"{spec}: no kgraph store here (create one with 'kgraph ingest')")
    return OxigraphStore(Path(spec), read_only=read_only)
