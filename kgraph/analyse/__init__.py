"""analyse/: networkx over the claims. Functions take claims (or a graph) first and return
plain data, networkx style.

- signed_source_graph: sources joined by how often they agree (+) or oppose each other (-);
- find_camps: a split of that graph by structural balance;
- disputes: each contradiction with the camps on each side.
"""
from kgraph.analyse.camps import disputes, find_camps, signed_source_graph

__all__ = ["signed_source_graph", "find_camps", "disputes"]
