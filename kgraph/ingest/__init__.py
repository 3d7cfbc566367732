"""ingest/: files, directories, stdin, HTML pages and JSONL -> `Document`s.

`read_inputs` yields an `IngestError` value for each input it cannot read instead of raising,
so a batch goes on past a bad file.
"""
from .errors import IngestError
from .inputs import DEFAULT_MAX_SIZE, read_inputs

__all__ = ["DEFAULT_MAX_SIZE", "IngestError", "read_inputs"]
