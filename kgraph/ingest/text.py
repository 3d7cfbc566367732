"""Plain-text articles (.txt, .md), which may begin with a `date YYYY-MM-DD` header."""
from __future__ import annotations

import re
from datetime import datetime

from ..models import Document
from .common import document_id, iso_date
from .errors import IngestError
from .furniture import blank_furniture

# The header may sit on its own line or run straight into the article on the same line, as in
# scraped files like " date 2025-03-14 Ukraine has ...".
_HEADER = re.compile(r"\s*date:?[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|$)", re.IGNORECASE)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"^[^\w\n]*(?:(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})|(?P<month2>{_MONTH})\s+(?P<day2>\d{{1,2}}),?)"
    rf"\s+(?P<year>\d{{4}})(?:,?\s+\d{{1,2}}:\d{{2}})?[^\w\n]*$|^\W*(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})\W*$",
    re.IGNORECASE | re.MULTILINE)
_DATELINE_WINDOW = 3000  # a dateline sits at the top of a page


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


def dateline(text: str) -> str | None:
    """The publication date a scraped page shows near its top ("22 Mar 2025 21:27", "March 22,
    2025", "2025-03-22") on a line of its own, as an ISO date."""
    match = _DATELINE.search(text[:_DATELINE_WINDOW])
    if not match:
        return None
    day, month, year = match["day"] or match["day2"], match["month"] or match["month2"], match["year"]
    if match["iso"]:
        return iso_date(match["iso"])
    try:
        return datetime.strptime(f"{day} {month[:3]} {year}", "%d %b %Y").date().isoformat()
    except ValueError:
        return None


def parse_text(text: str, name: str, source: str) -> Document | IngestError:
    """A decoded, newline-normalised text file -> Document; `source` is used for errors.

    Page furniture (menus, tickers, teaser lists) is blanked out, keeping offsets."""
    found, body, offset = split_date_header(text)
    if not body:
        return IngestError(source, "empty")
    found = found or dateline(body)  # read before the furniture, where bylines sit, goes
    body = blank_furniture(body)
    if not body.strip():
        return IngestError(source, "no article text found (only page furniture)")
    return Document(id=document_id(body), name=name, text=body, date=found, source_offset=offset)
