"""`kgraph import`: RDF files into a store, round trips with `kgraph export`, blank nodes
that never duplicate, and files that would make kgraph read a file or the network refused."""
from __future__ import annotations


import pytest
from click.testing import CliRunner
from rdflib import URIRef

from conftest import REPORT, UPDATE, report_claims, update_claims
from kgraph.cli import main
from kgraph.rdf.mapping import document_quads
from kgraph.reason import reason
from kgraph.store import open_store
from kgraph.store.load import LoadError, import_files

BACKENDS = ["memory", "oxigraph", pytest.param("remote", marks=pytest.mark.server)]


@pytest.fixture
def source(tmp_path) -> str:
    path = str(tmp_path / "source")
    with open_store(path) as store:
        for document, claims in ((REPORT, report_claims()), (UPDATE, update_claims())):
            store.add(document_quads(document, claims))
        reason(store)
    return path


@pytest.fixture(params=BACKENDS)
def target(request, tmp_path):
    spec = {"memory": "memory", "oxigraph": str(tmp_path / "target")}.get(request.param)
    with open_store(spec or request.getfixturevalue("remote_url")) as store:
        yield store


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output
    return result.output


@pytest.mark.parametrize("fmt, suffix", [("trig", "trig"), ("nquads", "nq"),
                                         ("jsonld", "jsonld"), ("turtle", "ttl")])
def test_export_then_import_gives_the_graph_back(source, tmp_path, fmt, suffix):
    exported = tmp_path / f"graph.{suffix}"
    run("export", "--store", source, "--format", fmt, "-o", str(exported))
    copy = str(tmp_path / "copy")
    out = run("import", str(exported), "--store", copy)
    assert out.startswith("Imported ")
    with open_store(source) as original, open_store(copy) as imported:
        before, after = set(original.quads()), set(imported.quads())
    if fmt == "turtle":  # no graphs in Turtle: every triple, in one graph named after the file
        assert {q[:3] for q in after} == {q[:3] for q in before}
        assert {q[3] for q in after} == {URIRef("https://w3id.org/kgraph/id/graph/import/graph-ttl")}
    else:
        assert after == before
    run("import", str(exported), "--store", copy)  # twice changes nothing
    with open_store(copy) as imported:
        assert set(imported.quads()) == after and len(imported) == len(after)


BLANKS = """@prefix ex: <http://example.org/> .
ex:report ex:author [ ex:name "A. Writer" ; ex:office [ ex:city "Varna" ] ] .
ex:report ex:author [ ex:name "B. Writer" ] .
"""


# the same content written another way: labelled blank nodes, other order
BLANKS_AGAIN = """@prefix ex: <http://example.org/> .
ex:report ex:author _:second , _:first .
_:second ex:name "B. Writer" .
_:first ex:office _:place ; ex:name "A. Writer" .
_:place ex:city "Varna" .
"""


def test_blank_nodes_never_duplicate(target, tmp_path):
    path, again = tmp_path / "authors.ttl", tmp_path / "again.ttl"
    path.write_text(BLANKS)
    again.write_text(BLANKS_AGAIN)
    graph = URIRef("http://example.org/authors")
    import_files(target, [path], graph=graph)
    first = set(target.quads())
    assert len(first) == 6 and all(isinstance(t, URIRef) for q in first for t in q[:2])
    import_files(target, [path, again], graph=graph)
    assert set(target.quads()) == first  # the same content, the same IRIs: nothing new
    names = target.select("SELECT ?n WHERE { GRAPH ?g { ?a <http://example.org/name> ?n } }")
    assert sorted(str(r["n"]) for r in names) == ["A. Writer", "B. Writer"]


SECRET = "the-secret-in-a-local-file"


@pytest.mark.parametrize("declaration", [
    '<!DOCTYPE rdf:RDF [ <!ENTITY secret SYSTEM "{secret}"> ]>',
    '<!DOCTYPE rdf:RDF [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"> ]>',
    '<!DOCTYPE rdf:RDF SYSTEM "{secret}">',
])
def test_rdf_xml_with_doctype_or_entities_is_refused(tmp_path, declaration):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    path = tmp_path / "data.rdf"
    path.write_text('<?xml version="1.0"?>\n' + declaration.format(secret=secret.as_uri()) + """
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/a"><ex:p>&secret;</ex:p></rdf:Description>
</rdf:RDF>""".replace("&secret;", "&secret;" if "secret SYSTEM" in declaration else "x"))
    with open_store("memory") as store:
        with pytest.raises(LoadError, match="DOCTYPE or ENTITY declaration is refused"):
            import_files(store, [path])
        assert len(store) == 0


def test_plain_rdf_xml_is_read(tmp_path):
    path = tmp_path / "data.rdf"
    path.write_text("""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/a"><ex:p>plain</ex:p></rdf:Description>
</rdf:RDF>""")
    with open_store("memory") as store:
        assert import_files(store, [path]) == 1


def test_json_ld_with_a_remote_or_file_context_is_refused(tmp_path, recorder):
    base, hits = recorder
    url = f"{base}/context.jsonld"
    (tmp_path / "context.jsonld").write_text('{"@context": {"name": "http://example.org/name"}}')
    contexts = [f'"{url}"', '"context.jsonld"', f'"{(tmp_path / "context.jsonld").as_uri()}"',
                f'[{{"name": "http://example.org/name"}}, "{url}"]',
                f'{{"@import": "{url}", "name": "http://example.org/name"}}']
    with open_store("memory") as store:
        for context in contexts:
            path = tmp_path / "data.jsonld"
            path.write_text(f'{{"@context": {context}, "@id": "http://example.org/a", '
                            f'"name": "x"}}')
            with pytest.raises(LoadError, match="remote or file @context is refused"):
                import_files(store, [path])
        nested = tmp_path / "nested.jsonld"
        nested.write_text(f'{{"@id": "http://example.org/a", "http://example.org/knows": '
                          f'{{"@context": "{url}", "name": "y"}}}}')
        with pytest.raises(LoadError, match="@context is refused"):
            import_files(store, [nested])
        assert len(store) == 0
        path.write_text('{"@context": {"name": "http://example.org/name"}, '
                        '"@id": "http://example.org/a", "name": "x"}')
        assert import_files(store, [path]) == 1  # an inline context is fine
    assert hits == []


def test_import_errors_are_one_line_and_a_bad_file_adds_nothing(tmp_path):
    good, bad = tmp_path / "good.nt", tmp_path / "bad.nt"
    good.write_text('<http://example.org/a> <http://example.org/p> "x" .\n')
    bad.write_text('<http://example.org/a> <http://example.org/p> "y" .\n<broken\n')
    store = str(tmp_path / "store")
    result = CliRunner().invoke(main, ["import", str(good), str(bad), "--store", store])
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"kgraph: {bad}: not nt")
    with open_store(store) as db:
        assert {str(q[2]) for q in db.quads()} == {"x"}  # the good file whole, none of the bad
    (tmp_path / "data.csv").write_text("a,b\n")
    result = CliRunner().invoke(main, ["import", str(tmp_path / "data.csv"), "--store", store])
    assert result.exit_code == 2 and "cannot tell the format from '.csv'; give --format" in result.output
    (tmp_path / "data.csv").write_text('<http://example.org/b> <http://example.org/p> "z" .\n')
    assert "Imported 1 quads" in run("import", str(tmp_path / "data.csv"), "--store", store,
                                     "--format", "nt")
