"""Commands that read the graph back: claims, contradictions, camps, export, render."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kgraph.cli.common import FORMATS, echo, error, failures, store_options


@click.command()
@store_options()
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True,
              help="table for reading, json as in claims.json, csv for spreadsheets.")
def claims(store: str, update_url: str | None, fmt: str) -> None:
    """List every claim: source, stance, hedged, proposition, date, document, and the exact
    sentence with its character offsets.

    \b
    Example:
      kgraph claims --store graph.db --format csv > claims.csv
    """
    from kgraph.formats import claim_json, claim_row, rows_as_csv, rows_as_table
    from kgraph.query.results import read_claims
    from kgraph.store import open_store

    with failures(), open_store(store, create=False, update_url=update_url) as db:
        found = read_claims(db)
    if fmt == "json":
        echo(json.dumps({"claims": [claim_json(c) for c in found]}, ensure_ascii=False,
                         indent=1))
    else:
        rows = [claim_row(c) for c in found]
        echo(rows_as_csv(rows) if fmt == "csv" else rows_as_table(
            rows, {"id": 18, "text": 60, "proposition": 45, "document": 24}), nl=False)


@click.command()
@store_options()
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True,
              help="table for reading, json as in contradictions.json, csv for spreadsheets.")
def contradictions(store: str, update_url: str | None, fmt: str) -> None:
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

    with failures(), open_store(store, create=False, update_url=update_url) as db:
        found = read_contradictions(db)
        by_id = {c.id: c for c in read_claims(db)} if fmt != "json" else {}
    if fmt == "json":
        echo(json.dumps({"contradictions": [contradiction_json(x) for x in found]},
                         ensure_ascii=False, indent=1))
        return
    rows = [row for x in found for row in contradiction_rows(x, by_id)]
    echo(rows_as_csv(rows) if fmt == "csv" else rows_as_table(
        rows, {"id": 14, "text": 60, "proposition": 40, "claim": 18}), nl=False)


@click.command()
@store_options()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="table for reading, json as in camps.json.")
def camps(store: str, update_url: str | None, fmt: str) -> None:
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

    with failures(), open_store(store, create=False, update_url=update_url) as db:
        claims, found = read_claims(db), read_contradictions(db)
    groups = find_camps(signed_source_graph(claims, found))
    sides = disputes(found, claims, groups)
    if fmt == "json":
        echo(json.dumps(camps_json(groups, sides), ensure_ascii=False, indent=1))
        return
    lines = [f"{camp.id}: " + ", ".join(camp.sources) for camp in groups] or ["(no camps)"]
    lines += ["", "Disputes:"] + [f"  {d.proposition} ({d.kind}): "
                                  + " vs ".join("/".join(s) or "-" for s in d.camps)
                                  for d in sides]
    echo("\n".join(lines))


@click.command()
@store_options()
@click.option("--format", "fmt", type=click.Choice(["trig", "nquads", "turtle", "jsonld"]),
              default="trig", show_default=True,
              help="RDF serialisation. TriG, N-Quads and JSON-LD keep every named graph; "
                   "Turtle has no graphs, so it holds every triple once, without its graph.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: standard output).")
def export(store: str, update_url: str | None, fmt: str, output: Path | None) -> None:
    """Write the whole graph (every named graph) as RDF.

    \b
    Example:
      kgraph export --store graph.db --format nquads -o graph.nq
    """
    from kgraph.store import open_store

    rdflib_format = {"jsonld": "json-ld"}.get(fmt, fmt)
    with failures(), open_store(store, create=False, update_url=update_url) as db:
        if output is not None:
            db.export(output, rdflib_format)
            return
        echo(db.serialize(rdflib_format), nl=False)


@click.command()
@store_options()
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("graph.html"), show_default=True, help="The page to write.")
@click.option("--focus", default=None, metavar="TEXT",
              help="Draw only the proposition or source named TEXT (or whose name contains "
                   "it), with who claims it and the contradictions on it.")
@click.option("--max-nodes", type=click.IntRange(min=1), default=5000, show_default=True,
              help="Leave out the least disputed propositions past this many nodes (the page "
                   "says what it left out).")
def render(store: str, update_url: str | None, output: Path, focus: str | None,
           max_nodes: int) -> None:
    """Draw the graph in --store as an interactive HTML page that opens with no network: it
    opens on the contested propositions and their sources; filters, search and a card with
    every sentence are on the page.

    \b
    Example:
      kgraph render --store graph.db -o graph.html
      kgraph render --store graph.db --focus "Ukrainian forces | encircled" -o encircled.html
    """
    from kgraph.analyse import find_camps, signed_source_graph
    from kgraph.query.results import read_claims, read_contradictions
    from kgraph.render import FocusNotFound, build_display_graph, omitted_text, write_html
    from kgraph.store import open_store

    with failures():
        with open_store(store, create=False, update_url=update_url) as db:
            claims, found = read_claims(db), read_contradictions(db)
        camps = find_camps(signed_source_graph(claims, found))
        try:
            graph = build_display_graph(claims, found, camps, focus=focus, max_nodes=max_nodes)
        except FocusNotFound as err:
            error(err)
            sys.exit(2)
        path = write_html(graph, output)
    if omitted_text(graph):
        error(omitted_text(graph))
    click.echo(f"Graph written to {path}")
