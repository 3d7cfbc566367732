"""Deterministic IRIs: the same document, name or proposition always mints the same IRI, so
re-ingesting an article changes nothing, and text never reaches an IRI unescaped."""
from __future__ import annotations

import hashlib
import re

from rdflib import URIRef

from kgraph.lexicon import fold, load_lexicon
from kgraph.models import Contradiction, Proposition
from kgraph.rdf.vocab import ID, LEX


def slug(text: str) -> str:
    """Lowercase ASCII words joined by '-', readable in an IRI. When that loses what tells two
    texts apart (letters outside ASCII, or past 80 characters) a short hash of the text follows,
    so "Зеленський Zelensky" and "Zelensky" never share an IRI."""
    words = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    if text.isascii() and len(words) <= 80 and words:
        return words
    return f"{words[:80]}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:10]}".lstrip("-")


def document_iri(document_id: str) -> URIRef:
    return ID[f"doc/{document_id}"]


def document_graph(document_id: str) -> URIRef:
    """The named graph that holds a document and everything read from it."""
    return ID[f"graph/{document_id}"]


def claim_iri(claim_id: str) -> URIRef:
    return ID[f"claim/{claim_id}"]


def source_iri(name: str) -> URIRef:
    return ID[f"source/{slug(name)}"]


def entity_iri(label: str) -> URIRef:
    return ID[f"entity/{slug(label)}"]


def relation_iri(relation: str) -> URIRef:
    """A lexicon concept, or for a relation the lexicon does not know, a minted one."""
    if relation in load_lexicon().arity:  # every lexicon relation declares its arity
        return LEX[relation]
    return ID[f"relation/{slug(relation)}"]


def proposition_iri(proposition: Proposition) -> URIRef:
    parts = [proposition.subject, proposition.relation]
    parts += [proposition.object] if proposition.object else []
    return ID["prop/" + "/".join(slug(p) for p in parts)]


def contradiction_iri(contradiction: Contradiction) -> URIRef:
    """Rules mint `.../contradiction/<rule>/<md5 of the proposition IRI>`; ids are "x-<md5>"."""
    return ID[f"contradiction/{contradiction.rule}/{contradiction.id.removeprefix('x-')}"]
