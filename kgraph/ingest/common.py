"""Helpers shared by the ingest readers: decoding, control characters, ids, dates, sizes."""
from __future__ import annotations

import codecs
import hashlib
import re
from datetime import date

_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:$|[T ])")
# C0 and C1 control characters other than tab and newline, and the two non-characters: no part
# of any article, and what reads kgraph's output (XML tools, terminals, spreadsheets) trips on them
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # half a character: a JSON "\ud83d" escape alone
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")  # terminal colour codes in a pasted log
_BREAKS = re.compile(r"[\x0b\x0c\x1c-\x1e\x85]")  # vertical tab, form feed, NEL, separators
_NOT_ASCII_OR_REPLACED = re.compile(r"[^\x00-\x7f\ufffd]")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
WIDE_BOMS = tuple(bom for bom, _ in _BOMS)  # text in UTF-16 or UTF-32, not byte-oriented
_SIGNATURES = (b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b",
               b"\x7fELF", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf")
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
BINARY_SAMPLE = 8192  # how much of a file tells text from binary


def decode(data: bytes, declared: str | None = None) -> str:
    """Bytes -> clean text with \\n newlines. A BOM says the encoding (UTF-8, UTF-16, UTF-32);
    otherwise UTF-8, and when that fails the encoding the file `declared` (an HTML page's
    charset); else a few broken bytes become U+FFFD, and text with no valid UTF-8 beyond ASCII
    is read as Windows-1252 (scraped Latin-1 pages), whose undefined bytes become U+FFFD."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return clean(data.decode(encoding, errors="replace"))
    try:
        return clean(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        if declared:
            return clean(data.decode(declared, errors="replace"))
        text = data.decode("utf-8-sig", errors="replace")
        if not _NOT_ASCII_OR_REPLACED.search(text):
            text = data.decode("cp1252", errors="replace")
        return clean(text)


def declared_charset(head: bytes) -> str | None:
    """The encoding an HTML page declares in a <meta> tag, when Python knows it."""
    match = _META_CHARSET.search(head)
    try:
        return codecs.lookup(match[1].decode("ascii")).name if match else None
    except LookupError:
        return None


def binary(sample: bytes) -> str | None:
    """Why the start of a file says it is not text: a PDF, image, archive or program, or NUL
    bytes past one in ten; None for text. A stray NUL in a text is cleaned (`clean`)."""
    if sample.startswith(_SIGNATURES):
        return "binary, not text (a PDF, image, archive or program)"
    if not sample.startswith(WIDE_BOMS) and sample.count(0) * 10 > len(sample):
        return "binary, not text (NUL bytes)"
    return None


def clean(text: str) -> str:
    """\\n newlines, and no control characters: those that break lines become \\n; half a
    character (a lone surrogate, which UTF-8 cannot hold) becomes U+FFFD."""
    text = _SURROGATE.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROLS.sub("", _BREAKS.sub("\n", _ANSI.sub("", text)))


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def too_large(size: int | None, limit: int) -> str:
    """The reason given when an input is over the size limit (size None: not known exactly)."""
    found = f"{_megabytes(size)}, " if size is not None else ""
    return f"too large ({found}limit {_megabytes(limit)}; raise it with --max-size)"


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
