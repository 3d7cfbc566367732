"""ingest/: files, directories, stdin, HTML pages and JSONL -> `Document`s.

`read_inputs` yields an `IngestError` value for each input it cannot read instead of raising,
so a batch goes on past a bad file; `read_documents` raises `IngestFailure` instead.
"""
from .errors import IngestError, IngestFailure
from .inputs import read_documents, read_inputs

__all__ = ["IngestError", "IngestFailure", "read_documents", "read_inputs"]
