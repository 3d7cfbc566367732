"""query/: SPARQL over the store for people and notebooks.

- run_query(store, query_or_name, **params): rows as dicts of Python values;
- dataframe(store, query_or_name, **params): the same as a pandas DataFrame;
- named_queries(): the shipped queries (queries/*.rq), with their parameters;
- results: claims and contradictions read back as the dataclasses of models.py.

`query_or_name` is SPARQL text or the name of a named query ("claims-by-source"); parameters
are bound as RDF terms, never pasted into the text.
"""
from kgraph.query.frame import dataframe
from kgraph.query.named import NamedQuery, Parameter, named_queries
from kgraph.query.run import answer, run_query

__all__ = ["run_query", "dataframe", "named_queries", "NamedQuery", "Parameter", "answer"]
