"""Running a query, given as SPARQL text or a named query's name, with parameters bound as
RDF terms; answers as rdflib terms (Answer) or as rows of plain Python values."""
from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from rdflib import Literal
from rdflib.term import Node

from kgraph.query.bind import as_term, bind, bind_rows
from kgraph.query.named import named_query
from kgraph.query.serialize import cells
from kgraph.store.base import Answer, QueryError, Store

NAME = re.compile(r"[a-z][a-z0-9-]*")  # a named query's name; SPARQL text never looks so
CAMPS = "#CAMPS"


def prepare(store: Store, query_or_name: str, **params: Any) -> str:
    """The SPARQL text to run: a named query's, or the text given, with `params` bound at its
    `#PARAM ?name` lines (a list binds several values) and the camps at `#CAMPS`."""
    declared = None
    if NAME.fullmatch(query_or_name.strip()):
        named = named_query(query_or_name.strip())
        sparql, declared = named.sparql, {p.name: p.type for p in named.parameters}
        unknown = sorted(set(params) - set(declared))
        if unknown:
            takes = ", ".join(declared) or "no parameters"
            raise QueryError(f"{named.name} takes {takes}; not {', '.join(unknown)}")
    else:
        sparql = query_or_name
    values = {name: [as_term(v, (declared or {}).get(name))
                     for v in (value if isinstance(value, (list, tuple, set)) else [value])]
              for name, value in params.items()}
    sparql = bind(sparql, values)
    if CAMPS in sparql:
        sparql = bind_rows(sparql, CAMPS, ["s", "camp"], camp_rows(store))
    return sparql


def camp_rows(store: Store) -> list[tuple[Node, Node]]:
    """(source IRI, camp id) for every source in a camp. Camps are not stored: they are a
    split of the whole source graph that any new claim can change, so they are computed from
    the store's claims and contradictions when a query asks for them (as `kgraph camps`)."""
    from kgraph.analyse import find_camps, signed_source_graph
    from kgraph.query.results import read_claims, read_contradictions
    from kgraph.rdf.iris import source_iri

    camps = find_camps(signed_source_graph(read_claims(store), read_contradictions(store)))
    return [(source_iri(name), Literal(camp.id)) for camp in camps for name in camp.sources]


def answer(store: Store, query_or_name: str, **params: Any) -> Answer:
    """The query's answer, as rdflib terms."""
    return store.query(prepare(store, query_or_name, **params))


def run_query(store: Store, query_or_name: str, **params: Any) -> list[dict[str, Any]]:
    """Rows of plain Python values (int, float, str, datetime.date, bool; None where a
    variable is unbound). ASK gives one row {"boolean": ...}; CONSTRUCT and DESCRIBE a row
    per triple {"subject", "predicate", "object"}.

    >>> run_query(store, "claims-by-source", source="Ilse Marek")  # doctest: +SKIP
    """
    columns, rows = table(answer(store, query_or_name, **params))
    return [dict(zip(columns, row)) for row in rows]


def table(result: Answer) -> tuple[list[str], list[list[Any]]]:
    """Column names and rows of Python values, for any query form."""
    columns, rows = cells(result)
    return columns, [[python_value(term) for term in row] for row in rows]


def python_value(term: Node | None) -> Any:
    """An RDF term as a Python value: numbers, booleans, dates and times as themselves,
    decimals as float, everything else (IRIs, text, unknown datatypes) as str."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, (bool, int, float, date, datetime, time)) and value is not term:
            return value
    return str(term)
