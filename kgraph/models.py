"""Frozen dataclasses exchanged between the stages (ingest -> extract -> resolve -> rdf -> ...).

Nothing here knows about spaCy, rdflib or pyvis: a claim carries character offsets into its
document, never a parser object, so every stage after extract/ runs without a model.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Stance(str, Enum):
    """Whether a source holds a proposition true or false."""

    ASSERTS = "asserts"
    DENIES = "denies"


@dataclass(frozen=True)
class TextSpan:
    """A stretch of a document's text: `text == document.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Document:
    """One article as read by ingest/: its plain text and what we know about it."""

    id: str  # deterministic, from the content: "d-<hash>"
    name: str  # file name, or URL when the input had one; what claims.json calls "document"
    text: str
    date: str | None = None  # ISO date of publication
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    # Where `text` starts in the original input (after a `date` header or JSON wrapping), so
    # offsets can be mapped back to the file; HTML has no such single offset.
    source_offset: int = 0


@dataclass(frozen=True)
class Source:
    """Who makes a claim. `name` is canonical after resolve/; `label` is how the text said it."""

    name: str
    label: str
    kind: str = "agent"  # person | organisation | place | group | outlet | agent


@dataclass(frozen=True)
class Proposition:
    """What a claim is about: subject, relation (a lexicon concept) and an optional object."""

    subject: str
    relation: str  # lexicon concept id, e.g. "encircled", or a fallback lemma
    object: str | None = None

    @property
    def label(self) -> str:
        parts = [self.subject, self.relation] + ([self.object] if self.object else [])
        return " | ".join(parts)


@dataclass(frozen=True)
class Quantity:
    """A figure given in a claim, as an interval: "about 1,000 km2" -> 900..1100."""

    value: float
    unit: str | None
    low: float
    high: float


@dataclass(frozen=True)
class Claim:
    """A source asserts or denies a proposition, read from one sentence of one document."""

    id: str
    source: Source
    stance: Stance
    proposition: Proposition
    evidence: TextSpan  # the sentence (or quote) it was read from
    document: str  # Document.id
    document_name: str  # Document.name, for people and claims.json
    date: str | None = None  # when the claim was made
    holds_text: str = ""  # the words that say when the proposition holds: "as of Wednesday"
    holds: tuple[str, str] | None = None  # that time as first and last ISO day (resolve/)
    hedged: bool = False
    cue: str = ""  # the word that carried the attribution: "said", "denied", "according to"
    quantity: Quantity | None = None
    relayed_by: tuple[Source, ...] = field(default=())  # outlets that passed the claim on


@dataclass(frozen=True)
class Side:
    """One position in a contradiction and the claims that take it."""

    position: str  # e.g. "encircled" / "not encircled"
    claims: tuple[str, ...]  # Claim ids


@dataclass(frozen=True)
class Contradiction:
    """Claims that cannot all be true, as found by one reasoner rule."""

    id: str
    kind: str  # negation | numeric | exclusive_value | ...
    proposition: str  # Proposition.label
    sides: tuple[Side, ...]
    rule: str  # name of the .rq rule that found it
    explanation: str = ""


@dataclass(frozen=True)
class Camp:
    """Sources that stand together: they agree with each other and oppose the other camp."""

    id: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Dispute:
    """A contradiction seen from the camps: which camp holds each side."""

    contradiction: str  # Contradiction.id
    proposition: str
    kind: str
    camps: tuple[tuple[str, ...], ...]  # per side, the camps of its sources
