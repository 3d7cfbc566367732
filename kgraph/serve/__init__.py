"""serve/: a read-only SPARQL 1.1 Protocol endpoint over any store, with the graph page.

    from kgraph.serve import Endpoint
    with open_store("graph.db", read_only=True) as store:
        Endpoint(store, port=7878, timeout=30).serve_forever()
"""
from kgraph.serve.server import Endpoint

__all__ = ["Endpoint"]
