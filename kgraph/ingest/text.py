"""Plain-text articles (.txt, .md), which may begin with a `date YYYY-MM-DD` header."""
from __future__ import annotations

import re

from ..models import Document
from .common import document_id, iso_date
from .errors import IngestError

# The header may sit on its own line or run straight into the article on the same line, as in
# scraped files like " date 2025-03-14 Ukraine has ...".
_HEADER = re.compile(r"\s*date:?[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|$)", re.IGNORECASE)


def split_date_header(text: str) -> tuple[str | None, str, int]:
    """(date, body, offset): the header's date, the text without header and surrounding
    whitespace, and where that body starts in `text`. Without a header, date is None and only
    leading whitespace is skipped."""
    start = 0
    found: str | None = None
    match = _HEADER.match(text)
    if match and (found := iso_date(match.group(1))):
        start = match.end()
    start += len(text[start:]) - len(text[start:].lstrip())
    return found, text[start:].rstrip(), start


def parse_text(text: str, name: str, source: str) -> Document | IngestError:
    """A decoded, newline-normalised text file -> Document; `source` is used for errors."""
    found, body, offset = split_date_header(text)
    if not body:
        return IngestError(source, "empty")
    return Document(id=document_id(body), name=name, text=body, date=found, source_offset=offset)
