"""rdf/: claims onto the ontology as quads, with deterministic IRIs, and TriG written the same every time."""
