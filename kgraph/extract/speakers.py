"""Naming the speaker of an attribution: an entity, a noun phrase, or a pronoun's antecedent."""
from __future__ import annotations

from typing import Sequence

from spacy.tokens import Span, Token

from kgraph.extract.content import phrase
from kgraph.extract.cues import PRONOUNS
from kgraph.models import Source

ENTITY_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "NORP": "group"}
_PERSON_PRONOUNS = {"he", "she"}


def _entity(token: Token) -> Span | None:
    """The entity `token` is part of, cut at punctuation ("J.D. Vance - Trump" -> "Trump")."""
    if token.ent_type_ not in ENTITY_KINDS:
        return None
    entity = next(e for e in token.doc.ents if e.start <= token.i < e.end)
    start, end = token.i, token.i + 1
    while start > entity.start and not token.doc[start - 1].is_punct:
        start -= 1
    while end < entity.end and not token.doc[end].is_punct:
        end += 1
    return Span(token.doc, start, end, label=entity.label)


def _antecedent(pronoun: Token) -> Span | None:
    """The nearest entity before the pronoun that can be what it stands for."""
    wanted = ("PERSON",) if pronoun.lower_ in _PERSON_PRONOUNS else ("ORG", "GPE", "NORP")
    earlier = [e for e in pronoun.doc.ents if e.end <= pronoun.i and e.label_ in wanted]
    return earlier[-1] if earlier else None


def source_for(token: Token, recent: Sequence[Source] = ()) -> Source | None:
    """The Source a speaker token names, or None when it names nobody we can tell.

    A pronoun stands for the latest earlier speaker that fits it (news keeps to who is
    talking: "X said ... He added ..."), else for the nearest fitting entity before it."""
    if token.lower_ in PRONOUNS:
        person = token.lower_ in _PERSON_PRONOUNS
        speaker = next((s for s in reversed(recent) if (s.kind == "person") == person), None)
        if speaker is not None:
            return speaker
        entity = _antecedent(token)
        if entity is None:
            return None  # kept out rather than invented
        return Source(entity.text, entity.text, ENTITY_KINDS[entity.label_])
    entity = _entity(token)
    if entity is None:  # "the analyst John Smith": a named apposition beats the common noun
        entity = next((_entity(c) for c in token.children
                       if c.dep_ in ("appos", "compound") and _entity(c) is not None), None)
    if entity is not None and entity.label_ == "PERSON" or (
            entity is not None and entity.root == token):
        return Source(entity.text, entity.text, ENTITY_KINDS[entity.label_])
    label = phrase(token)
    if not label or token.pos_ not in ("NOUN", "PROPN"):
        return None
    return Source(label, label, "agent")


