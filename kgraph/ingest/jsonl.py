"""JSON Lines: one article per line with `text` and optional url, title, date, publisher."""
from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from ..models import Document
from .common import BINARY_SAMPLE, WIDE_BOMS, binary, clean, decode, iso_date, too_large
from .errors import IngestError
from .text import parse_text


def read_jsonl(stream: BinaryIO, name: str, source: str,
               max_size: int) -> Iterator[Document | IngestError]:
    """Each non-blank line -> a Document, or an IngestError at `source:LINE`, so one bad line
    does not cost the rest of the file; documents without a url are named `name:LINE`. One
    line in memory at a time; each line is decoded on its own (a line in Windows-1252 among
    UTF-8 ones is still read) and a line over `max_size` bytes is refused. A gzip stream that
    breaks off ends with an error at the next line."""
    number, read_any = 0, False
    while True:
        try:
            line = stream.readline(max_size + 1)
        except (EOFError, OSError, zlib.error) as err:  # a damaged or cut-off .gz
            yield (IngestError(f"{source}:{number + 1}", f"the file breaks off here ({err})")
                   if number else IngestError(source, f"cannot read ({err})"))
            return
        if not line:
            if not read_any:
                yield IngestError(source, "empty")
            return
        number += 1
        where = (f"{name}:{number}", f"{source}:{number}")
        if number == 1 and (reason := _not_jsonl(line)):
            yield IngestError(source, reason)
            return
        if len(line) > max_size and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass  # the rest of the oversized line, a megabyte at a time
            yield IngestError(where[1], too_large(None, max_size))
            continue
        text = decode(line)
        if text.strip():
            read_any = True
            yield parse_record(text, *where)


def _not_jsonl(first_line: bytes) -> str | None:
    if first_line.startswith(WIDE_BOMS):
        return "JSONL must be UTF-8 (this file is UTF-16 or UTF-32)"
    return binary(first_line[:BINARY_SAMPLE])


def parse_record(line: str, name: str, source: str) -> Document | IngestError:
    try:
        # strict=False: a raw tab or other control character inside a string is cleaned later
        record = json.loads(line, strict=False)
    except json.JSONDecodeError as err:
        cut_off = err.pos >= len(line.rstrip()) or err.msg.startswith("Unterminated")
        cut = " (the line is cut off)" if cut_off else ""
        return IngestError(source, f"invalid JSON ({err.msg}){cut}")
    except RecursionError:
        return IngestError(source, "invalid JSON (nested too deeply)")
    if not isinstance(record, dict):
        return IngestError(source, f"expected a JSON object, got {type(record).__name__}")
    body = record.get("text")
    if body is None:
        return IngestError(source, "missing 'text' field")
    if not isinstance(body, str):
        return IngestError(source, f"'text' must be a string, got {type(body).__name__}")

    url = _string(record.get("url"))
    # the text field may carry its own `date` header; source_offset is then into that field
    doc = parse_text(clean(body), url or name, source)  # "\u0000" escapes decode to controls
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
    return (" ".join(clean(value).split()) or None) if isinstance(value, str) else None
