"""Values bound into queries as RDF terms, never pasted into the text as they come: each value
becomes an rdflib term, written in SPARQL by the term itself (`.n3()`, which escapes quotes,
backslashes and line breaks), in a VALUES block at the query's `#PARAM ?name` line."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Iterable, Mapping

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kgraph.store.base import QueryError

NOTHING = URIRef("urn:kgraph:nothing")  # matches nothing: rdflib refuses an empty VALUES


def as_term(value: object, type: str | None = None) -> Node:
    """`value` as an RDF term: rdflib terms stay as they are; text is read as `type` says
    (string, integer, decimal, boolean, date, iri); without a type, by its Python type."""
    if isinstance(value, Node):
        return value
    kind = type or _python_type(value)
    try:
        if kind == "integer":
            return Literal(int(value))
        if kind == "decimal":
            return Literal(Decimal(str(value)), datatype=XSD.decimal)
        if kind == "boolean":
            return Literal(_boolean(value))
        if kind == "date":
            day = value if isinstance(value, date) else date.fromisoformat(str(value))
            return Literal(day, datatype=XSD.date)
        if kind == "iri":
            iri = URIRef(str(value))
            iri.n3()  # rdflib refuses an IRI it could not write safely (spaces, <, >, ...)
            return iri
    except (ValueError, InvalidOperation, TypeError) as err:
        raise QueryError(f"'{value}' is not a {kind}: {err}") from None
    except Exception as err:  # rdflib's own refusal of an unsafe IRI
        raise QueryError(f"'{value}' is not an IRI: {err}") from None
    return Literal(str(value))


def _python_type(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, (float, Decimal)):
        return "decimal"
    return "date" if isinstance(value, date) else "string"


def _boolean(value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes"):
        return True
    if text in ("false", "0", "no"):
        return False
    raise ValueError("say true or false")


def bind(sparql: str, values: Mapping[str, Iterable[Node]]) -> str:
    """`sparql` with each `#PARAM ?name` line in `values` replaced by `VALUES ?name { ... }`;
    lines of names not given stay comments, so the query runs unrestricted there."""
    for name, terms in values.items():
        line = re.compile(rf"^([ \t]*)#PARAM \?{re.escape(name)}[ \t]*$", re.MULTILINE)
        if not line.search(sparql):
            raise QueryError(f"the query has no '#PARAM ?{name}' line to bind {name} at")
        block = " ".join(term.n3() for term in terms) or NOTHING.n3()
        sparql = line.sub(lambda m: f"{m[1]}VALUES ?{name} {{ {block} }}", sparql)
    return sparql


def bind_rows(sparql: str, marker: str, variables: Iterable[str],
              rows: Iterable[Iterable[Node]]) -> str:
    """`sparql` with the line `marker` replaced by a VALUES block of several variables."""
    variables = list(variables)
    data = " ".join("(" + " ".join(t.n3() for t in row) + ")" for row in rows)
    data = data or "(" + " ".join([NOTHING.n3()] + ["UNDEF"] * (len(variables) - 1)) + ")"
    head = " ".join(f"?{v}" for v in variables)
    return sparql.replace(marker, f"VALUES ({head}) {{ {data} }}")
