"""kgraph: who claims what in the news, as RDF, with the contradictions flagged."""
__version__ = "0.1.0"
