"""Inputs -> documents: files, directories, "-" for stdin, dispatched by file type.

Files are read as streams: a JSONL file (or stdin) line by line, anything else up to the size
limit, so neither a huge file nor a gzip bomb fills the memory."""
from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Callable, TextIO, Union

from ..models import Document
from .common import BINARY_SAMPLE, binary, declared_charset, decode, too_large
from .errors import IngestError
from .html import parse_html
from .jsonl import read_jsonl
from .text import parse_text

Result = Union[Document, IngestError]
Parser = Callable[[str, str, str], Union[Result, Iterator[Result]]]

PARSERS: dict[str, Parser] = {
    ".txt": parse_text,
    ".md": parse_text,
    ".html": parse_html,
    ".htm": parse_html,
}
KINDS = (*PARSERS, ".jsonl")  # JSONL is read as a stream, a line at a time (read_jsonl)
HTML = (".html", ".htm")  # pages may declare their encoding in a <meta> tag
COMPRESSED = ".gz"  # any of the above, gzipped: articles.jsonl.gz
STDIN_NAME = "<stdin>"
DEFAULT_MAX_SIZE = 20_000_000  # bytes of one article: a file, or one JSONL line


def read_inputs(
    inputs: Iterable[str | Path], stdin: TextIO | None = None, skip: Iterable[Path] = (),
    max_size: int = DEFAULT_MAX_SIZE,
) -> Iterator[Document | IngestError]:
    """Documents from each input in turn, and an IngestError (not an exception) for each input,
    file or JSONL line that cannot be read, so one bad file does not stop a batch. Folders in
    `skip` (kgraph's own output and store) are not walked into. An article (a file, or a line
    of a JSONL file) over `max_size` bytes is refused, with its size."""
    skipped = {Path(p).resolve() for p in skip}
    for item in inputs:
        if str(item) == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, max_size)
            continue
        path = Path(item)
        if path.is_dir():
            yield from _read_directory(path, skipped, max_size)
        elif path.exists():
            yield from _read_file(path, path.name, str(item), max_size)
        else:
            yield IngestError(str(item), "no such file or directory")


def file_kind(name: str) -> str | None:
    """One of KINDS for a file name (".jsonl" for "a.jsonl.gz"), None when unknown."""
    name = name.lower()
    if name.endswith(COMPRESSED):
        name = name[:-len(COMPRESSED)]
    suffix = os.path.splitext(name)[1]
    return suffix if suffix in KINDS else None


def _read_directory(root: Path, skipped: set[Path], max_size: int) -> Iterator[Result]:
    errors: list[OSError] = []
    found: list[Path] = []
    for folder, dirnames, filenames in os.walk(root, onerror=errors.append):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")
                       and Path(folder, d).resolve() not in skipped]
        found.extend(Path(folder, f) for f in filenames
                     if not f.startswith(".") and file_kind(f) and not _is_readme(f))
    for err in errors:
        yield IngestError(str(err.filename or root), f"cannot read directory ({err.strerror})")
    # sorted by path components, not by walk order, so output is the same on every filesystem
    for path in sorted(found, key=lambda p: p.relative_to(root).parts):
        yield from _read_file(path, path.relative_to(root).as_posix(), str(path), max_size)
    if not found and not errors:
        yield IngestError(str(root), f"no {', '.join(KINDS)} files found")


def _is_readme(filename: str) -> bool:
    # a folder of articles often carries a README describing them (examples/kursk does); it is
    # not an article, so a directory walk skips it (naming it explicitly still reads it)
    return filename.split(".")[0].lower() == "readme"


def _read_file(path: Path, name: str, source: str, max_size: int) -> Iterator[Result]:
    kind = file_kind(path.name)
    if kind is None:
        shown = repr(path.suffix) if path.suffix else "(no extension)"
        yield IngestError(source, f"unsupported file type {shown}; expected {', '.join(KINDS)}"
                                  f" (or {COMPRESSED} of one)")
        return
    compressed = path.name.lower().endswith(COMPRESSED)
    try:
        if not compressed and kind != ".jsonl" and path.stat().st_size > max_size:
            yield IngestError(source, too_large(path.stat().st_size, max_size))
            return
        with path.open("rb") as raw:
            stream: BinaryIO = gzip.GzipFile(fileobj=raw) if compressed else raw
            yield from _read_stream(stream, kind, name, source, max_size)
    except OSError as err:
        yield IngestError(source, f"cannot read ({err.strerror or err})")
    except (EOFError, zlib.error) as err:
        yield IngestError(source, f"damaged or cut-off gzip file ({err})")


def _read_stream(stream: BinaryIO, kind: str, name: str, source: str,
                 max_size: int) -> Iterator[Result]:
    if kind == ".jsonl":
        yield from read_jsonl(stream, name, source, max_size)
        return
    data = stream.read(max_size + 1)
    if len(data) > max_size:
        yield IngestError(source, too_large(None, max_size))
    elif reason := binary(data[:BINARY_SAMPLE]):
        yield IngestError(source, reason)
    else:
        charset = declared_charset(data[:BINARY_SAMPLE]) if kind in HTML else None
        parsed = PARSERS[kind](decode(data, charset), name, source)
        yield from [parsed] if isinstance(parsed, (Document, IngestError)) else parsed


def _read_stdin(stream: TextIO, max_size: int) -> Iterator[Result]:
    # bytes when there are any, so stdin gets the same decoding (BOMs, cp1252) as files
    raw = getattr(stream, "buffer", None)
    if raw is None:  # a text stream without bytes beneath (a test's StringIO)
        raw = io.BytesIO(stream.read().encode("utf-8"))
    reader = io.BufferedReader(raw) if not hasattr(raw, "peek") else raw
    head = reader.peek(BINARY_SAMPLE)[:BINARY_SAMPLE]
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].lower()
    if start.startswith(b"{"):
        kind = ".jsonl"
    elif start.startswith((b"<!doctype html", b"<html")):
        kind = ".html"
    else:
        kind = ".txt"
    yield from _read_stream(reader, kind, STDIN_NAME, STDIN_NAME, max_size)
