"""Helpers shared by the ingest readers: decoding, newlines, ids, dates."""
from __future__ import annotations

import codecs
import hashlib
import re
from datetime import date

_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:$|[T ])")


def decode(data: bytes) -> str:
    """Bytes -> text with \\n newlines. UTF-8 (BOM dropped) first; scraped files are sometimes
    Windows-1252, so invalid UTF-8 falls back to that rather than failing."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # cp1252 leaves five bytes undefined; replace them rather than lose the article
            text = data.decode("cp1252", errors="replace")
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def document_id(text: str) -> str:
    """Deterministic from the content, so the same article read twice gets the same id."""
    return "d-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def iso_date(value: object) -> str | None:
    """`YYYY-MM-DD` from an ISO date or datetime string; None for anything else."""
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(1)).isoformat()
    except ValueError:  # well-formed but impossible, e.g. 2025-02-30
        return None
