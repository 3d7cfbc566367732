"""A researcher's own lexicon file (KGRAPH_LEXICON) extends the shipped one without editing
the installed package: extraction and the reasoner both read it, and a bad file is one line."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from kgraph.lexicon import LEXICON_ENV, LexiconError, lexicon_graph, load_lexicon

PREFIXES = """@prefix kgl: <https://w3id.org/kgraph/lexicon#> .
@prefix kg: <https://w3id.org/kgraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
"""


def own_lexicon(tmp_path, body: str, name: str = "mine.ttl"):
    path = tmp_path / name
    path.write_text(PREFIXES + body, encoding="utf-8")
    return path


def test_synonyms_from_kgraph_lexicon(tmp_path, monkeypatch):
    assert load_lexicon().relation("hemmed in") is None
    one = own_lexicon(tmp_path, 'kgl:encircled skos:altLabel "hemmed in"@en .')
    two = own_lexicon(tmp_path, 'kgl:captured skos:altLabel "overran"@en .', "two.ttl")
    monkeypatch.setenv(LEXICON_ENV, f"{one}:{two}")
    lexicon = load_lexicon()
    assert lexicon.relation("hemmed in") == "encircled"
    assert lexicon.relation("overran") == "captured"
    assert lexicon.relation("surrounded") == "encircled"  # the shipped labels stay
    monkeypatch.delenv(LEXICON_ENV)
    assert load_lexicon().relation("hemmed in") is None


def test_a_new_exclusive_relation_reaches_the_reasoner(tmp_path, monkeypatch):
    from kgraph.rdf.vocab import KG, LEXICON_GRAPH
    from kgraph.reason import reason
    from kgraph.store import open_store

    monkeypatch.setenv(LEXICON_ENV, str(own_lexicon(tmp_path, """
kgl:governs a skos:Concept, kg:Relation ; skos:inScheme kgl:relations ;
    kg:arity 2 ; kg:exclusive true ; skos:prefLabel "governs"@en ; skos:altLabel "rules"@en .
""")))
    assert "governs" in load_lexicon().exclusive
    with open_store("memory") as db:
        reason(db)
        stored = set(db.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{LEXICON_GRAPH}> "
                                  "{ ?s ?p ?o } }"))
    governs = URIRef("https://w3id.org/kgraph/lexicon#governs")
    assert (governs, KG.exclusive, Literal(True)) in stored


@pytest.mark.parametrize("body, reason", [
    ("kgl:encircled skos:altLabel", "not Turtle"),  # truncated
    ('kgl:encircled skos:altLabel "a" "b" .', "line 4"),
    ('nokgl:encircled skos:altLabel "a" .', "line 4"),
])
def test_a_bad_lexicon_file_is_named_with_the_reason(tmp_path, body, reason):
    path = own_lexicon(tmp_path, body)
    with pytest.raises(LexiconError, match=rf"^{path}: {reason}[: ]"):
        lexicon_graph((path,))
    with pytest.raises(LexiconError, match=r"missing\.ttl: No such file"):
        lexicon_graph((tmp_path / "missing.ttl",))


def test_the_command_line_says_one_line_about_a_bad_lexicon(tmp_path):
    from kgraph.cli import main

    bad = own_lexicon(tmp_path, 'nokgl:encircled skos:altLabel "a" .')
    result = CliRunner().invoke(main, ["reason", "--store", "memory"],
                                env={LEXICON_ENV: str(bad)})
    assert result.exit_code == 2
    assert result.output == f'kgraph: {bad}: line 4: Prefix "nokgl:" not bound\n'


@pytest.mark.model
def test_a_new_synonym_makes_a_new_contradiction(tmp_path, monkeypatch):
    from kgraph.pipeline import build

    article = tmp_path / "article.txt"
    article.write_text("date 2026-11-02\n\nThe Harbour Council said that the Varna garrison was "
                       "encircled. The Lake Mission denied that the garrison was hemmed in.\n")
    assert build([article], tmp_path / "before").contradictions == []
    monkeypatch.setenv(LEXICON_ENV, str(own_lexicon(
        tmp_path, 'kgl:encircled skos:altLabel "hemmed in"@en .')))
    [found] = build([article], tmp_path / "after").contradictions
    assert found.kind == "negation" and found.proposition.endswith("| encircled")
