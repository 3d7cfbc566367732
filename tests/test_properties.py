"""Property tests (hypothesis): arbitrary bytes and text through ingest, IRI minting, the TriG
output and extraction never crash, and what comes out keeps its promises."""
from __future__ import annotations

import io
import json
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Literal

from kgraph.ingest import IngestError, read_inputs
from kgraph.ingest.common import clean, decode
from kgraph.ingest.jsonl import read_jsonl
from kgraph.models import Claim, Document, Proposition, Source, Stance, TextSpan
from kgraph.rdf.iris import entity_iri, proposition_iri, slug, source_iri
from kgraph.rdf.mapping import document_quads
from kgraph.store import open_store

# what a scraped page throws at us: controls, quotes, brackets, emoji, bidi marks, odd spaces
NASTY = st.sampled_from(list('\x00\x07\x1b\x7f\x85\u200b\u200f\u202e\u2028\ufeff\ufffd'
                             '<>"{}\\|^`\'&; \n\t\r') + ["\U0001F69A", "said", "denied", "Kyiv"])
TEXT = st.lists(st.one_of(st.text(max_size=12), NASTY), max_size=30).map("".join)
HALF_A_CHARACTER = '{"text": "the first half of an emoji \\ud83d, alone"}'
UNSAFE_IN_IRI = set('<>"{}|\\^` \n\t\r')
SUFFIXES = [".txt", ".md", ".html", ".jsonl", ".jsonl.gz"]
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | TEXT,
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.sampled_from(["text", "url", "date", "title", "x"]),
                                      inner, max_size=4), max_leaves=8)


def is_clean(text: str) -> bool:
    return all(unicodedata.category(c) != "Cc" or c in "\n\t" for c in text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=400), TEXT.map(lambda t: t.encode("utf-8"))),
       suffix=st.sampled_from(SUFFIXES))
def test_any_file_is_read_or_named_with_a_reason(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("p") / f"input{suffix}"
    path.write_bytes(data)
    found = list(read_inputs([path]))
    assert found
    for item in found:
        if isinstance(item, IngestError):
            assert item.source.startswith(str(path)) and item.reason and "\n" not in item.reason
        else:
            assert item.text.strip() and is_clean(item.text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(JSON.map(json.dumps), TEXT, st.just(HALF_A_CHARACTER)), max_size=6))
def test_any_jsonl_gives_a_result_per_non_blank_line_or_refuses_the_file(lines):
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    found = list(read_jsonl(io.BytesIO(data), "feed.jsonl", "feed.jsonl", max_size=1 << 20))
    assert all(isinstance(item, (Document, IngestError)) for item in found)
    non_blank = sum(1 for line in data.split(b"\n") if decode(line).strip())  # as ingest reads
    # a refused file (binary, empty) is one error without a line number
    refused = [getattr(item, "source", None) for item in found] == ["feed.jsonl"]
    assert refused or len(found) == non_blank


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT)
def test_minted_iris_are_safe_and_tell_texts_apart(a, b):
    for iri in (source_iri(a), entity_iri(a), proposition_iri(Proposition(a, "encircled", b)),
                proposition_iri(Proposition(a, b or "x"))):
        assert not UNSAFE_IN_IRI & set(iri) and iri.isascii()
    assert source_iri(a) == source_iri(a)
    if a != b and not (a.isascii() and b.isascii()):
        assert slug(a) != slug(b)


def one_claim(text: str, name: str, subject: str) -> tuple[Document, Claim]:
    doc = Document(id="d-prop", name=name, text=text, title=name, url=name, date="2025-01-02")
    claim = Claim(id="c-prop", source=Source(name or "x", name or "x"), stance=Stance.DENIES,
                  proposition=Proposition(subject or "y", "encircled", name),
                  evidence=TextSpan(0, len(text), text), document=doc.id,
                  document_name=doc.name, date=doc.date, cue="said")
    return doc, claim


@settings(max_examples=100, deadline=None)
@given(text=TEXT, name=TEXT, subject=TEXT)
def test_the_trig_of_any_text_parses_back_to_the_same_literals(text, name, subject):
    doc, claim = one_claim(clean(text), clean(name), clean(subject))  # as ingest hands them on
    with open_store("memory") as store:
        store.add(document_quads(doc, [claim]))
        trig, count = store.serialize("trig"), len(store)
    parsed = Dataset()
    parsed.parse(data=trig, format="trig")
    assert len(parsed) == count
    literals = {str(o) for *_, o, _ in parsed.quads() if isinstance(o, Literal)}
    assert {doc.text, doc.name, claim.source.name} - {""} <= literals


@pytest.mark.model
@settings(max_examples=25, deadline=None)
@given(TEXT.filter(lambda t: clean(t).strip()))
def test_extraction_of_any_text_does_not_crash(text):
    from kgraph.extract import extract_claims

    doc = Document(id="d-any", name="any.txt", text=clean(text))
    for claim in extract_claims([doc]):
        assert doc.text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
