"""Named queries: the .rq files in queries/, each with a header that says what it answers.

A header is the comment lines at the top of the file:

    # title: Claims by source
    # description: Every claim a source makes ...
    #   (an indented line continues the field above)
    # param source (string): the source's canonical name

A parameter's place in the query is a line `#PARAM ?source`: a comment to SPARQL, so the
query runs as it is (over every source), and bound, the line becomes a VALUES block of RDF
terms (see bind.py). A line `#CAMPS` is where the camps computed by kgraph.analyse go.
Put `#PARAM` inside the GRAPH pattern it narrows: Oxigraph then looks the values up, where
at the top of WHERE it joins them after the fact (claims-by-source: 0.03 s against 0.5 s
at 100k quads).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from kgraph.store.base import QueryError

TYPES = ("string", "integer", "decimal", "boolean", "date", "iri")
FIELD = re.compile(r"#\s*(title|description|param)\s*:?\s*(.*)")
PARAM = re.compile(r"(\w+)\s*\((\w+)\)\s*:\s*(.*)")


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str  # one of TYPES: how a value given as text is read
    description: str


@dataclass(frozen=True)
class NamedQuery:
    name: str  # the file name without .rq: "claims-by-source"
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    sparql: str = field(repr=False, default="")


def named_queries() -> list[NamedQuery]:
    """The shipped named queries, by name."""
    return list(_load())


def named_query(name: str) -> NamedQuery:
    for query in _load():
        if query.name == name:
            return query
    raise QueryError(f"no named query '{name}' (kgraph query --list shows them)")


@lru_cache(maxsize=1)
def _load() -> tuple[NamedQuery, ...]:
    folder = resources.files("kgraph.query") / "queries"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".rq")), key=lambda f: f.name)
    return tuple(parse_named_query(f.name.removesuffix(".rq"), f.read_text(encoding="utf-8"))
                 for f in files)


def parse_named_query(name: str, sparql: str) -> NamedQuery:
    """A named query from its text; a header that lacks a title or a description, or a
    parameter that lacks its type or its place in the query, is an error naming the file."""
    fields: list[list[str]] = []  # [key, text] in order; params may repeat
    for line in sparql.splitlines():
        if not line.startswith("#"):
            break
        match = FIELD.fullmatch(line.strip())
        if match:
            fields.append([match[1], match[2].strip()])
        elif fields and line.startswith("#  "):
            fields[-1][1] += " " + line.lstrip("# ").strip()
    found = {key: text for key, text in fields if key != "param"}
    if not found.get("title") or not found.get("description"):
        raise QueryError(f"{name}.rq: the header needs '# title:' and '# description:' lines")
    parameters = []
    for key, text in fields:
        if key != "param":
            continue
        match = PARAM.fullmatch(text)
        if not match or match[2] not in TYPES:
            raise QueryError(f"{name}.rq: write a parameter as '# param NAME (TYPE): what it "
                             f"is', TYPE one of {', '.join(TYPES)}: not '{text}'")
        if f"#PARAM ?{match[1]}" not in sparql:
            raise QueryError(f"{name}.rq: parameter {match[1]} has no '#PARAM ?{match[1]}' line")
        parameters.append(Parameter(match[1], match[2], match[3]))
    return NamedQuery(name, found["title"], found["description"], tuple(parameters), sparql)
