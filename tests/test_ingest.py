"""ingest/: files, directories, stdin, HTML and JSONL -> Documents (no model needed)."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from kgraph.ingest import IngestError, read_inputs
from kgraph.models import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "kursk"

ARTICLE = (
    "Flood barrier held overnight, city says\n\n"
    "The city of Orvale said on Monday that its new flood barrier had held overnight. "
    "Residents' groups said water had entered several cellars near the river."
)


def read(*inputs, stdin=None) -> list[Document | IngestError]:
    return list(read_inputs(inputs, stdin=stdin))


def one(*inputs, stdin=None) -> Document:
    (result,) = read(*inputs, stdin=stdin)
    assert isinstance(result, Document), result
    return result


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


# --- plain text -------------------------------------------------------------------------------


def test_date_header_on_its_own_line(tmp_path):
    path = write(tmp_path / "flood.txt", "date 2025-03-14\n\n" + ARTICLE + "\n")
    doc = one(path)
    assert doc.date == "2025-03-14"
    assert doc.text == ARTICLE
    assert doc.name == "flood.txt"
    assert doc.source_offset == len("date 2025-03-14\n\n")
    assert doc.id.startswith("d-") and len(doc.id) == 18


def test_date_header_inline_with_the_text(tmp_path):
    raw = " date 2025-03-14 Orvale says the barrier held. Residents disagree.\n"
    doc = one(write(tmp_path / "inline.txt", raw))
    assert doc.date == "2025-03-14"
    assert doc.text == "Orvale says the barrier held. Residents disagree."
    assert raw[doc.source_offset :].startswith(doc.text)


def test_no_header(tmp_path):
    doc = one(write(tmp_path / "plain.txt", ARTICLE))
    assert doc.date is None
    assert doc.text == ARTICLE
    assert doc.source_offset == 0


@pytest.mark.parametrize(
    "raw",
    [
        "Date was not given. " + ARTICLE,  # the word alone is not a header
        "date 2025-13-45\n" + ARTICLE,  # not a real date
        "date 2025-03-14T10:00 " + ARTICLE,  # not followed by whitespace
    ],
)
def test_things_that_are_not_a_header_stay_in_the_text(tmp_path, raw):
    doc = one(write(tmp_path / "x.txt", raw))
    assert doc.date is None
    assert doc.text == raw


@pytest.mark.parametrize(
    "raw",
    [
        "date 2025-03-14\n" + ARTICLE + "\n\n",
        "\n  date 2025-03-14   \n\n\n" + ARTICLE,
        "date 2025-03-14 " + ARTICLE,
        "   \n" + ARTICLE,
    ],
)
def test_source_offset_maps_back_into_the_file(tmp_path, raw):
    doc = one(write(tmp_path / "x.txt", raw))
    assert doc.text == raw[doc.source_offset :].rstrip()


def test_crlf_newlines_are_normalised(tmp_path):
    raw = "date 2025-03-14\r\n\r\n" + ARTICLE.replace("\n", "\r\n") + "\r\n"
    doc = one(write(tmp_path / "windows.txt", raw))
    assert "\r" not in doc.text
    assert doc.text == ARTICLE
    normalised = raw.replace("\r\n", "\n")
    assert normalised[doc.source_offset :].rstrip() == doc.text


def test_cp1252_fallback(tmp_path):
    raw = "The minister\x92s office \x93denied\x94 the report \x96 again.".encode("latin-1")
    doc = one(write(tmp_path / "legacy.txt", raw))
    assert doc.text == "The minister\u2019s office \u201cdenied\u201d the report \u2013 again."


def test_utf8_bom_is_dropped(tmp_path):
    raw = b"\xef\xbb\xbfdate 2025-01-02\n" + "Caf\u00e9 owners said so.".encode()
    doc = one(write(tmp_path / "bom.txt", raw))
    assert doc.date == "2025-01-02"
    assert doc.text == "Caf\u00e9 owners said so."


@pytest.mark.parametrize("raw", ["", "  \n\n\t ", "date 2025-03-14\n\n"])
def test_empty_file_is_an_error(tmp_path, raw):
    path = write(tmp_path / "empty.txt", raw)
    assert read(path) == [IngestError(str(path), "empty")]


def test_markdown_is_read_as_text(tmp_path):
    doc = one(write(tmp_path / "note.md", "date 2025-03-14\n# Orvale\n\nThe mayor said so."))
    assert doc.text == "# Orvale\n\nThe mayor said so."
    assert doc.date == "2025-03-14"


# --- ids, paths, directories ------------------------------------------------------------------


def test_same_article_twice_gets_the_same_id(tmp_path):
    a = one(write(tmp_path / "a.txt", "date 2025-03-14\n" + ARTICLE))
    b = one(write(tmp_path / "copy" / "b.txt", ARTICLE + "\n\n"))
    c = one(write(tmp_path / "c.txt", ARTICLE + " More."))
    assert a.id == b.id
    assert a.id != c.id


def test_missing_path_is_an_error_and_the_batch_goes_on(tmp_path):
    good = write(tmp_path / "good.txt", ARTICLE)
    missing = tmp_path / "nope.txt"
    results = read(missing, good)
    assert results[0] == IngestError(str(missing), "no such file or directory")
    assert isinstance(results[1], Document)


def test_unsupported_file_type_is_an_error(tmp_path):
    path = write(tmp_path / "scan.pdf", b"%PDF-1.4")
    (error,) = read(path)
    assert isinstance(error, IngestError)
    assert "unsupported file type '.pdf'" in error.reason


def test_binary_file_is_an_error(tmp_path):
    (error,) = read(write(tmp_path / "blob.txt", b"\x00\x01\x02abc"))
    assert isinstance(error, IngestError)
    assert "NUL" in error.reason


def test_directory_recursion_is_sorted_and_skips_hidden_and_unknown(tmp_path):
    root = tmp_path / "articles"
    write(root / "b.txt", "Second article.")
    write(root / "a.md", "First article.")
    write(root / "sub" / "c.txt", "Nested article.")
    write(root / "sub" / "deeper" / "d.txt", "Deeper article.")
    write(root / "zz.txt", "Last article.")
    write(root / ".hidden.txt", "Hidden file.")
    write(root / ".git" / "e.txt", "Inside a hidden folder.")
    write(root / "scan.pdf", b"%PDF-1.4")
    write(root / "notes.docx", b"PK")
    write(root / "README.md", "# What these articles are")
    names = [doc.name for doc in read(root)]
    assert names == ["a.md", "b.txt", "sub/c.txt", "sub/deeper/d.txt", "zz.txt"]


def test_directory_errors_name_the_real_path(tmp_path):
    root = tmp_path / "articles"
    write(root / "ok.txt", "An article.")
    bad = write(root / "blank.txt", "   ")
    results = read(root)
    assert [type(r) for r in results] == [IngestError, Document]
    assert results[0].source == str(bad)


def test_empty_directory_is_reported(tmp_path):
    (tmp_path / "nothing").mkdir()
    (error,) = read(tmp_path / "nothing")
    assert isinstance(error, IngestError)
    assert "no .txt" in error.reason


# --- stdin ------------------------------------------------------------------------------------


def test_stdin_text():
    doc = one("-", stdin=io.StringIO("date 2025-03-14\n" + ARTICLE))
    assert doc.name == "<stdin>"
    assert doc.date == "2025-03-14"
    assert doc.text == ARTICLE


def test_stdin_jsonl():
    lines = [
        json.dumps({"text": "First claim.", "url": "https://news.example/1"}),
        "",
        json.dumps({"text": "Second claim."}),
    ]
    docs = read("-", stdin=io.StringIO("\n  " + "\n".join(lines) + "\n"))
    assert [d.name for d in docs] == ["https://news.example/1", "<stdin>:4"]
    assert [d.text for d in docs] == ["First claim.", "Second claim."]


def test_stdin_html():
    page = (FIXTURES / "harbour-fire.html").read_text(encoding="utf-8")
    doc = one("-", stdin=io.StringIO(page))
    assert doc.url == "https://coastline-courier.example/news/2024/06/02/harbour-fire"
    assert "electrical fault" in doc.text


# --- JSONL ------------------------------------------------------------------------------------


def test_jsonl_good_lines_and_one_error_per_bad_line(tmp_path):
    lines = [
        json.dumps(
            {
                "text": "The ministry said the dam was intact.",
                "url": "https://wire.example/dam",
                "title": "Dam intact, ministry says",
                "date": "2024-05-06T14:02:00Z",
                "publisher": "Example Wire",
            }
        ),
        '{"text": "unterminated',
        json.dumps({"title": "No text here"}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"text": "date 2024-05-07\nEngineers said the dam had cracked."}),
        json.dumps({"text": 42}),
        json.dumps({"text": "   "}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    results = read(path)

    docs = [r for r in results if isinstance(r, Document)]
    errors = {r.source: r.reason for r in results if isinstance(r, IngestError)}
    assert len(docs) == 2
    first, second = docs
    assert first.name == first.url == "https://wire.example/dam"
    assert (first.title, first.date, first.publisher) == (
        "Dam intact, ministry says",
        "2024-05-06",
        "Example Wire",
    )
    assert second.name == "batch.jsonl:6"
    assert second.date == "2024-05-07"
    assert second.text == "Engineers said the dam had cracked."
    assert second.source_offset == len("date 2024-05-07\n")

    assert set(errors) == {f"{path}:{n}" for n in (2, 3, 5, 7, 8)}
    assert errors[f"{path}:2"].startswith("invalid JSON")
    assert errors[f"{path}:3"] == "missing 'text' field"
    assert errors[f"{path}:5"] == "expected a JSON object, got list"
    assert errors[f"{path}:7"] == "'text' must be a string, got int"
    assert errors[f"{path}:8"] == "empty"


def test_jsonl_unicode_line_separator_inside_a_string(tmp_path):
    # U+2028 is legal unescaped inside JSON; it must not split the line
    line = '{"text": "One\u2028two."}'
    doc = one(write(tmp_path / "sep.jsonl", line + "\n"))
    assert doc.text == "One\u2028two."


def test_jsonl_date_field_wins_and_bad_date_is_dropped(tmp_path):
    lines = [
        json.dumps({"text": "date 2024-01-01 Said this.", "date": "2024-02-02"}),
        json.dumps({"text": "Said that.", "date": "last Tuesday", "url": None, "title": 7}),
    ]
    a, b = read(write(tmp_path / "d.jsonl", "\n".join(lines)))
    assert a.date == "2024-02-02"
    assert (b.date, b.url, b.title, b.name) == (None, None, None, "d.jsonl:2")


# --- HTML -------------------------------------------------------------------------------------


@pytest.mark.skipif(not (EXAMPLES / "03-us-intelligence.html").exists(), reason="no example page")
def test_kursk_example_page_keeps_the_article_and_drops_the_furniture():
    doc = one(EXAMPLES / "03-us-intelligence.html")
    assert doc.name == "03-us-intelligence.html"
    assert doc.date == "2025-03-15"
    assert doc.title == "US intelligence says Ukrainian troops in Kursk are not encircled"
    assert doc.publisher == "Eastern Ledger"
    assert "Ukrainian troops in Russia's Kursk region were not encircled" in doc.text
    assert "reports of an encirclement were false" in doc.text
    assert "villages south of Sudzha" in doc.text
    for furniture in (
        "Subscribe",
        "Related news",
        "Most read",
        "Central bank holds rates",
        "rail strike",
        "Comet",
        "Cup final",
        "phone battery",
        "Privacy policy",
        "All rights reserved",
        "Independent news from Europe",
    ):
        assert furniture.lower() not in doc.text.lower(), furniture
    # paragraphs are separated by blank lines
    assert "earlier this week.\n\nTwo officials" in doc.text


def test_html_fixture_drops_nav_aside_and_footer():
    doc = one(FIXTURES / "harbour-fire.html")
    url = "https://coastline-courier.example/news/2024/06/02/harbour-fire"
    assert doc.name == doc.url == url
    assert doc.title == "Port authority disputes cause of harbour fire"
    assert doc.date == "2024-06-02"
    assert doc.publisher == "Coastline Courier"
    assert doc.source_offset == 0
    assert "caused by an electrical fault" in doc.text
    assert "Nobody leaves a live cable in an empty shed" in doc.text
    for furniture in (
        "Front page",
        "Daily crossword",
        "Related news",
        "ferry timetable",
        "lighthouse",
        "Imprint",
        "Cookie settings",
    ):
        assert furniture.lower() not in doc.text.lower(), furniture


def test_html_in_a_directory_without_url_is_named_by_path(tmp_path):
    page = (FIXTURES / "harbour-fire.html").read_text(encoding="utf-8")
    page = page.replace("<link rel=\"canonical\"", "<link rel=\"alternate\"")
    write(tmp_path / "site" / "news" / "fire.htm", page)
    doc = one(tmp_path / "site")
    assert doc.name == "news/fire.htm"
    assert doc.url is None


def test_html_date_falls_back_to_meta(monkeypatch):
    import trafilatura

    bare = SimpleNamespace(
        text="The mayor said so.", date=None, title=None, url=None, sitename=None
    )
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: bare)
    page = '<html><head><meta name="date" content="2023-11-05"><title>T</title></head></html>'
    doc = one("-", stdin=io.StringIO(page))
    assert (doc.date, doc.title, doc.text) == ("2023-11-05", "T", "The mayor said so.")


def test_html_without_article_text_is_an_error(tmp_path):
    page = '<html><body><nav><a href="/">Home</a></nav><footer>(c) 2024</footer></body></html>'
    path = write(tmp_path / "menu.html", page)
    assert read(path) == [IngestError(str(path), "no article text found")]


# --- errors and imports -----------------------------------------------------------------------


def test_ingest_error_is_a_one_line_value():
    error = IngestError("batch.jsonl:3", "missing 'text' field")
    assert str(error) == "batch.jsonl:3: missing 'text' field"
    with pytest.raises(AttributeError):
        error.reason = "other"  # type: ignore[misc]


def test_skipped_folders_are_not_walked(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "out" / "b.txt", ARTICLE + " Another sentence.")
    names = [d.name for d in read_inputs([tmp_path], skip=[tmp_path / "out"])]
    assert names == ["a.txt"]


def test_stdin_bytes_are_decoded_like_files():
    import io

    stdin = io.TextIOWrapper(io.BytesIO("Caf\xe9 owners said the road was blocked.".encode("cp1252")))
    [document] = read_inputs(["-"], stdin=stdin)
    assert document.text.startswith("Café owners")


def test_importing_ingest_loads_neither_spacy_nor_trafilatura():
    code = "import sys, kgraph.ingest; print(sorted({'spacy', 'trafilatura'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_page_furniture_is_blanked_and_offsets_kept():
    from kgraph.ingest.furniture import blank_furniture

    page = ("Home\n  • News\n  • Sport\nBREAKING\nCouncil: vote delayed again\n\n"
            "Harbour reopens after storm\n\n"
            "The harbour reopened on Monday, the port authority said. Ferries will run again "
            "from Tuesday, and the damaged pier will be rebuilt by summer, officials added.\n\n"
            "Related News\n\nMinister resigns over budget\n\nRead more: Storm season ends\n\n"
            "Most Read\n\nLocal team wins cup\n")
    blanked = blank_furniture(page)
    assert len(blanked) == len(page) and blanked.count("\n") == page.count("\n")
    for furniture in ("• News", "vote delayed", "Minister resigns", "Storm season", "Local team"):
        assert furniture not in blanked
    assert "The harbour reopened on Monday" in blanked
    start = page.index("The harbour reopened")
    assert blanked[start:start + 20] == page[start:start + 20]


def test_dateline_of_a_scraped_page():
    from kgraph.ingest.text import dateline

    assert dateline("Menu\n  • By Lakeside Wire\n  • 22 Mar 2025 21:27\n") == "2025-03-22"
    assert dateline("March 5, 2024\nText") == "2024-03-05"
    assert dateline("It rained on 22 Mar 2025 in the hills.\n") is None
