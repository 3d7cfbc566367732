"""resolve/: dates, canonical source names, canonical entities and whole-batch resolution."""
from __future__ import annotations

import pytest

from kgraph.lexicon import load_lexicon
from kgraph.models import Claim, Document, Proposition, Source, Stance, TextSpan
from kgraph.resolve import canonical_entity, canonical_names, claim_date, resolve_claims

FRIDAY = "2025-03-14"


@pytest.mark.parametrize("sentence, expected", [
    ("The envoy said on Thursday that talks had stalled.", "2025-03-13"),
    ("This Friday the envoy said talks had stalled.", "2025-03-14"),
    ("Last Sunday the envoy said talks had stalled.", "2025-03-09"),
    ("Last Friday the envoy said talks had stalled.", "2025-03-07"),
    ("The envoy said yesterday that talks had stalled.", "2025-03-13"),
    ("On March 12 the envoy said talks had stalled.", "2025-03-12"),
    ("The envoy said talks had stalled.", FRIDAY),  # no time words: the document's date
])
def test_claim_date(sentence, expected):
    assert claim_date(FRIDAY, sentence) == expected


def test_claim_date_month_day():
    assert claim_date("2025-03-20", "The council said on March 16 that it withdrew.") == "2025-03-16"
    # a day later in the year than the article is last year's
    assert claim_date("2025-01-05", "The council said on December 30 that it withdrew.") == "2024-12-30"


def test_claim_date_without_document_date():
    assert claim_date(None, "The envoy said on Thursday that talks had stalled.") is None
    assert claim_date("2025-03-14T09:30:00Z", "on Thursday") == "2025-03-13"


def people(*names: str) -> list[Source]:
    return [Source(n, n, "person") for n in names]


def agents(*names: str) -> list[Source]:
    return [Source(n, n, "agent") for n in names]


def test_surname_is_the_person():
    names = canonical_names(people("Ilse Marek", "Marek", "Marek"))
    assert names == {"Ilse Marek": "Ilse Marek", "Marek": "Ilse Marek"}


def test_surname_of_two_people_stays_apart():
    names = canonical_names(people("Ilse Marek", "Jan Marek", "Marek"))
    assert names["Marek"] == "Marek"


def test_transliterations_merge():
    names = canonical_names(people("Volodymyr Zelensky", "Zelenski", "Zelenskyy", "Zelenskiy"))
    assert set(names.values()) == {"Volodymyr Zelensky"}
    # without a full name the spellings still meet on one
    assert len(set(canonical_names(agents("Dobrovsky", "Dobrovski", "Dobrovskyy")).values())) == 1


def test_a_persons_titles_are_stripped():
    assert set(canonical_names(people("President Ilse Marek", "Ilse Marek")).values()) == {
        "Ilse Marek"}


def test_a_title_the_corpus_gives_one_person_is_that_person():
    sources = [Source("Ilse Marek", "Harbour Governor Ilse Marek", "person"),
               Source("Jan Vos", "Mayor Jan Vos", "person"),
               *agents("harbour governor", "the mayor")]
    names = canonical_names(sources)
    assert names["harbour governor"] == "Ilse Marek"
    assert names["the mayor"] == "Jan Vos"


def test_a_title_shared_by_two_people_names_nobody():
    sources = [Source("Ilse Marek", "Mayor Ilse Marek", "person"),
               Source("Jan Vos", "Mayor Jan Vos", "person"), *agents("the mayor")]
    assert canonical_names(sources)["the mayor"] == "Mayor"


def test_capital_speaks_for_its_country():
    names = canonical_names(agents("Kyiv", "Kiev", "Moscow"))
    assert names == {"Kyiv": "Ukraine", "Kiev": "Ukraine", "Moscow": "Russia"}


def test_possessive_place_is_the_demonym():
    names = canonical_names(agents("Ukraine's General Staff", "Ukrainian General Staff"))
    assert set(names.values()) == {"Ukrainian General Staff"}


def test_tail_of_an_organisation_joins_it():
    names = canonical_names(agents("General Staff", "Ukrainian General Staff"))
    assert names["General Staff"] == "Ukrainian General Staff"


def test_common_noun_is_not_a_surname():
    names = canonical_names(agents("Experts", "independent military experts"))
    assert names["Experts"] == "Experts"
    assert names["independent military experts"] == "Independent military experts"


@pytest.mark.parametrize("phrase, speaker, expected", [
    ("thousands of Kyiv soldiers", "", "Ukrainian forces"),
    ("Kiev's troops", "", "Ukrainian forces"),
    ("its units", "Ukraine", "Ukrainian forces"),
    ("our soldiers", "Ukrainian General Staff", "Ukrainian forces"),
    ("the Varna offensive", "", "Varna operation"),
    ("the offensive", "", "operation"),  # a bare type: no qualifier to add
    ("the harbour wall", "", "harbour wall"),  # unknown to the lexicon: keeps its words
])
def test_canonical_entity(phrase, speaker, expected):
    assert canonical_entity(phrase, load_lexicon(), speaker).label == expected


def test_canonical_entity_plural_brigades():
    assert canonical_entity("its brigades", load_lexicon(), "Ukraine").label == "Ukrainian forces"


def _raw(id: str, doc: Document, sentence: str, label: str, kind: str, stance: Stance,
         subject: str, relation: str, obj: str | None = None) -> Claim:
    start = doc.text.index(sentence)
    return Claim(id, Source(label, label, kind), stance, Proposition(subject, relation, obj),
                 TextSpan(start, start + len(sentence), sentence), doc.id, doc.name, date=doc.date)


def test_resolve_claims_end_to_end():
    first = Document("d-1", "first.txt", date=FRIDAY, text=(
        "Commander Ilse Marek said on Thursday that thousands of Kyiv soldiers were surrounded. "
        "Kyiv denied that its units were encircled."))
    second = Document("d-2", "second.txt", date="2025-03-17", text=(
        "Marek said last Sunday that Kiev's troops were encircled. "
        "Marek said the troops were encircled by the enemy."))
    raw = [
        _raw("c-1", first, first.text[:87], "Commander Ilse Marek", "person", Stance.ASSERTS,
             "thousands of Kyiv soldiers", "encircled"),
        _raw("c-2", first, "Kyiv denied that its units were encircled.", "Kyiv", "place",
             Stance.DENIES, "its units", "encircled"),
        _raw("c-3", second, "Marek said last Sunday that Kiev's troops were encircled.", "Marek",
             "person", Stance.ASSERTS, "Kiev's troops", "encircled"),
        _raw("c-4", second, "Marek said the troops were encircled by the enemy.", "Marek",
             "person", Stance.ASSERTS, "the troops", "encircled", "the enemy"),
    ]
    resolved = resolve_claims(raw)

    assert [c.id for c in resolved] == ["c-1", "c-2", "c-3", "c-4"]
    assert [c.source.name for c in resolved] == ["Ilse Marek", "Ukraine", "Ilse Marek", "Ilse Marek"]
    assert [c.source.label for c in resolved] == [c.source.label for c in raw]  # as written
    # one proposition: qualified in every wording, a bare "the troops" joins its document's topic,
    # and a one-place relation drops its object
    assert {c.proposition for c in resolved} == {Proposition("Ukrainian forces", "encircled")}
    assert [c.date for c in resolved] == ["2025-03-13", FRIDAY, "2025-03-16", "2025-03-17"]
    assert [c.stance for c in resolved] == [c.stance for c in raw]
    assert [c.evidence for c in resolved] == [c.evidence for c in raw]


def test_a_place_as_agent_of_a_military_relation_is_its_forces():
    lexicon = load_lexicon()
    assert lexicon.agent_types["captured"] == "forces"
    assert canonical_entity("Kyiv", lexicon, "", "forces").label == "Ukrainian forces"
    assert canonical_entity("Kyiv", lexicon).label == "Ukraine"  # no agent type: the place


def test_bare_mentions_join_the_topic_of_their_relation():
    from kgraph.resolve.propositions import canonical_propositions

    items = [(Proposition("the Varna offensive", "achieved", "its goals"), "Marek", "d-1"),
             (Proposition("it", "achieved", "its main objectives"), "Vos", "d-1"),
             (Proposition("the offensive", "achieved", "the objectives"), "Ruiz", "d-2")]
    labels = {p.label for p in canonical_propositions(items, load_lexicon())}
    assert labels == {"Varna operation | achieved | goal"}


@pytest.mark.parametrize("words, expected", [
    ("as of Wednesday", ("2025-03-12", "2025-03-12")),
    ("in August 2024", ("2024-08-01", "2024-08-31")),
    ("last August", ("2024-08-01", "2024-08-31")),
    ("August of last year", ("2024-08-01", "2024-08-31")),
    ("in 2023", ("2023-01-01", "2023-12-31")),
    ("the truce", None),
])
def test_time_span_of_a_proposition(words, expected):
    from kgraph.resolve import time_span

    assert time_span(FRIDAY, words) == expected
