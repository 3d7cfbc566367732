"""JSON Lines: one article per line with `text` and optional url, title, date, publisher."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace

from ..models import Document
from .common import iso_date
from .errors import IngestError
from .text import parse_text


def parse_jsonl(text: str, name: str, source: str) -> Iterator[Document | IngestError]:
    """Each non-blank line -> a Document, or an IngestError at `source:LINE`, so one bad line
    does not cost the rest of the file. Documents without a url are named `name:LINE`."""
    # split on "\n" only: str.splitlines() would also break on U+2028 etc. inside JSON strings
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield parse_record(line, f"{name}:{number}", f"{source}:{number}")


def parse_record(line: str, name: str, source: str) -> Document | IngestError:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return IngestError(source, f"invalid JSON ({err.msg})")
    if not isinstance(record, dict):
        return IngestError(source, f"expected a JSON object, got {type(record).__name__}")
    body = record.get("text")
    if body is None:
        return IngestError(source, "missing 'text' field")
    if not isinstance(body, str):
        return IngestError(source, f"'text' must be a string, got {type(body).__name__}")

    url = _string(record.get("url"))
    # the text field may carry its own `date` header; source_offset is then into that field
    doc = parse_text(body, url or name, source)
    if isinstance(doc, IngestError):
        return doc
    return replace(
        doc,
        date=iso_date(record.get("date")) or doc.date,
        title=_string(record.get("title")),
        url=url,
        publisher=_string(record.get("publisher")),
    )


def _string(value: object) -> str | None:
    """Optional fields: a non-blank string, else absent (null and non-strings are ignored)."""
    return (value.strip() or None) if isinstance(value, str) else None
