"""`python -m kgraph.cli` runs the `kgraph` command."""
from kgraph.cli import main

main()
