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


def _antecedent_source(pronoun: Token, recent: Sequence[tuple[Source, int]]) -> Source | None:
    person = pronoun.lower_ in _PERSON_PRONOUNS
    wanted = ("PERSON",) if person else ("ORG", "GPE", "NORP")
    earlier = [e for e in pronoun.doc.ents if e.end <= pronoun.i and e.label_ in wanted]
    candidates = [(i, s) for s, i in recent if (s.kind == "person") == person and i < pronoun.i]
    candidates += [(e.root.i, _entity_source(e)) for e in earlier
                   if e.root.dep_ in ("nsubj", "nsubjpass")]
    if candidates:
        return max(candidates, key=lambda c: c[0])[1]
    return _entity_source(earlier[-1]) if earlier else None  # kept out rather than invented


def _entity_source(entity: Span) -> Source:
    if entity.label_ == "PERSON":
        return _person(entity)
    return Source(entity.text, entity.text, ENTITY_KINDS[entity.label_])


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
    return Source(name, doc[_title_start(entity):entity.end].text, "person")


def _title_start(entity: Span) -> int:
    """Where the titles in front of a name begin: "US President", "Defence Minister"."""
    doc, start = entity.doc, entity.start
    while start > 0 and (doc[start - 1].lower_ in TITLES
                         or doc[start - 1].ent_type_ in ("GPE", "NORP")):
        start -= 1
    return start


def _titles(entity: Span) -> set[str]:
    """The title words the text gives a person, in front ("Interior Minister Petra Dunmore")
    or in apposition ("Ilse Granger, the board chair")."""
    before = entity.doc[_title_start(entity):entity.start]
    after = [t for c in entity.root.children if c.dep_ == "appos" for t in c.subtree]
    return {t.lower_ for t in (*before, *after) if t.lower_ in TITLES}


def _titled_person(token: Token) -> Span | None:
    """For a speaker named by role ("the interior minister", "the board chair"), the nearest
    person before it whom the text gave that title; None when nobody fits."""
    wanted = {t.lower_ for t in (token, *token.children) if t.lower_ in TITLES}
    definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the")
                   for c in token.children)
    if token.lower_ not in TITLES or not definite:  # "the minister", not "a former minister"
        return None
    earlier = [e for e in token.doc.ents if e.label_ == "PERSON" and e.end <= token.i]
    return next((e for e in reversed(earlier) if wanted <= _titles(e)), None)


def _author(token: Token) -> Token | None:
    """For "figures published by the ministry", "estimates by monitors" or "the ministry's
    statement", the author."""
    if token.lemma_.lower() not in RECORD_NOUNS:
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is not None and owner.pos_ in ("PROPN", "NOUN"):
        return owner
    for child in token.children:
        preps = [child] if child.dep_ == "prep" else [
            c for c in child.children if c.dep_ == "agent"] if child.dep_ == "acl" else []
        for prep in preps:
            if prep.lower_ in ("by", "from"):
                return next((o for o in prep.children if o.dep_ == "pobj"), None)
    return None


def source_for(token: Token, recent: Sequence[tuple[Source, int]] = ()) -> Source | None:
    """The Source a speaker token names, or None when it names nobody we can tell.

    `recent` holds the speakers so far with their token positions. A pronoun stands for the
    latest earlier speaker or named subject that fits it (news keeps to who is talking: "X
    said ... He added ..."), else for the nearest fitting entity before it."""
    if token.lower_ in PRONOUNS:
        return _antecedent_source(token, recent)
    author = _author(token)
    if author is not None:
        return source_for(author, recent)
    entity = _entity(token)
    if entity is None:  # "the analyst John Smith": a named apposition beats the common noun
        entity = next((_entity(c) for c in token.children
                       if c.dep_ in ("appos", "compound") and _entity(c) is not None), None)
    named = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if named and token.lower_ in TITLES:
        # "the group's leader, Corin Ashdale,": a title's apposition is a person, whatever
        # the tagger thought
        return Source(phrase(named[0]), phrase(named[0]), "person")
    if entity is not None and entity.label_ == "PERSON":
        return _person(entity)
    if entity is not None and entity.root == token:
        return Source(entity.text, entity.text, ENTITY_KINDS[entity.label_])
    titled = _titled_person(token)
    if titled is not None:
        return _person(titled)
    if token.pos_ == "PROPN" and _fuller_name(token.doc[token.i:token.i + 1]):
        return _person(token.doc[token.i:token.i + 1])  # a surname the tagger missed
    label = phrase(token)
    if not label or token.pos_ not in ("NOUN", "PROPN"):
        return None
    return _titled_name(label) or Source(label, label, "agent")


def _titled_name(label: str) -> Source | None:
    """"Alliance spokesperson Mira Holt": the capitalised words after the last title word are a
    person's name, even when the tagger did not see one."""
    words = label.split()
    titled = [i for i, w in enumerate(words) if w.lower() in TITLES]
    name = words[titled[-1] + 1:] if titled else []
    if len(name) >= 2 and all(w[:1].isupper() for w in name):  # not "General Staff"
        return Source(" ".join(name), label, "person")
    return None


