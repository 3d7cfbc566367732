"""reason/: each rule on a small input graph against its expected output (Habit 4), then the
whole reasoner and the read-back of what it wrote."""
from __future__ import annotations

import hashlib

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from conftest import (CEASEFIRE, COUNCIL, GARRISON, LAND, REPORT, claim, report_claims,
                      update_claims)
from kgraph.models import Document, Proposition, Side, Stance
from kgraph.query.results import read_claims, read_contradictions
from kgraph.rdf.iris import document_graph, proposition_iri
from kgraph.rdf.mapping import document_quads
from kgraph.rdf.vocab import INFERRED_GRAPH
from kgraph.reason import load_rules, reason
from kgraph.store import open_store

X = "contradiction/negation/" + hashlib.md5(str(proposition_iri(GARRISON)).encode()).hexdigest()

# Marek and the mission assert the garrison is encircled, the council denies it; the mission's
# two stances on the ceasefire are a revision and give nothing.
NEGATION_EXPECTED = f"""
@base <https://w3id.org/kgraph/id/> .
@prefix kg: <https://w3id.org/kgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<{X}> a kg:Contradiction ;
    kg:kind kg:Negation ;
    kg:concerns <prop/varna-garrison/encircled> ;
    rdfs:label "Varna garrison | encircled" ;
    kg:foundBy <rule/negation> ;
    kg:hasSide <{X}/asserts>, <{X}/denies> .
<{X}/asserts> a kg:Side ; kg:position "encircled" ;
    kg:includesClaim <claim/c-marek>, <claim/c-mission> .
<{X}/denies> a kg:Side ; kg:position "not encircled" ;
    kg:includesClaim <claim/c-council> .
<rule/negation> a kg:Rule ; rdfs:label "negation" .
"""


def assert_isomorphic(actual: Graph, expected: Graph) -> None:
    if not isomorphic(actual, expected):
        _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        pytest.fail(f"missing:\n{missing.serialize(format='nt')}\nextra:\n{extra.serialize(format='nt')}")


def test_negation_rule(memory_store):
    (rule,) = [r for r in load_rules() if r.name == "negation"]
    actual = Graph()
    for triple in memory_store.construct(rule.sparql):
        actual.add(triple)
    assert_isomorphic(actual, Graph().parse(data=NEGATION_EXPECTED, format="turtle"))


@pytest.fixture(params=["memory", "oxigraph", pytest.param("remote", marks=pytest.mark.server)])
def store(request, corpus, tmp_path):
    spec = {"memory": "memory", "oxigraph": tmp_path / "store"}.get(request.param)
    with open_store(spec or request.getfixturevalue("remote_url")) as store:
        for document, claims in corpus:
            store.add(document_quads(document, claims))
        yield store


def test_reason(store):
    (found,) = reason(store)
    assert found.kind == "negation" and found.rule == "negation"
    assert found.proposition == GARRISON.label
    assert found.sides == (Side("encircled", ("c-marek", "c-mission")),
                           Side("not encircled", ("c-council",)))
    assert found.explanation == ("Varna garrison | encircled: Ilse Marek and Lake Monitoring "
                                 "Mission assert it; Harbour Council denies it.")
    assert read_contradictions(store) == [found]


def test_revision_is_not_a_contradiction(store):
    propositions = {x.proposition for x in reason(store)}
    assert CEASEFIRE.label not in propositions and LAND.label not in propositions


def test_reason_twice_recomputes(store):
    first = reason(store)
    inferred = {q for q in store.quads() if q[3] == INFERRED_GRAPH}
    size = len(store)
    assert reason(store) == first
    assert {q for q in store.quads() if q[3] == INFERRED_GRAPH} == inferred
    assert len(store) == size


def test_reason_drops_stale_contradictions(store):
    reason(store)
    graph = document_graph(REPORT.id)  # the report re-read without the council's denial
    claims = [c for c in report_claims() if c.id != "c-council"]
    store.replace_graph(graph, [q[:3] for q in document_quads(REPORT, claims) if q[3] == graph])
    assert reason(store) == []
    assert not store.has_graph(INFERRED_GRAPH)


def test_each_claim_once_per_side(store):
    # another spelling of the same proposition mints the same IRI with a second label
    other = Document("d-other", "other.txt", "The council again denied the encirclement.")
    denial = claim("c-again", other, "The council", COUNCIL, Stance.DENIES,
                   Proposition("varna garrison", "encircled"))
    store.add(document_quads(other, [denial]))
    (found,) = reason(store)
    assert [side.claims for side in found.sides] == [("c-marek", "c-mission"),
                                                      ("c-again", "c-council")]


def test_claims_round_trip(store):
    expected = sorted(report_claims() + update_claims(), key=lambda c: (c.document_name, c.evidence.start))
    actual = read_claims(store)
    assert [c.id for c in actual] == [c.id for c in expected]
    for got, want in zip(actual, expected):
        assert got.source.name == want.source.name and got.source.kind == want.source.kind
        assert (got.stance, got.proposition, got.evidence) == (want.stance, want.proposition, want.evidence)
        assert got.proposition.label == want.proposition.label
        assert (got.document, got.document_name) == (want.document, want.document_name)
        assert (got.date, got.hedged, got.cue, got.quantity) == (want.date, want.hedged, want.cue, want.quantity)
    land = next(c for c in actual if c.id == "c-land")
    assert land.quantity.low == 1300 and land.quantity.high == float("inf")  # open interval



def _land_claim(id: str, source, low: float, high: float):
    from kgraph.models import Quantity

    return claim(id, REPORT, "Marek added", source, Stance.ASSERTS, LAND,
                 quantity=Quantity(low, "km2", low, high))


def _store_with(*claims):
    store = open_store("memory")
    store.add(document_quads(REPORT, list(claims)))
    return store


def test_numeric_rule():
    from conftest import MAREK

    marek = _land_claim("c-land", MAREK, 1300.0, float("inf"))
    council = _land_claim("c-council-land", COUNCIL, 900.0, 1100.0)
    (rule,) = [r for r in load_rules() if r.name == "numeric"]
    pair = hashlib.md5(b"https://w3id.org/kgraph/id/claim/c-council-land "
                       b"https://w3id.org/kgraph/id/claim/c-land").hexdigest()
    expected = f"""
    @base <https://w3id.org/kgraph/id/> .
    @prefix kg: <https://w3id.org/kgraph/ontology#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    <contradiction/numeric/{pair}> a kg:Contradiction ; kg:kind kg:NumericConflict ;
        kg:concerns <prop/northern-militia/captured/territory> ; kg:foundBy <rule/numeric> ;
        rdfs:label "Northern militia | captured | territory" ;
        kg:hasSide <contradiction/numeric/{pair}/a>, <contradiction/numeric/{pair}/b> .
    <contradiction/numeric/{pair}/a> a kg:Side ; kg:position "900 to 1100 km2" ;
        kg:includesClaim <claim/c-council-land> .
    <contradiction/numeric/{pair}/b> a kg:Side ; kg:position "at least 1300 km2" ;
        kg:includesClaim <claim/c-land> .
    <rule/numeric> a kg:Rule ; rdfs:label "numeric" .
    """
    actual = Graph()
    for triple in _store_with(marek, council).construct(rule.sparql):
        actual.add(triple)
    assert_isomorphic(actual, Graph().parse(data=expected, format="turtle"))


def test_numeric_conflicts_need_disjoint_intervals_and_two_sources():
    from conftest import MAREK, MISSION

    store = _store_with(
        _land_claim("c-land", MAREK, 1300.0, float("inf")),  # over 1,300
        _land_claim("c-council-land", COUNCIL, 900.0, 1100.0),  # about 1,000
        _land_claim("c-mission-land", MISSION, 1250.0, float("inf")),  # at least 1,250: fits 1,300
        _land_claim("c-marek-revised", MAREK, 900.0, 1100.0),  # Marek revising his own figure
    )
    pairs = {frozenset(c for s in x.sides for c in s.claims)
             for x in reason(store) if x.kind == "numeric"}
    assert pairs == {frozenset({"c-land", "c-council-land"}),
                     frozenset({"c-mission-land", "c-council-land"}),
                     frozenset({"c-mission-land", "c-marek-revised"})}


def test_exclusive_value_rule_reads_the_lexicon():
    from conftest import MAREK, MISSION

    def controls(id: str, source, controller: str):
        return claim(id, REPORT, "Marek added", source, Stance.ASSERTS,
                     Proposition(controller, "controls", "Varna"))

    store = _store_with(controls("c-1", MAREK, "Northern militia"),
                        controls("c-2", COUNCIL, "Harbour guard"),
                        controls("c-3", MISSION, "Northern militia"),  # agrees with Marek
                        controls("c-4", MISSION, "someone"))  # nobody named: no dispute
    found = [x for x in reason(store) if x.kind == "exclusive_value"]
    assert {frozenset(c for s in x.sides for c in s.claims) for x in found} == {
        frozenset({"c-1", "c-2"}), frozenset({"c-2", "c-3"})}
    assert found[0].proposition == "who | controls | Varna"
    assert {s.position for s in found[0].sides} == {"Northern militia", "Harbour guard"}


def test_claims_about_times_that_do_not_overlap_are_updates_not_contradictions():
    from dataclasses import replace

    from conftest import MAREK

    august, march = ("2024-08-01", "2024-08-31"), ("2025-03-12", "2025-03-12")
    seized = _land_claim("c-land", MAREK, 1300.0, float("inf"))
    held_later = _land_claim("c-council-land", COUNCIL, 150.0, 200.0)
    store = _store_with(replace(seized, holds=august), replace(held_later, holds=march))
    assert reason(store) == []
    # the same figures for the same month do conflict, and so do figures that say no time
    store = _store_with(replace(seized, holds=august), replace(held_later, holds=august))
    assert [x.kind for x in reason(store)] == ["numeric"]
    store = _store_with(seized, replace(held_later, holds=march))
    assert [x.kind for x in reason(store)] == ["numeric"]


def test_reasoning_what_new_documents_touch_equals_reasoning_from_scratch():
    from conftest import MAREK, MISSION, UPDATE, update_claims

    later = Document(id="d-later", name="later.txt", date="2025-03-18",
                     text="Marek added that the militia holds Varna. The mission denied it.")
    late_claims = [
        claim("c-late-1", later, "Marek added", MAREK, Stance.ASSERTS,
              Proposition("Harbour guard", "controls", "Varna")),
        claim("c-late-2", later, "The mission", MISSION, Stance.DENIES, GARRISON),
    ]
    from kgraph.models import Quantity

    # an untouched dispute too: the mission's "about 1,000 km2" against Marek's "over 1,300"
    figure = claim("c-mission-land", UPDATE, "The Lake", MISSION, Stance.ASSERTS, LAND,
                   quantity=Quantity(1000.0, "km2", 900.0, 1100.0))
    # and a dispute the new claim joins from another proposition about the same town: the
    # council says the militia holds Varna, the mission denies it; later Marek names the guard
    held = Proposition("Northern militia", "controls", "Varna")
    militia = [claim("c-held", UPDATE, "The Lake", COUNCIL, Stance.ASSERTS, held),
               claim("c-not-held", UPDATE, "The mission first", MISSION, Stance.DENIES, held)]
    everything = [(REPORT, report_claims()), (UPDATE, update_claims() + [figure] + militia),
                  (later, late_claims)]
    with open_store("memory") as scratch, open_store("memory") as incremental:
        for document, claims in everything:
            scratch.add(document_quads(document, claims))
        expected = reason(scratch)
        for document, claims in everything[:2]:
            incremental.add(document_quads(document, claims))
        reason(incremental)
        incremental.add(document_quads(later, late_claims))
        redone = reason(incremental, touched={c.proposition for c in late_claims})
        assert set(redone) < set(expected)  # only what the new claims touch ...
        assert read_contradictions(incremental) == read_contradictions(scratch)  # ... and all
        assert {x.kind for x in expected} == {"negation", "exclusive_value", "numeric"}
        inferred = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{INFERRED_GRAPH}> {{ ?s ?p ?o }} }}"
        assert set(incremental.construct(inferred)) == set(scratch.construct(inferred))


def test_exclusive_rule():
    from conftest import MAREK

    a = claim("c-a", REPORT, "Marek added", MAREK, Stance.ASSERTS,
              Proposition("Northern militia", "controls", "Varna"))
    b = claim("c-b", REPORT, "The Harbour", COUNCIL, Stance.ASSERTS,
              Proposition("Harbour guard", "controls", "Varna"))
    store = _store_with(a, b)
    reason(store)  # puts the lexicon in the store
    (rule,) = [r for r in load_rules() if r.name == "exclusive"]
    pair = hashlib.md5(b"https://w3id.org/kgraph/id/claim/c-a "
                       b"https://w3id.org/kgraph/id/claim/c-b").hexdigest()
    x = f"contradiction/exclusive/{pair}"
    expected = f"""
    @base <https://w3id.org/kgraph/id/> .
    @prefix kg: <https://w3id.org/kgraph/ontology#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    <{x}> a kg:Contradiction ; kg:kind kg:ExclusiveValue ; rdfs:label "who | controls | Varna" ;
        kg:concerns <prop/northern-militia/controls/varna>, <prop/harbour-guard/controls/varna> ;
        kg:foundBy <rule/exclusive> ; kg:hasSide <{x}/a>, <{x}/b> .
    <{x}/a> a kg:Side ; kg:position "Northern militia" ; kg:includesClaim <claim/c-a> .
    <{x}/b> a kg:Side ; kg:position "Harbour guard" ; kg:includesClaim <claim/c-b> .
    <rule/exclusive> a kg:Rule ; rdfs:label "exclusive_value" .
    """
    actual = Graph()
    for triple in store.construct(rule.sparql):
        actual.add(triple)
    assert_isomorphic(actual, Graph().parse(data=expected, format="turtle"))


def test_documents_a_killed_run_stored_are_reasoned_over_by_the_next_run(corpus):
    from kgraph.rdf.vocab import PENDING_GRAPH
    from kgraph.reason import await_reasoning

    (report, first), (update, second) = corpus
    with open_store("memory") as scratch, open_store("memory") as store:
        for document, claims in corpus:
            scratch.add(document_quads(document, claims))
        # a run that marked both documents, stored the report, and was killed before reasoning
        await_reasoning(store, [report.id, update.id])
        store.add(document_quads(report, first))
        # the next run stores the update and reasons over what it touches: the report too
        store.add(document_quads(update, second))
        reason(store, touched={c.proposition for c in second if c.proposition != GARRISON})
        assert read_contradictions(store) == reason(scratch) != []
        assert not store.has_graph(PENDING_GRAPH)
