"""Inputs -> documents: files, directories, "-" for stdin, dispatched by file type."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Callable, TextIO, Union

from ..models import Document
from .common import decode, normalise_newlines
from .errors import IngestError
from .html import parse_html
from .jsonl import parse_jsonl
from .text import parse_text

Result = Union[Document, IngestError]
Parser = Callable[[str, str, str], Union[Result, Iterator[Result]]]

PARSERS: dict[str, Parser] = {
    ".txt": parse_text,
    ".md": parse_text,
    ".html": parse_html,
    ".htm": parse_html,
    ".jsonl": parse_jsonl,
}
STDIN_NAME = "<stdin>"


def read_inputs(
    inputs: Iterable[str | Path], stdin: TextIO | None = None, skip: Iterable[Path] = ()
) -> Iterator[Document | IngestError]:
    """Documents from each input in turn, and an IngestError (not an exception) for each input,
    file or JSONL line that cannot be read, so one bad file does not stop a batch. Folders in
    `skip` (kgraph's own output and store) are not walked into."""
    skipped = {Path(p).resolve() for p in skip}
    for item in inputs:
        if str(item) == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin)
            continue
        path = Path(item)
        if path.is_dir():
            yield from _read_directory(path, skipped)
        elif path.exists():
            yield from _read_file(path, name=path.name, source=str(item))
        else:
            yield IngestError(str(item), "no such file or directory")


def _read_directory(root: Path, skipped: set[Path]) -> Iterator[Result]:
    errors: list[OSError] = []
    found: list[Path] = []
    for folder, dirnames, filenames in os.walk(root, onerror=errors.append):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")
                       and Path(folder, d).resolve() not in skipped]
        found.extend(
            Path(folder, f)
            for f in filenames
            if not f.startswith(".") and Path(f).suffix.lower() in PARSERS and not _is_readme(f)
        )
    for err in errors:
        yield IngestError(str(err.filename or root), f"cannot read directory ({err.strerror})")
    # sorted by path components, not by walk order, so output is the same on every filesystem
    for path in sorted(found, key=lambda p: p.relative_to(root).parts):
        yield from _read_file(path, name=path.relative_to(root).as_posix(), source=str(path))
    if not found and not errors:
        yield IngestError(str(root), f"no {', '.join(PARSERS)} files found")


def _is_readme(filename: str) -> bool:
    # a folder of articles often carries a README describing them (examples/kursk does); it is
    # not an article, so a directory walk skips it (naming it explicitly still reads it)
    return Path(filename).stem.lower() == "readme"


def _read_file(path: Path, name: str, source: str) -> Iterator[Result]:
    parser = PARSERS.get(path.suffix.lower())
    if parser is None:
        kind = repr(path.suffix) if path.suffix else "(no extension)"
        yield IngestError(source, f"unsupported file type {kind}; expected {', '.join(PARSERS)}")
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        yield IngestError(source, f"cannot read ({err.strerror or err})")
        return
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield IngestError(source, "not a text file (contains NUL bytes)")
        return
    yield from _results(parser(decode(data), name, source))


def _read_stdin(stream: TextIO) -> Iterator[Result]:
    # bytes when there are any, so stdin gets the same decoding (BOMs, cp1252) as files
    raw = getattr(stream, "buffer", None)
    text = decode(raw.read()) if raw is not None else normalise_newlines(stream.read())
    text = text.lstrip("\ufeff")
    head = text.lstrip()[:15].lower()
    if head.startswith("{"):
        parser: Parser = parse_jsonl
    elif head.startswith(("<!doctype html", "<html")):
        parser = parse_html
    else:
        parser = parse_text
    yield from _results(parser(text, STDIN_NAME, STDIN_NAME))


def _results(parsed: Result | Iterator[Result]) -> Iterator[Result]:
    if isinstance(parsed, (Document, IngestError)):
        yield parsed
    else:
        yield from parsed
