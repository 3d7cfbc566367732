"""Naming the speaker of an attribution: an entity, a noun phrase, or a pronoun's antecedent."""
from __future__ import annotations

from typing import Sequence

from spacy.tokens import Span, Token

from kgraph.extract.content import phrase
from kgraph.extract.cues import PRONOUNS, RECORD_NOUNS, TITLES
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


def _fuller_name(span: Span) -> str | None:
    """The one longer person's name in the document that ends like `span` ("Marek" ->
    "Ilse Marek"), or None."""
    fuller = {e.text for e in span.doc.ents if e.label_ == "PERSON" and len(e) > len(span)
              and e[-1].lower_ == span[-1].lower_ and not any(t.is_punct for t in e)}
    return fuller.pop() if len(fuller) == 1 else None


def _person(entity: Span) -> Source:
    """A person: the fullest form of the name in the document ("Putin" -> "Vladimir Putin"),
    labelled as the text said it, titles included ("US President Donald Trump"), so resolve/
    can learn who "the US president" is."""
    doc = entity.doc
    name = _fuller_name(entity) or entity.text
    start = entity.start  # take in the titles in front: "US President", "Defence Minister"
    while start > 0 and (doc[start - 1].lower_ in TITLES
                         or doc[start - 1].ent_type_ in ("GPE", "NORP")):
        start -= 1
    return Source(name, doc[start:entity.end].text, "person")


def _author(token: Token) -> Token | None:
    """For "figures published by the ministry" or "estimates by monitors", the author."""
    if token.lemma_.lower() not in RECORD_NOUNS:
        return None
    for child in token.children:
        preps = [child] if child.dep_ == "prep" else [
            c for c in child.children if c.dep_ == "agent"] if child.dep_ == "acl" else []
        for prep in preps:
            if prep.lower_ in ("by", "from"):
                return next((o for o in prep.children if o.dep_ == "pobj"), None)
    return None


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
    author = _author(token)
    if author is not None:
        return source_for(author, recent)
    entity = _entity(token)
    if entity is None:  # "the analyst John Smith": a named apposition beats the common noun
        entity = next((_entity(c) for c in token.children
                       if c.dep_ in ("appos", "compound") and _entity(c) is not None), None)
    if entity is not None and entity.label_ == "PERSON":
        return _person(entity)
    if entity is not None and entity.root == token:
        return Source(entity.text, entity.text, ENTITY_KINDS[entity.label_])
    if token.pos_ == "PROPN" and _fuller_name(token.doc[token.i:token.i + 1]):
        return _person(token.doc[token.i:token.i + 1])  # a surname the tagger missed
    label = phrase(token)
    if not label or token.pos_ not in ("NOUN", "PROPN"):
        return None
    return Source(label, label, "agent")


