"""Extraction over sentences of our own (other conflicts, other wordings), with the real model,
plus one parse built by hand so the attribution logic is tested without any model."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgraph.extract import claims_from_doc, extract_claims
from kgraph.models import Document, Stance


def claims_of(text: str, date: str | None = "2024-06-07"):
    document = Document(id="d-test", name="test.txt", text=text, date=date)
    return list(extract_claims([document]))


def summary(text: str) -> set[tuple[str, str, str]]:
    return {(c.source.name, c.stance.value, c.proposition.relation) for c in claims_of(text)}


def test_hand_built_parse_gives_a_denial_without_a_model():
    words = ["Officials", "denied", "that", "the", "convoy", "was", "blocked", "."]
    doc = Doc(Vocab(), words=words,
              heads=[1, 1, 6, 4, 6, 6, 1, 1],
              deps=["nsubj", "ROOT", "mark", "det", "nsubjpass", "auxpass", "ccomp", "punct"],
              pos=["NOUN", "VERB", "SCONJ", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
              lemmas=["official", "deny", "that", "the", "convoy", "be", "block", "."],
              sent_starts=[True] + [False] * 7)
    document = Document(id="d-hand", name="hand.txt", text=doc.text)
    [claim] = list(claims_from_doc(doc, document))
    assert claim.source.name == "Officials"
    assert claim.stance is Stance.DENIES
    assert claim.proposition.relation == "blocked"
    # passive: the convoy is what was blocked; who blocked it is not said
    assert (claim.proposition.subject, claim.proposition.object) == ("", "convoy")
    assert claim.evidence.text == doc.text.strip()



@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The harbour authority said that the tanker was attacked by drones.",
     {("harbour authority", "asserts", "attacked")}),
    ("Rebel commanders denied that their fighters had violated the ceasefire.",
     {("Rebel commanders", "denies", "violated")}),
    ('"The aid convoy was never blocked," the interior ministry said on Tuesday.',
     {("interior ministry", "denies", "blocked")}),
    ("According to the election commission, the governing party won the vote.",
     {("election commission", "asserts", "won")}),
    ("Observers said that the garrison was not encircled.",
     {("Observers", "denies", "encircled")}),
])
def test_attribution_shapes_and_stance(text, expected):
    assert summary(text) == expected


@pytest.mark.model
def test_denied_claims_by_two_sources_gives_three_claims():
    claims = claims_of("The mayor denied claims by both the governor and Senator Ana Ruiz "
                       "that the dam was destroyed.")
    stances = {c.source.name: c.stance for c in claims}
    assert stances["mayor"] is Stance.DENIES
    assert stances["Ana Ruiz"] is Stance.ASSERTS
    assert stances["governor"] is Stance.ASSERTS
    assert {c.proposition.relation for c in claims} == {"caused"}


@pytest.mark.model
def test_as_x_suggests_attributes_the_clause_to_x():
    claims = claims_of("Analysts rejected that there is a cauldron near the river, "
                       "as the defence minister suggests.")
    stances = {c.source.name: c.stance for c in claims}
    assert stances == {"Analysts": Stance.DENIES, "defence minister": Stance.ASSERTS}


@pytest.mark.model
def test_false_reports_deny_their_content():
    [claim] = claims_of('"Reports of a pocket around our brigades are false," the army said.')
    assert (claim.stance, claim.proposition.relation) == (Stance.DENIES, "encircled")


@pytest.mark.model
def test_synonyms_land_on_one_relation():
    text = ("General Ito said the northern units were surrounded. "
            "Colonel Park said the northern units were cut off. "
            "A spokesman said the encirclement of the northern units was complete. "
            "Mayor Lund said the northern units were trapped.")
    assert {c.proposition.relation for c in claims_of(text)} == {"encircled"}


@pytest.mark.model
def test_claim_carries_offsets_quantity_hedge_and_line_breaks():
    text = ("Bridge talks stall in the north\n\n"
            "The ministry said the rebels reportedly seized over 300 square kilometers of land.")
    [claim] = claims_of(text)
    assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
    assert claim.evidence.text.startswith("The ministry")  # the headline is its own sentence
    assert claim.hedged
    assert (claim.quantity.low, claim.quantity.unit) == (300, "km2")
    assert claim.date == "2024-06-07"


@pytest.mark.model
def test_unresolvable_pronoun_is_not_invented():
    assert claims_of("She said that the convoy was blocked.") == []


@pytest.mark.model
def test_ids_are_stable():
    text = "The coast guard said the ferry was attacked."
    assert [c.id for c in claims_of(text)] == [c.id for c in claims_of(text)]


@pytest.mark.model
def test_a_quote_over_several_sentences_belongs_to_its_speaker():
    text = ('"The dam held through the night," the engineer Lena Ortiz said. '
            '"It was never destroyed."')
    claims = claims_of(text)
    assert {(c.source.name, c.stance, c.proposition.relation) for c in claims} >= {
        ("Lena Ortiz", Stance.DENIES, "caused")}


@pytest.mark.model
def test_a_parenthetical_cue_attributes_the_sentence():
    [claim] = claims_of('The blockade, the aid agency claimed, "stopped every convoy."')
    assert (claim.source.name, claim.proposition.relation) == ("aid agency", "blocked")


@pytest.mark.model
def test_a_person_keeps_the_fullest_name_and_the_title_as_label():
    text = ("Defence Minister Maria Lopez visited the port. "
            "Lopez said that the ferry was attacked.")
    [claim] = claims_of(text)
    assert claim.source.name == "Maria Lopez"
    [titled] = claims_of("US Senator Paul Becker said that the ferry was attacked.")
    assert (titled.source.name, titled.source.label) == ("Paul Becker", "US Senator Paul Becker")


@pytest.mark.model
def test_a_record_speaks_for_its_author():
    [claim] = claims_of("The rebels held 200 square kilometers, according to estimates "
                        "published by the border agency.")
    assert claim.source.name == "border agency"


@pytest.mark.model
def test_a_statement_speaks_for_whose_it_is():
    [claim] = claims_of("The coast guard's statement said that the ferry was attacked.")
    assert claim.source.name == "coast guard"


@pytest.mark.model
def test_the_outlets_own_figures_are_claims_of_the_outlet():
    document = Document(id="d-o", name="wire.txt", publisher="Lakeside Wire",
                        text="The militia captured about 300 square kilometers in May.")
    [claim] = list(extract_claims([document]))
    assert (claim.source.name, claim.source.kind) == ("Lakeside Wire", "outlet")
    assert (claim.quantity.low, claim.quantity.high) == (270, 330)
    # reporting without a figure is not turned into claims of the outlet
    assert list(extract_claims([Document(id="d-p", name="p.txt", text="The militia left.")])) == []


@pytest.mark.model
def test_as_meaning_while_is_no_attribution():
    assert claims_of("Prices rose sharply as the central bank warned of inflation.") == []


@pytest.mark.model
def test_doubt_hedges_rather_than_denies():
    [claim] = claims_of("Smith said he was not sure that the ceasefire had been violated.")
    assert (claim.stance, claim.hedged, claim.proposition.relation) == (
        Stance.ASSERTS, True, "violated")


@pytest.mark.model
def test_passive_two_place_relations_put_the_agent_first():
    [claim] = claims_of("The governor said the town was captured by rebel fighters.")
    assert (claim.proposition.subject, claim.proposition.object) == ("rebel fighters", "town")


@pytest.mark.model
def test_phrasal_verbs_are_not_their_bare_verb():
    [claim] = claims_of("The general said his troops were holding back the rebels.")
    assert claim.proposition.relation != "controls"


@pytest.mark.model
def test_times_are_not_objects():
    [claim] = claims_of("The ministry said the shelling continued on Saturday.")
    assert claim.proposition.object is None


def test_chunks_cover_the_text_at_paragraph_breaks():
    from kgraph.extract import chunks

    text = "First paragraph here.\n\nSecond one, a bit longer.\n\nThird."
    pieces = list(chunks(text, 30))
    assert "".join(p for p, _ in pieces) == text
    assert all(len(p) <= 30 and text[o:o + len(p)] == p for p, o in pieces)
    assert pieces[0][0] == "First paragraph here."


@pytest.mark.model
def test_a_text_longer_than_the_models_limit_is_read_in_pieces_with_true_offsets():
    from kgraph.extract.model import load_model

    nlp = load_model()
    text = ("Nothing was said in this filler paragraph at all. " * 8 + "\n\n") * 4 + \
        "The ministry said the convoy was blocked."
    limit, nlp.max_length = nlp.max_length, 300
    try:
        [claim] = claims_of(text)
    finally:
        nlp.max_length = limit
    assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
    assert claim.evidence.text.startswith("The ministry said")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The minister did not say that the convoy was blocked.",  # a negated cue claims nothing
    "The minister would not say whether the convoy was blocked.",
    "Reporters were told that the convoy was blocked.",  # nobody named speaks
    "The ministry denied that the governor said the convoy was blocked.",
])
def test_no_one_is_made_to_claim_what_was_not_claimed(text):
    assert [(c.source.name, c.stance.value) for c in claims_of(text)
            if c.proposition.relation == "blocked" and c.stance is Stance.ASSERTS] == []


@pytest.mark.model
def test_a_judgement_is_not_a_denial():
    [claim] = claims_of("The envoy said the strike on the clinic was wrong.")
    assert claim.stance is Stance.ASSERTS


@pytest.mark.model
def test_a_month_is_no_hedge():
    [claim] = claims_of("The ministry said the rebels captured the town in May.")
    assert not claim.hedged


@pytest.mark.model
def test_a_nominal_relation_takes_its_agent_from_by():
    [claim] = claims_of("The governor said that the capture of the port by rebel fighters "
                        "was complete.")
    assert (claim.proposition.relation, claim.proposition.subject,
            claim.proposition.object) == ("captured", "rebel fighters", "port")


@pytest.mark.model
def test_relayed_attribution_keeps_claimant_and_relay():
    [claim] = claims_of("The Lakeside Wire reported that border officials said the convoy "
                        "was blocked.")
    assert claim.source.name == "border officials"
    assert [s.name for s in claim.relayed_by] == ["Lakeside Wire"]
