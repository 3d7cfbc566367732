"""rdf/: claims onto the ontology as quads, with deterministic IRIs; TriG written the same
every time."""
