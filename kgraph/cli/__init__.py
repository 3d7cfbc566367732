"""cli/: the `kgraph` command. Thin: parse options, call one library function, print.
Each module holds a few commands; they are put on the group here."""
from __future__ import annotations

import click

from kgraph import __version__
from kgraph.cli import build, query, read
from kgraph.cli.common import interrupted


class _Commands(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # before a command's own handler is in place (imports)
            interrupted()


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
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


for command in (build.build, build.ingest, build.reason, read.claims, read.contradictions,
                read.camps, read.export, read.render, query.query, query.serve,
                query.import_):
    main.add_command(command)
