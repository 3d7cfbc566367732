"""Answers written out: SPARQL 1.1 results in JSON, XML, CSV and TSV (the W3C formats,
exactly), an aligned table for people, and RDF formats for CONSTRUCT and DESCRIBE."""
from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kgraph.store.base import Answer

# media types of the results formats, and of the RDF formats by rdflib's names for them
RESULTS = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
           "csv": "text/csv", "tsv": "text/tab-separated-values"}
RDF = {"turtle": "text/turtle", "nt": "application/n-triples", "xml": "application/rdf+xml",
       "json-ld": "application/ld+json", "n3": "text/n3"}


def results_json(result: Answer) -> str:
    """SPARQL 1.1 Query Results JSON Format."""
    if result.form == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean})
    bindings = [{v: _json_term(row[v]) for v in result.variables if v in row}
                for row in result.rows]
    return json.dumps({"head": {"vars": list(result.variables)},
                       "results": {"bindings": bindings}}, ensure_ascii=False)


def _json_term(term: Node) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    data = {"type": "literal", "value": str(term)}
    if term.language:
        data["xml:lang"] = term.language
    elif term.datatype and term.datatype != XSD.string:
        data["datatype"] = str(term.datatype)
    return data


def results_xml(result: Answer) -> str:
    """SPARQL Query Results XML Format (Second Edition)."""
    lines = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
             "<head>"]
    lines += [f"<variable name={quoteattr(v)}/>" for v in result.variables]
    lines.append("</head>")
    if result.form == "ask":
        lines.append(f"<boolean>{'true' if result.boolean else 'false'}</boolean>")
    else:
        lines.append("<results>")
        for row in result.rows:
            lines.append("<result>" + "".join(
                f"<binding name={quoteattr(v)}>{_xml_term(row[v])}</binding>"
                for v in result.variables if v in row) + "</result>")
        lines.append("</results>")
    return "\n".join(lines + ["</sparql>"]) + "\n"


def _xml_term(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{escape(str(term))}</bnode>"
    attribute = (f" xml:lang={quoteattr(term.language)}" if term.language else
                 f" datatype={quoteattr(str(term.datatype))}"
                 if term.datatype and term.datatype != XSD.string else "")
    return f"<literal{attribute}>{escape(str(term))}</literal>"


def results_csv(result: Answer) -> str:
    """SPARQL 1.1 Query Results CSV: values only (IRIs and literals' lexical forms), CRLF."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns, rows = cells(result)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t)
                         for t in row])
    return buffer.getvalue()


def results_tsv(result: Answer) -> str:
    """SPARQL 1.1 Query Results TSV: variables as ?name, terms in Turtle syntax."""
    columns, rows = cells(result)
    lines = ["\t".join(f"?{c}" for c in columns)]
    lines += ["\t".join("" if t is None else _tsv_term(t) for t in row) for row in rows]
    return "\n".join(lines) + "\n"


ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _tsv_term(term: Node) -> str:
    if not isinstance(term, Literal):
        return term.n3()  # <iri> or _:label
    suffix = (f"@{term.language}" if term.language else
              f"^^<{term.datatype}>" if term.datatype and term.datatype != XSD.string else "")
    return f'"{str(term).translate(ESCAPES)}"{suffix}'  # one line, whatever the text holds


def cells(result: Answer) -> tuple[list[str], list[list[Node | None]]]:
    """Column names and rows of terms (None where unbound), for any query form."""
    if result.form == "ask":
        return ["boolean"], [[Literal(result.boolean)]]
    if result.form == "graph":
        return ["subject", "predicate", "object"], [list(t) for t in result.triples]
    return list(result.variables), [[row.get(v) for v in result.variables]
                                    for row in result.rows]


def results_table(result: Answer) -> str:
    """An aligned table for reading: IRIs shortened with the standard prefixes."""
    from kgraph.formats import rows_as_table
    from kgraph.rdf.vocab import PREFIXES

    longest_first = sorted(PREFIXES.items(), key=lambda p: -len(p[1]))

    def short(term: Node | None) -> str:
        if term is None:
            return ""
        if isinstance(term, URIRef):
            for prefix, iri in longest_first:
                if str(term).startswith(iri):
                    return f"{prefix}:{str(term)[len(iri):]}"
        return str(term)

    columns, rows = cells(result)
    return rows_as_table([dict(zip(columns, map(short, row))) for row in rows])


def graph_text(result: Answer, format: str = "turtle") -> str:
    """The triples of a CONSTRUCT or DESCRIBE in an RDF format (rdflib's name for it)."""
    from kgraph.store.base import bind_prefixes

    graph = Graph()
    bind_prefixes(graph)
    for triple in result.triples or ():
        graph.add(triple)
    return graph.serialize(format=format)
