"""Who says what in a sentence: the attribution shapes of news prose.

- "X said/claimed/denied that P", "P, X said" (a speech verb with a clausal complement);
- "X denied claims by Y and Z that P" (Y and Z assert P, X denies it);
- "according to X, P";
- "as X suggests" (X asserts the clause it hangs off).
Each shape yields an Attribution: the speaker tokens, the clause, and whether the cue denies it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from spacy.tokens import Span, Token

from kgraph.extract.cues import CLAIM_NOUNS, DENIAL_VERBS, SPEECH_VERBS

COMPLEMENTS = ("ccomp", "xcomp", "dobj", "prep", "attr", "acomp")


@dataclass(frozen=True)
class Attribution:
    speakers: tuple[Token, ...]
    content: Token  # root of the attributed clause
    cue: Token
    denies: bool  # the cue itself rejects the content
    exclude: frozenset[int] = frozenset()  # token indices that are not part of the content


def _with_conjuncts(token: Token) -> tuple[Token, ...]:
    """"Trump and Putin" -> both heads."""
    return (token, *token.conjuncts)


def _speakers(verb: Token) -> tuple[Token, ...]:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        # "it was reported by the agency that ...": the agent speaks; "reporters were told
        # that ...": nobody we can name does
        agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children
                  if o.dep_ == "pobj"]
        return _with_conjuncts(agents[0]) if agents else ()
    # "the engineer Lena Ortiz said" can come out as two subjects: the named one speaks
    subjects = sorted((c for c in verb.children if c.dep_ == "nsubj"),
                      key=lambda c: (c.ent_type_ not in ("PERSON", "ORG"), c.i))
    if not subjects and (verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")):
        # "X acknowledged ... but denied ...", "X rejected ..., saying ...": the same speaker
        return _speakers(verb.head)
    return _with_conjuncts(subjects[0]) if subjects else ()


def _is_speech(token: Token) -> bool:
    return token.lemma_.lower() in SPEECH_VERBS and token.pos_ in ("VERB", "AUX")


def attributions(sentence: Span) -> Iterator[Attribution]:
    """Every attribution in `sentence`, in text order."""
    for token in sentence:
        if _is_speech(token):
            yield from _from_speech_verb(token)
        elif token.lower_ == "according":
            yield from _from_according_to(token, sentence)


def _from_speech_verb(verb: Token) -> Iterator[Attribution]:
    if any(c.dep_ == "neg" for c in verb.children):
        return  # "X did not say that P", "X never denied P": no stance on P either way
    speakers = _speakers(verb)
    denies = verb.lemma_.lower() in DENIAL_VERBS
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        # "... as the president suggests": the speaker holds the clause this hangs off, unless
        # the verb says something of its own ("as the bank warned of inflation": "as" = while)
        if speakers and not denies and not any(c.dep_ in COMPLEMENTS for c in verb.children):
            yield Attribution(speakers, verb.head, verb, False,
                              frozenset(t.i for t in verb.subtree))
        return
    if verb.dep_ == "parataxis" and speakers:
        # "The operation, they claimed, achieved its goals": the clause the aside interrupts
        yield Attribution(speakers, verb.head, verb, denies, frozenset(t.i for t in verb.subtree))
    for child in verb.children:
        if child.dep_ == "ccomp" and speakers and not _is_question(child):
            yield Attribution(speakers, child, verb, denies)
        elif child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in CLAIM_NOUNS:
            yield from _from_claim_noun(child, verb, speakers, denies)


def _is_question(clause: Token) -> bool:
    """"said whether P", "asked if P": P is in question, not claimed."""
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children)


def _from_claim_noun(noun: Token, verb: Token, speakers: tuple[Token, ...], denies: bool,
                     ) -> Iterator[Attribution]:
    """"denied claims by Y and Z that P": the cue's speaker on P, and Y and Z asserting P."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")]
    if not clauses:
        return
    clause = clauses[0]
    claimants: tuple[Token, ...] = ()
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")):
        claimants += _named_in(prep)
    if speakers:
        yield Attribution(speakers, clause, verb, denies)
    if claimants:
        yield Attribution(claimants, clause, noun, False)


def _named_in(prep: Token) -> tuple[Token, ...]:
    """Everyone a prepositional phrase names: its objects and their conjuncts, plus any named
    entity the parser hung elsewhere in it ("by both Putin and US President Donald Trump" is
    often parsed with Putin as a modifier of Trump)."""
    heads = [t for p in prep.children if p.dep_ == "pobj" for t in _with_conjuncts(p)]
    taken = {h.i for h in heads}
    for entity in prep.doc.ents:
        inside = prep.left_edge.i <= entity.start and entity.end <= prep.right_edge.i + 1
        if (inside and entity.label_ in ("PERSON", "ORG") and entity.root.dep_ != "compound"
                and not taken & set(range(entity.start, entity.end))):
            heads.append(entity.root)
    return tuple(sorted(heads, key=lambda t: t.i))


def _from_according_to(according: Token, sentence: Span) -> Iterator[Attribution]:
    to = [c for c in according.children if c.lower_ == "to"]
    speakers = tuple(t for p in to for o in p.children if o.dep_ == "pobj"
                     for t in _with_conjuncts(o))
    if not speakers:
        return
    # the clause the phrase hangs off, else the sentence's main clause
    content = according.head if according.head != according else sentence.root
    if content == according:
        return
    yield Attribution(speakers, content, according, False,
                      frozenset(t.i for t in according.subtree))
