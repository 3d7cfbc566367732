"""Commands that read articles and reason: build, ingest, reason."""
from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import click

from kgraph.cli.common import (MODEL_HELP, Progress, error, failures, input_options, skipped,
                               skipped_count, store_options)


def _workers(ctx: click.Context, param: click.Parameter, value: str) -> int | str:
    if value == "auto" or (value.isdigit() and int(value) > 0):
        return value if value == "auto" else int(value)
    raise click.BadParameter(f"{value!r} is neither a number of processes nor 'auto'")


WORKERS = click.option(
    "--workers", default="1", show_default=True, callback=_workers, metavar="N|auto",
    help="spaCy processes parsing in parallel; 'auto' uses one for small inputs and one per "
         "free core from 30 documents on (measured in docs/benchmarks.md).")
DASK = click.option(
    "--dask-scheduler", metavar="tcp://HOST:PORT", default=None,
    help="Parse on this Dask cluster instead of here (pip install 'kgraph[dask]'; "
         "docs/scaling.md).")
SHARDS = click.option(
    "--shards", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="With --dask-scheduler: keep the N-Quads the workers write in this folder (one "
         "file per part, for a triple store's bulk loader); the workers must reach it.")


def _cluster(workers: int | str, dask_scheduler: str | None, shards: Path | None) -> None:
    if shards and not dask_scheduler:
        raise click.UsageError("--shards needs --dask-scheduler")
    if dask_scheduler and importlib.util.find_spec("distributed") is None:
        raise click.UsageError("--dask-scheduler needs Dask: pip install 'kgraph[dask]'")
    if dask_scheduler and workers != 1:
        raise click.UsageError("--workers is for one machine; with --dask-scheduler the "
                               "cluster's workers parse")


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for graph.html, graph.trig, claims.json, contradictions.json, "
                   "camps.json.")
@store_options(required=False)
@input_options
@click.option("--model", default=None, help=MODEL_HELP)
@WORKERS
@DASK
@SHARDS
def build(inputs: tuple[str, ...], out: Path, store: str, update_url: str | None,
          max_size: int, strict: bool, model: str | None, workers: int | str,
          dask_scheduler: str | None, shards: Path | None) -> None:
    """Read INPUTS and write the whole contradiction graph into --out.

    INPUTS are files (.txt, .md, .html, .htm, .jsonl, or any of them gzipped as .gz), folders
    (read recursively; README files and kgraph's own --out folder are skipped) or - for
    stdin. A .txt file may begin with a line 'date YYYY-MM-DD'. Inputs that cannot be read
    are reported one line each on stderr and skipped (JSONL: one line per bad line); the
    rest are built. The exit status is 0 when something was built, 1 when nothing could be
    read (or, with --strict, anything was skipped). With --store FOLDER the outputs cover
    everything the store holds.

    \b
    Examples:
      kgraph build examples/kursk --out out/kursk
      kgraph build scraped/ articles.jsonl.gz --out out/scraped --max-size 50MB --strict
      kgraph build articles.jsonl --out out/big --store big.db --workers auto
      kgraph build articles/ --out out/big --dask-scheduler tcp://10.0.0.5:8786
    """
    from kgraph.pipeline import build as run_build

    _cluster(workers, dask_scheduler, shards)
    with failures(), Progress() as progress:
        report = run_build(inputs, out, store=store, model=model, on_error=error,
                           update_url=update_url, max_size=max_size, on_progress=progress,
                           workers=workers, dask_scheduler=dask_scheduler, shards=shards)
    click.echo(summary(report))
    skipped(report.ingest.errors, strict)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@store_options()
@input_options
@click.option("--model", default=None, help=MODEL_HELP)
@WORKERS
@DASK
@SHARDS
def ingest(inputs: tuple[str, ...], store: str, update_url: str | None, max_size: int,
           strict: bool, model: str | None, workers: int | str, dask_scheduler: str | None,
           shards: Path | None) -> None:
    """Add the articles in INPUTS to the graph in --store, and bring its contradictions up to
    date by reasoning again over what the new claims touch.

    Documents the store holds already are skipped, so running it twice changes nothing.
    'kgraph reason' recomputes every contradiction from scratch. Inputs that cannot be read
    are reported one line each on stderr and skipped; the exit status is as for 'kgraph build'.

    \b
    Examples:
      kgraph ingest examples/kursk --store graph.db
      cat article.txt | kgraph ingest - --store graph.db
      kgraph ingest articles.jsonl --store graph.db --workers 2
      kgraph ingest /shared/articles --store graph.db \\
          --dask-scheduler tcp://10.0.0.5:8786 --shards /shared/shards
    """
    from kgraph.pipeline import NothingRead
    from kgraph.pipeline import ingest as run_ingest
    from kgraph.reason import reason as run_reason
    from kgraph.store import open_store

    _cluster(workers, dask_scheduler, shards)
    with failures(), open_store(store, update_url=update_url) as db, Progress() as progress:
        report = run_ingest(inputs, db, model=model, on_error=error, skip=[Path(store)],
                            max_size=max_size, on_progress=progress, workers=workers,
                            dask_scheduler=dask_scheduler, shards=shards)
        if report.documents == 0:
            raise NothingRead("no documents could be read; nothing was added to the store")
        found = run_reason(db, touched=report.propositions)
    click.echo(f"Documents read: {report.documents}, new: {report.added}, "
               f"claims added: {report.claims}"
               + (f", skipped inputs: {len(report.errors)}" if report.errors else "")
               + f"; contradictions found or updated: {len(found)}")
    skipped(report.errors, strict)


@click.command()
@store_options()
def reason(store: str, update_url: str | None) -> None:
    """Recompute the contradictions of the graph in --store.

    Every rule (one SPARQL file each: negation, numeric, ...) runs again; what they find
    replaces the previous inferred graph. Run it after editing your own lexicon file
    (KGRAPH_LEXICON): the lexicon says which relations are exclusive.

    \b
    Example:
      kgraph reason --store graph.db
    """
    from kgraph.reason import reason as run_reason
    from kgraph.store import open_store

    with failures(), open_store(store, create=False, update_url=update_url) as db:
        found = run_reason(db)
    kinds = Counter(x.kind for x in found)
    click.echo(f"Contradictions found: {len(found)}"
               + (" (" + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + ")"
                  if kinds else ""))


def summary(report) -> str:
    """What `make demo` prints: where things are, counts, and the top disputes."""
    ingest = report.ingest
    lines = [
        f"Graph written to {report.outputs['graph.html']}",
        "  also: " + ", ".join(str(p) for k, p in report.outputs.items() if k != "graph.html"),
        f"Documents read: {ingest.documents}"
        + (f" ({skipped_count(ingest.errors)} skipped)" if ingest.errors else ""),
        f"Claims found: {len(report.claims)}",
        f"Contradictions found: {len(report.contradictions)}",
    ]
    by_id = {c.id: c for c in report.claims}
    disputes = sorted(report.contradictions,
                      key=lambda x: (-sum(len(s.claims) for s in x.sides), x.proposition))[:5]
    if disputes:
        lines.append("Top disputed propositions:")
    for x in disputes:
        lines.append(f"  {x.proposition} ({x.kind})")
        for side in x.sides:
            names = sorted({by_id[c].source.name for c in side.claims if c in by_id})
            lines.append(f"    {side.position}: " + ", ".join(names))
    return "\n".join(lines)
