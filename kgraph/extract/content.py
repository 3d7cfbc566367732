"""What a reported clause says: its relation, subject, object, polarity and hedging.

Works on the dependency parse of the clause a cue introduced ("that Ukrainian forces were
encircled"). The relation comes from the lexicon when a word of the clause is a label of one of
its concepts, and falls back to the clause's main verb otherwise.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kgraph.extract.cues import (CLAIM_NOUNS, EPISTEMIC, FALSE_PREDICATES, HEDGES, MODALS,
                                 RECORD_NOUNS)
from kgraph.lexicon import Lexicon

SUBJECT_DEPS = ("nsubjpass", "nsubj", "csubj")
OBJECT_DEPS = ("dobj", "attr", "oprd")
SIDE_CLAUSES = ("advcl", "parataxis")
PARTICLES = frozenset({"back", "off", "out", "up", "down", "over", "away"})  # clauses of their own: "once ...", "as ...", "he added"
# parts of a noun phrase that do not name the thing: clauses and asides hanging off it
_NP_CUT = {"relcl", "acl", "appos", "advcl", "punct", "cc", "conj", "preconj"}


@dataclass(frozen=True)
class Content:
    """The proposition of a clause, as text spans still to be canonicalised by resolve/."""

    subject: str
    relation: str
    object: str | None
    negated: bool
    hedged: bool
    quantity_text: str  # the words the figure (if any) stands in
    lexical: bool  # the relation is a lexicon concept, not the fallback verb
    time_text: str  # a date the clause gives for its proposition: "as of Wednesday"


def token_forms(token: Token) -> list[str]:
    """The strings a lexicon label may match: "cut off" from cut + particle (and then only that:
    "hold back" is not "hold"), "death toll" from a compound, else the word and its lemma."""
    particles = [c.lower_ for c in token.children
                 if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in PARTICLES)]
    if particles:
        return [f"{form} {p}" for p in particles for form in (token.lemma_.lower(), token.lower_)]
    # "fire on", "death toll": a verb with its preposition, a noun with its compound
    pairs = [f"{form} {c.lower_}" for c in token.children if c.dep_ == "prep"
             for form in (token.lemma_.lower(), token.lower_)]
    pairs += [f"{c.lower_} {token.lower_}" for c in token.children if c.dep_ == "compound"]
    return pairs + [token.lower_, token.lemma_.lower()]


def phrase(token: Token, exclude: frozenset[int] = frozenset()) -> str:
    """The noun phrase headed by `token`, without determiners and clauses hanging off it."""
    keep = [t for t in _np_tokens(token) if t.i not in exclude]
    return " ".join(t.text for t in sorted(keep, key=lambda t: t.i) if t.pos_ != "PUNCT").strip()


def _np_tokens(token: Token) -> list[Token]:
    tokens = [token]
    for child in token.children:
        if child.dep_ in _NP_CUT or child.dep_ == "det" or child.dep_ == "case":
            continue
        tokens += _np_tokens(child)
    return tokens


def _clause_tokens(root: Token, exclude: frozenset[int]) -> list[Token]:
    """Tokens of the clause, breadth-first from its root so the nearest word wins, with the
    predicate's path before the subject's modifiers ("casualty figures were available" is no
    claim about casualties) and without side clauses ("once ...", "as ...", "while ...")."""
    first, later, queue = [], [], [(root, False)]
    while queue:
        token, aside = queue.pop(0)
        if token.i in exclude or (token.dep_ in SIDE_CLAUSES and token != root):
            continue
        (later if aside else first).append(token)
        queue += [(c, aside or c.dep_ in SUBJECT_DEPS) for c in token.children]
    return first + later


def _polarity(token: Token, root: Token) -> tuple[bool, bool]:
    """(negated, uncertain): an odd number of negations between the relation word and the clause
    root flips it; a doubt on the way ("not sure that ...") hedges it instead."""
    flips, node = 0, token
    while True:
        negations = sum(1 for c in node.children
                        if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"))
        if node != token and node.lemma_.lower() in EPISTEMIC:
            return False, True
        flips += negations
        if node == root or node.head == node:
            break
        node = node.head
    return flips % 2 == 1, False


def _subject(token: Token, root: Token, two_place: bool = False) -> Token | None:
    """Who or what the relation word is said of, looked for within the clause under `root`."""
    node = token
    if token.pos_ in ("NOUN", "PROPN") and two_place:
        # "the capture of Sudzha by Russian forces": the agent is the subject (of: the object)
        agents = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "by"
                  for o in c.children if o.dep_ == "pobj"]
        return agents[0] if agents else None
    if token.pos_ in ("NOUN", "PROPN"):
        # "encirclement of X", "pocket of our units", "X's encirclement"
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
            if child.dep_ == "poss":
                return child
    if token.dep_ == "amod" and token.head.pos_ in ("NOUN", "PROPN"):  # "the encircled troops"
        return token.head
    # climb to the nearest clause that has a subject ("were at risk of encirclement")
    while True:
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
        if subjects and subjects[0].tag_ in ("WDT", "WP") and node.dep_ == "relcl":
            return node.head  # "the army that breached the truce": the army
        if subjects:
            return subjects[0]
        if node == root or node.dep_ in ("ROOT", "ccomp", "relcl", "advcl"):
            return None
        node = node.head


def _object(token: Token, subject: Token | None) -> Token | None:
    """What the relation word is about besides its subject; times are not objects."""
    for child in token.children:
        if child.dep_ in OBJECT_DEPS and child != subject and not _is_time(child):
            return child
    for child in token.children:  # "withdrew from Kursk", "fired on the ship"
        if child.dep_ == "prep" and child.lower_ != "by":
            objects = [c for c in child.children
                       if c.dep_ == "pobj" and c != subject and not _is_time(c)]
            if objects:
                return objects[0]
    return None


def _none_of(token: Token | None) -> bool:
    """"no soldiers were killed", "obstructed no vehicle", "nobody was hurt": a negation
    carried by the subject or object rather than by the verb."""
    if token is None:
        return False
    return token.lower_ in ("nobody", "none", "nothing") or any(
        c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def _is_time(token: Token) -> bool:
    return token.ent_type_ in ("DATE", "TIME")


def _passive_roles(token: Token) -> tuple[Token | None, Token] | None:
    """(agent, patient) of a passive two-place relation: "Sudzha was captured by Russian
    forces" -> (Russian forces, Sudzha); None when the verb is not passive."""
    patient = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if patient is None:
        return None
    agent = next((o for c in token.children if c.dep_ == "agent"
                  for o in c.children if o.dep_ == "pobj"), None)
    return agent, patient


def _false_claim_subject(root: Token) -> Token | None:
    """In "reports of P are false", the report that carries P; None when not that shape ("the
    strike was wrong" judges the strike, it does not deny a report)."""
    if root.lemma_ != "be":
        return None
    predicate = [c for c in root.children if c.dep_ in ("acomp", "attr")
                 and c.lemma_.lower() in FALSE_PREDICATES]
    subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS
                and c.lemma_.lower() in CLAIM_NOUNS | RECORD_NOUNS]
    return subjects[0] if predicate and subjects else None


def read_content(root: Token, lexicon: Lexicon, exclude: frozenset[int] = frozenset(),
                 ) -> Content | None:
    """The proposition the clause rooted at `root` states, or None when it states nothing."""
    negated = False
    false_subject = _false_claim_subject(root)
    if false_subject is not None:  # "reports of the encirclement are false": deny what follows
        # ... unless they "are not false"
        negated = not any(c.dep_ == "neg" for c in root.children)
        root = false_subject
    tokens = _clause_tokens(root, exclude)
    hedged = any((t.lower_ in HEDGES or t.lemma_.lower() in HEDGES)
                 and (t.lower_ not in MODALS or t.tag_ == "MD") for t in tokens)
    relation_token = next((t for t in tokens if t.pos_ in ("VERB", "ADJ", "NOUN", "PROPN")
                           and lexicon.relation(*token_forms(t))), None)
    lexical = relation_token is not None
    if lexical:
        relation = lexicon.relation(*token_forms(relation_token))
    else:
        relation_token = _fallback_predicate(root)
        if relation_token is None:
            return None
        relation = relation_token.lemma_.lower()
    two_place = lexicon.arity.get(relation) == 2
    subject = _subject(relation_token, root, two_place)
    obj = _object(relation_token, subject)
    active_only = two_place and relation not in lexicon.passive_subject
    passive = _passive_roles(relation_token) if active_only else None
    if passive is not None:
        subject, obj = passive
    flipped, uncertain = _polarity(relation_token, root)
    negated ^= flipped ^ _none_of(subject) ^ _none_of(obj)
    hedged = hedged or uncertain
    return Content(
        subject=phrase(subject, exclude) if subject is not None else "",
        relation=relation,
        object=phrase(obj, exclude) if obj is not None else None,
        negated=negated,
        hedged=hedged,
        quantity_text=" ".join(t.text for t in relation_token.subtree if t.i not in exclude),
        lexical=lexical,
        time_text=_time_text(relation_token, root),
    )


def _time_text(predicate: Token, root: Token) -> str:
    """A date phrase that modifies the predicate itself ("as of Wednesday the area had shrunk",
    "captured in August 2024"), not a clause hanging off it ("where they entered last August")."""
    heads = {predicate.i, root.i}
    for entity in predicate.doc.ents:
        if entity.label_ != "DATE":
            continue
        head = entity.root.head
        while head.dep_ == "prep" and head.i not in heads:  # "as of Wednesday", "in August"
            head = head.head
        if head.i in heads:
            return entity.text
    return ""


def _fallback_predicate(root: Token) -> Token | None:
    """The clause's main predicate when the lexicon knows none of its words."""
    if root.pos_ in ("VERB", "AUX"):
        for child in root.children:  # "X is responsible": the predicate adjective, not "be"
            if root.lemma_ == "be" and child.dep_ in ("acomp", "attr"):
                return child
        return root if root.lemma_ != "be" else None
    if root.pos_ in ("NOUN", "PROPN") and root.lemma_.lower() in CLAIM_NOUNS:
        return None
    return root if root.pos_ in ("NOUN", "ADJ") else None
