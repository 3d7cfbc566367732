"""Commands for SPARQL people: query (and the named queries), import, serve."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kgraph.cli.common import STORE_HELP, UPDATE_URL_HELP, echo, error, failures

QUERY_FORMATS = click.Choice(["table", "csv", "tsv", "json"])


@click.command()
@click.argument("sparql", required=False, metavar="['SPARQL' | @FILE.rq]")
@click.option("--store", default=None, help=STORE_HELP)
@click.option("--update-url", default=None, metavar="URL", help=UPDATE_URL_HELP)
@click.option("--name", "-n", default=None, metavar="NAME",
              help="Run the named query NAME instead of SPARQL text (see --list).")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A value for a parameter of the query, bound as an RDF term (repeat the "
                   "option for several values of one parameter, or for several parameters).")
@click.option("--format", "fmt", type=QUERY_FORMATS, default="table", show_default=True,
              help="SELECT and ASK: an aligned table, or the SPARQL 1.1 results formats "
                   "(csv, tsv, json). CONSTRUCT and DESCRIBE: Turtle (table), JSON-LD "
                   "(json), or subject/predicate/object rows (csv, tsv).")
@click.option("--list", "list_", is_flag=True, help="List the named queries and their "
              "parameters, and stop.")
def query(sparql: str | None, store: str | None, update_url: str | None, name: str | None,
          params: tuple[str, ...], fmt: str, list_: bool) -> None:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE) on the graph in --store, or
    one of kgraph's named queries.

    The ontology's prefixes (kg:, prov:, schema:, oa:, skos:, rdfs:, xsd:, ...) are declared
    already, and the default graph is the union of all graphs. A query given as @FILE is read
    from FILE. A line '#PARAM ?x' in a query is where --param x=VALUE is bound.

    \b
    Examples:
      kgraph query --store graph.db 'SELECT ?name WHERE { ?s a kg:Source ; skos:prefLabel ?name }'
      kgraph query --store graph.db @mine.rq --format csv > mine.csv
      kgraph query --list
      kgraph query --store graph.db --name claims-by-source --param source="Ilse Marek"
    """
    from kgraph.query import named_queries
    from kgraph.query.named import named_query
    from kgraph.query.run import answer
    from kgraph.store import open_store

    if list_:
        echo(named_query_list(named_queries()))
        return
    if (sparql is None) == (name is None):
        error("give either SPARQL text (or @FILE) or --name NAME; --list shows the names")
        sys.exit(2)
    if store is None:
        error("give --store, the graph to query")
        sys.exit(2)
    with failures():
        text = named_query(name).name if name else _read_query(sparql)
        bound = parse_params(params)
        with open_store(store, create=False, update_url=update_url) as db:
            result = answer(db, text, **bound)
    echo(answer_text(result, fmt), nl=False)


def _read_query(sparql: str) -> str:
    if sparql.startswith("@"):
        return Path(sparql[1:]).read_text(encoding="utf-8")
    return sparql


def parse_params(params: tuple[str, ...]) -> dict[str, str | list[str]]:
    from kgraph.store import QueryError

    bound: dict[str, list[str]] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param takes NAME=VALUE, not '{item}'")
        bound.setdefault(key.strip(), []).append(value)
    return {k: v[0] if len(v) == 1 else v for k, v in bound.items()}


def answer_text(result, fmt: str) -> str:
    """The answer as `kgraph query` prints it in `fmt`."""
    from kgraph.query import serialize

    if result.form == "graph" and fmt in ("table", "json"):
        return serialize.graph_text(result, "turtle" if fmt == "table" else "json-ld")
    if fmt == "table":
        return serialize.results_table(result)
    if fmt == "json":
        return serialize.results_json(result) + "\n"
    return serialize.results_csv(result) if fmt == "csv" else serialize.results_tsv(result)


def named_query_list(queries) -> str:
    lines = []
    for q in queries:
        lines += [f"{q.name}: {q.title}", f"    {q.description}"]
        lines += [f"    --param {p.name}=... ({p.type}): {p.description}" for p in q.parameters]
    return "\n".join(lines)


@click.command()
@click.option("--store", required=True, help=STORE_HELP)
@click.option("--update-url", default=None, metavar="URL", help=UPDATE_URL_HELP)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default answers this machine only).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds a query may run before it is answered with 503.")
def serve(store: str, update_url: str | None, host: str, port: int, timeout: float) -> None:
    """Serve the graph in --store read-only: a SPARQL 1.1 Protocol endpoint at /sparql (GET
    and POST; JSON, XML, CSV or TSV results and Turtle, N-Triples, RDF/XML or JSON-LD graphs,
    as the client's Accept header asks) with a query form, and the graph page at /.

    Updates, LOAD and SERVICE are refused; a folder store is opened read-only, and no other
    kgraph process can write to it while it is served. Ctrl-C stops the server.

    \b
    Example:
      kgraph serve --store graph.db --port 7878
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' \\
           http://127.0.0.1:7878/sparql
    """
    from kgraph.serve import Endpoint
    from kgraph.store import open_store

    with failures(), open_store(store, create=False, update_url=update_url,
                                read_only=True) as db:
        try:
            endpoint = Endpoint(db, host, port, timeout)
        except OSError as err:
            error(f"{host}:{port}: cannot listen there: {err.strerror or err}")
            sys.exit(2)
        click.echo(f"Serving {store} at {endpoint.url} (SPARQL at {endpoint.url}sparql); "
                   "Ctrl-C stops")
        try:
            endpoint.serve_forever()
        except KeyboardInterrupt:
            click.echo("Stopped")
        finally:
            endpoint.server_close()


@click.command(name="import")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--store", required=True, help=STORE_HELP)
@click.option("--update-url", default=None, metavar="URL", help=UPDATE_URL_HELP)
@click.option("--format", "fmt", default=None,
              type=click.Choice(["trig", "nquads", "turtle", "nt", "n3", "jsonld", "rdfxml"]),
              help="The files' format [default: from each file's extension: .trig .nq .ttl "
                   ".nt .n3 .jsonld .json .rdf .owl .xml].")
@click.option("--graph", default=None, metavar="IRI",
              help="The named graph for triples outside any graph (Turtle, N-Triples, "
                   "RDF/XML) [default: one per file, named after it].")
def import_(files: tuple[Path, ...], store: str, update_url: str | None, fmt: str | None,
            graph: str | None) -> None:
    """Add RDF files to the graph in --store, each file whole or not at all (what 'kgraph
    export' writes comes back as it was; importing a file twice changes nothing).

    Blank nodes become IRIs named from the data's canonical form, so they never duplicate.
    RDF/XML with DOCTYPE or ENTITY declarations and JSON-LD with a remote or file @context
    are refused: an import never opens another file or the network.

    \b
    Example:
      kgraph export --store graph.db --format nquads -o graph.nq
      kgraph import graph.nq --store copy.db
    """
    from rdflib import URIRef

    from kgraph.store import open_store
    from kgraph.store.load import import_files

    with failures(), open_store(store, update_url=update_url) as db:
        count = import_files(db, files, fmt, URIRef(graph) if graph else None)
    click.echo(f"Imported {count} quads from {len(files)} file(s)")
