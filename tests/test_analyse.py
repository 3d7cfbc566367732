"""analyse/: the signed source graph and its camps, on hand-made claims."""
from __future__ import annotations

import itertools

from kgraph.analyse import disputes, find_camps, signed_source_graph
from kgraph.analyse.camps import _disjoint
from kgraph.models import (Claim, Contradiction, Proposition, Quantity, Side, Source, Stance,
                           TextSpan)

HELD = Proposition("Harbour garrison", "encircled")
TRUCE = Proposition("Hill militia", "violated", "truce")
counter = itertools.count()


def said(name: str, stance: Stance, proposition: Proposition, quantity=None) -> Claim:
    n = next(counter)
    return Claim(id=f"c-{n}", source=Source(name, name, "person"), stance=stance,
                 proposition=proposition, evidence=TextSpan(0, 1, "x"), document="d-1",
                 document_name="d.txt", quantity=quantity)


A, D = Stance.ASSERTS, Stance.DENIES
CLAIMS = [said("Ash", A, HELD), said("Birch", A, HELD), said("Cedar", D, HELD),
          said("Dogwood", D, HELD), said("Ash", D, TRUCE), said("Cedar", A, TRUCE),
          said("Elm", A, TRUCE)]


def test_signed_graph_counts_agreement_and_opposition():
    graph = signed_source_graph(CLAIMS)
    assert graph["Ash"]["Birch"]["weight"] == 1
    assert graph["Ash"]["Cedar"]["weight"] == -2  # opposed on both propositions
    assert graph["Cedar"]["Elm"] == {"weight": 1, "agree": 1, "disagree": 0}
    assert not graph.has_edge("Birch", "Elm")  # never spoke to the same proposition


def test_camps_split_friends_from_opponents():
    camps = find_camps(signed_source_graph(CLAIMS))
    assert [c.sources for c in camps] == [("Cedar", "Dogwood", "Elm"), ("Ash", "Birch")]
    assert [c.id for c in camps] == ["camp-1", "camp-2"]


def test_camps_are_the_same_whatever_the_order_of_the_claims():
    expected = find_camps(signed_source_graph(CLAIMS))
    for shuffled in (CLAIMS[::-1], CLAIMS[3:] + CLAIMS[:3]):
        assert find_camps(signed_source_graph(shuffled)) == expected


def test_an_unbalanced_triangle_leaves_the_least_frustration():
    # Ash-Birch and Birch-Cedar agree, Ash-Cedar disagree twice: one edge must be frustrated,
    # and it should be a weak one, so Birch sides with one of them and the strong enmity holds
    claims = [said("Ash", A, HELD), said("Birch", A, HELD), said("Cedar", D, HELD),
              said("Ash", A, TRUCE), said("Cedar", D, TRUCE),
              said("Birch", A, Proposition("Birch", "won", "vote")),
              said("Cedar", A, Proposition("Birch", "won", "vote"))]
    graph = signed_source_graph(claims)
    camps = {s: c.id for c in find_camps(graph) for s in c.sources}
    assert camps["Ash"] != camps["Cedar"]


def test_separate_disputes_give_separate_camps():
    other = Proposition("Valley dam", "caused", "flood")
    claims = CLAIMS + [said("Fir", A, other), said("Gorse", D, other)]
    camps = find_camps(signed_source_graph(claims))
    assert ("Fir",) in [c.sources for c in camps] and ("Gorse",) in [c.sources for c in camps]


def test_figures_agree_only_when_they_overlap():
    land = Proposition("Hill militia", "captured", "territory")
    about = said("Ash", A, land, Quantity(1000, "km2", 900, 1100))
    over = said("Birch", A, land, Quantity(1300, "km2", 1300, float("inf")))
    assert _disjoint(about, over)
    numeric = Contradiction("x-1", "numeric", land.label,
                            (Side("900 to 1100 km2", (about.id,)),
                             Side("at least 1300 km2", (over.id,))), "numeric")
    graph = signed_source_graph([about, over], [numeric])
    assert graph["Ash"]["Birch"]["weight"] == -1


def test_disputes_name_the_camps_on_each_side():
    negation = Contradiction("x-2", "negation", HELD.label,
                             (Side("encircled", (CLAIMS[0].id, CLAIMS[1].id)),
                              Side("not encircled", (CLAIMS[2].id,))), "negation")
    camps = find_camps(signed_source_graph(CLAIMS))
    [dispute] = disputes([negation], CLAIMS, camps)
    assert dispute.camps == (("camp-2",), ("camp-1",))
