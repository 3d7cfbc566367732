"""Messy input (issue 8): every bad input in tests/fixtures/bad is named with its reason and
the rest is read; limits, stdin, pipes, Ctrl-C, kills and a second writer with bad input in
the mix; names full of characters unsafe in IRIs, HTML and SPARQL."""
from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal

import ingest_child
from kgraph.cli import main
from kgraph.files import write_atomic
from kgraph.ingest import IngestError, read_inputs
from kgraph.models import Claim, Document, Proposition, Source, Stance, TextSpan
from kgraph.rdf.iris import source_iri
from kgraph.rdf.mapping import document_quads
from kgraph.rdf.vocab import ID, SCHEMA
from kgraph.store import open_store
from test_store import by_graph, write_articles

BAD = Path(__file__).with_name("fixtures") / "bad"
GOOD = ("good-weir-board.txt", "good-weir-residents.md", "good-ferry.txt")
# every input in BAD that yields no document, with (a part of) the reason it is named with
SKIPPED = {
    "all-navigation.html": "no article text found",
    "archive.md": "binary, not text",
    "picture.txt": "binary, not text",
    "empty.txt": "empty",
    "whitespace-only.txt": "empty",
    "truncated.jsonl:2": "invalid JSON (Unterminated string starting at) (the line is cut off)",
    "mixed-lines.jsonl:1": "invalid JSON",
    "mixed-lines.jsonl:2": "missing 'text' field",
    "mixed-lines.jsonl:3": "'text' must be a string, got int",
    "mixed-lines.jsonl:4": "'text' must be a string, got list",
    "mixed-lines.jsonl:5": "expected a JSON object, got list",
    "mixed-lines.jsonl:6": "empty",
    "cut-off.jsonl.gz:18": "the file breaks off here",
}


def read(*inputs, **options) -> list[Document | IngestError]:
    return list(read_inputs([str(i) for i in inputs], **options))


def documents(*inputs, **options) -> list[Document]:
    found = read(*inputs, **options)
    assert all(isinstance(d, Document) for d in found), found
    return found  # type: ignore[return-value]


def run(*args: str, code: int = 0, input: bytes | None = None):
    result = CliRunner().invoke(main, list(args), input=input)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def stand_in_extractor(monkeypatch):
    """extract/ without the spaCy model: one claim per line 'X asserts that Y is Z.'"""
    import kgraph.extract

    monkeypatch.setattr(kgraph.extract, "extract_claims", ingest_child.extract_claims)


# --- each bad input on its own ------------------------------------------------------------------

def test_every_bad_input_is_named_with_its_reason():
    errors = {Path(e.source).name: e.reason for e in read(BAD) if isinstance(e, IngestError)}
    assert errors.keys() == SKIPPED.keys()
    for name, reason in SKIPPED.items():
        assert reason in errors[name], name


def test_control_characters_and_terminal_codes_are_cleaned():
    [doc] = documents(BAD / "controls.txt")
    assert doc.text.startswith("The Dunmore dockers' union said that the cranes")
    assert "[0m" not in doc.text
    assert all(unicodedata.category(c) != "Cc" for c in doc.text.replace("\n", ""))


def test_a_few_nul_bytes_are_cleaned_but_mostly_nul_is_binary(tmp_path):
    text = tmp_path / "stray.txt"
    text.write_bytes(b"The pier was closed, the harbour office said.\0 " * 40)
    assert "\0" not in documents(text)[0].text
    blob = tmp_path / "blob.txt"
    blob.write_bytes(b"a\0b\0c\0" * 100)
    assert read(blob) == [IngestError(str(blob), "binary, not text (NUL bytes)")]


@pytest.mark.parametrize("name, start", [
    ("latin1.txt", "The mayor of Caernay said that the caf\u00e9 on the square was closed "
                   "\u201cuntil further notice\u201d \u2013"),
    # UTF-8 with two broken bytes stays UTF-8: the apostrophe is not turned into "â€™"
    ("broken-utf8.txt", "The Brask observatory said that the comet\u2019s tail"),
    ("utf16-bom.txt", "The Selvik fire brigade said that the blaze"),
])
def test_encodings(name, start):
    [doc] = documents(BAD / name)
    assert doc.text.startswith(start)
    assert doc.date == "2025-06-05"


def test_jsonl_in_utf16_is_named_not_misread(tmp_path):
    feed = tmp_path / "wide.jsonl"
    feed.write_bytes(json.dumps({"text": "The port said so."}).encode("utf-16"))
    assert read(feed) == [
        IngestError(str(feed), "JSONL must be UTF-8 (this file is UTF-16 or UTF-32)")]


def test_an_html_page_in_its_declared_encoding():
    [page] = documents(BAD / "cyrillic-windows-1251.html")
    assert page.title == "Мост через реку закрыт"
    assert "Городской совет Заречья заявил" in page.text


def test_broken_utf8_bytes_become_replacement_characters():
    [doc] = documents(BAD / "broken-utf8.txt")
    assert doc.text.endswith("Thursd\ufffdy\ufffd.")


def test_malformed_html_is_read_and_scripts_and_styles_are_not_text():
    [page] = documents(BAD / "malformed.html")
    assert "the bridge at Korrin was reopened" in page.text
    assert "thanked drivers for their patience" in page.text
    [article] = documents(BAD / "scripts-and-styles.html")
    assert "Rescue leader Ona Brevik said the air supply" in article.text
    for code in ("rescue team denied", "track(", "color: red", "miners were lost"):
        assert code not in article.text


def test_jsonl_keeps_good_lines_around_bad_ones():
    found = read(BAD / "mixed-lines.jsonl")
    assert [type(x).__name__ for x in found] == ["IngestError"] * 6 + ["Document"]
    assert found[-1].name == "mixed-lines.jsonl:7"
    assert found[-1].title is None and found[-1].date is None  # wrong types are left out
    [good, cut] = read(BAD / "truncated.jsonl")
    assert good.url == "https://example.org/tallis"
    assert cut.source.endswith("truncated.jsonl:2")


def test_gzipped_jsonl_and_a_cut_off_one():
    [doc] = documents(BAD / "articles.jsonl.gz")
    assert doc.url == "https://example.org/velden"
    *docs, error = read(BAD / "cut-off.jsonl.gz")
    assert len(docs) == 17 and all(isinstance(d, Document) for d in docs)
    assert error.source == f"{BAD / 'cut-off.jsonl.gz'}:18"


def test_a_gzip_that_is_not_one(tmp_path):
    path = tmp_path / "fake.jsonl.gz"
    path.write_text('{"text": "plain, not gzipped"}\n')
    [error] = read(path)
    assert error.source == str(path) and "gzip" in error.reason.lower()


def test_deeply_nested_json_and_html_are_named_not_crashed_on(tmp_path):
    feed = tmp_path / "nested.jsonl"
    feed.write_text('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    assert read(feed) == [IngestError(f"{feed}:1", "invalid JSON (nested too deeply)")]
    page = tmp_path / "nested.html"
    page.write_text("<html><body>" + "<div>" * 50_000 + "<p>The mayor said so.</p></body>")
    [result] = read(page)
    assert isinstance(result, (Document, IngestError))


# --- sizes --------------------------------------------------------------------------------------

def test_a_file_over_the_size_limit_is_refused_unread(tmp_path):
    big = tmp_path / "live-blog.txt"
    with big.open("wb") as out:
        out.truncate(21_000_000)  # sparse: nothing is written, and it must not be read
    assert read(big) == [IngestError(
        str(big), "too large (21.0 MB, limit 20.0 MB; raise it with --max-size)")]
    assert read(big, max_size=30_000_000)[0].reason == "binary, not text (NUL bytes)"


def test_the_size_limit_holds_for_one_jsonl_line_and_inside_gzip(tmp_path):
    lines = [json.dumps({"text": "The ferry was cancelled, the port said. " * n})
             for n in (2, 500, 3)]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    found = read(path, max_size=5_000)
    assert [type(x).__name__ for x in found] == ["Document", "IngestError", "Document"]
    assert found[1] == IngestError(
        f"{path}:2", "too large (limit 5,000 bytes; raise it with --max-size)")
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a " * 5_000_000))  # 10 MB from a few kilobytes
    assert "too large" in read(bomb, max_size=1_000_000)[0].reason


def test_max_size_on_the_command_line(tmp_path, stand_in_extractor):
    result = run("build", str(BAD / "controls.txt"), str(BAD / "good-ferry.txt"),
                 "--out", str(tmp_path / "out"), "--max-size", "1kB")
    assert (f"kgraph: {BAD / 'controls.txt'}: too large (1,462 bytes, limit 1,000 bytes; "
            "raise it with --max-size)") in result.stderr.splitlines()
    assert "not a size" in run("build", "x", "--out", "y", "--max-size", "lots", code=2).output


# --- paths, stdin, exit status -------------------------------------------------------------------

def test_paths_that_do_not_exist_and_folders_without_articles(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "scan.pdf").write_bytes(b"%PDF-1.4")
    found = read(tmp_path / "missing.txt", tmp_path / "empty", tmp_path / "other")
    assert [e.reason.split(" (")[0] for e in found] == [
        "no such file or directory", "no .txt, .md, .html, .htm, .jsonl files found",
        "no .txt, .md, .html, .htm, .jsonl files found"]


def test_stdin_jsonl_errors_have_line_numbers(stand_in_extractor, tmp_path):
    feed = (json.dumps({"text": "Harbour Council asserts that Quay 4 is flooded."}) + "\n"
            + '{"text": "cut off\n').encode("utf-8")
    result = run("ingest", "-", "--store", str(tmp_path / "s"), input=feed)
    assert "kgraph: <stdin>:2: invalid JSON" in result.stderr
    assert "claims added: 1" in result.stdout


def test_nothing_readable_is_status_1_and_writes_nothing(tmp_path, stand_in_extractor):
    result = run("build", str(BAD / "empty.txt"), str(BAD / "picture.txt"),
                 "--out", str(tmp_path / "out"), code=1)
    assert result.stderr.splitlines()[-1] == (
        "kgraph: no documents could be read; nothing was written")
    assert not (tmp_path / "out").exists()
    result = run("ingest", str(tmp_path / "nowhere"), "--store", str(tmp_path / "s"), code=1)
    assert result.stderr.splitlines() == [
        f"kgraph: {tmp_path / 'nowhere'}: no such file or directory",
        "kgraph: no documents could be read; nothing was added to the store"]


def test_strict_makes_a_skipped_input_status_1(tmp_path, stand_in_extractor):
    inputs = [str(BAD / "empty.txt"), str(BAD / "good-ferry.txt")]
    relaxed = run("ingest", *inputs, "--store", str(tmp_path / "a"))
    assert "skipped inputs: 1" in relaxed.stdout
    strict = run("ingest", *inputs, "--store", str(tmp_path / "b"), "--strict", code=1)
    assert strict.stderr.splitlines()[-2:] == ["kgraph: 1 input skipped: 1 empty",
                                               "kgraph: 1 input skipped (--strict)"]
    built = run("build", *inputs, "--out", str(tmp_path / "out"), "--strict", code=1)
    assert (tmp_path / "out" / "claims.json").exists()  # what could be read is still built
    assert "(1 input skipped)" in built.stdout


def test_progress_is_plain_lines_when_stderr_is_not_a_terminal(tmp_path, stand_in_extractor):
    result = run("ingest", str(BAD), "--store", str(tmp_path / "s"))
    assert "kgraph: parsing 31 documents" in result.stderr.splitlines()
    assert "\r" not in result.stderr


def test_progress_is_a_bar_in_a_terminal(tmp_path):
    import pty

    terminal, child_side = pty.openpty()
    child = subprocess.Popen([sys.executable, ingest_child.__file__, str(BAD),
                              str(tmp_path / "store")], stderr=child_side, stdout=subprocess.PIPE)
    os.close(child_side)
    shown = b""
    while chunk := _read_terminal(terminal):
        shown += chunk
    assert child.wait(timeout=120) == 0
    screen = shown.decode()
    assert "Parsing 31 documents" in screen and "100%" in screen
    assert "\r\nstored a document" in screen  # the finished bar keeps its line
    assert "kgraph: parsing" not in screen


def _read_terminal(fd: int) -> bytes:
    try:
        return os.read(fd, 4096)
    except OSError:  # Linux: the terminal is gone once the child has exited
        return b""


def test_an_interrupted_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    target = write_atomic(tmp_path / "claims.json", "old\n")

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new " * 100_000)
    assert target.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["claims.json"]


# --- processes: a pipe that closes, Ctrl-C, kill -9, a second writer -----------------------------

def kgraph(*args: str, **options) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kgraph.cli", *args], **options)


def articles_with_bad_inputs(folder: Path) -> Path:
    write_articles(folder)
    for name in ("empty.txt", "picture.txt", "controls.txt", "mixed-lines.jsonl",
                 "cut-off.jsonl.gz", "all-navigation.html", "utf16-bom.txt"):
        shutil.copy(BAD / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def messy(tmp_path_factory) -> tuple[Path, dict, Path]:
    """Articles with bad inputs among them, what a clean run of them stores, and where."""
    root = tmp_path_factory.mktemp("messy")
    articles = articles_with_bad_inputs(root / "articles")
    clean = subprocess.run([sys.executable, ingest_child.__file__, str(articles),
                            str(root / "clean")], capture_output=True, text=True)
    assert clean.returncode == 0, clean.stderr
    assert "Traceback" not in clean.stderr
    assert f"kgraph: {articles / 'picture.txt'}: binary, not text" in clean.stderr
    with open_store(root / "clean") as store:
        return articles, by_graph(store.quads()), root / "clean"


def test_a_reader_that_goes_away_is_no_error(messy):
    _, _, store = messy  # 750 claims: more than a pipe holds as CSV
    claims = kgraph("claims", "--store", str(store), "--format", "csv",
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert claims.stdout.readline().startswith(b"id,")  # `| head -1`
    claims.stdout.close()
    assert claims.wait(timeout=120) == 0
    assert claims.stderr.read() == b""


@pytest.mark.parametrize("stop, status", [(signal.SIGINT, 130), (signal.SIGKILL, -9)])
def test_stopped_in_the_middle_among_bad_inputs_and_run_again(messy, tmp_path, stop, status):
    articles, expected, _ = messy
    child = subprocess.Popen([sys.executable, ingest_child.__file__, str(articles),
                              str(tmp_path / "store")], stderr=subprocess.PIPE, text=True)
    stored = 0
    for line in child.stderr:  # stop it once a few documents are in
        stored += line.startswith("stored")
        if stored == 5:
            child.send_signal(stop)
            break
    assert child.wait(timeout=60) == status
    rest = child.stderr.read()
    if stop == signal.SIGINT:  # one line, no traceback
        assert "Traceback" not in rest
        assert rest.splitlines()[-1] == "kgraph: interrupted; what was stored before stays stored"
    with open_store(tmp_path / "store") as store:
        documents = {g for g in by_graph(store.quads()) if g.startswith(str(ID["graph/d-"]))}
    assert 0 < len(documents) < len([g for g in expected if g.startswith(str(ID["graph/d-"]))])

    rerun = subprocess.run([sys.executable, ingest_child.__file__, str(articles),
                            str(tmp_path / "store")], capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    with open_store(tmp_path / "store") as store:
        assert by_graph(store.quads()) == expected


def test_a_second_writer_with_bad_inputs_is_one_line(messy, tmp_path):
    articles, _, _ = messy
    with open_store(tmp_path / "store"):
        other = kgraph("ingest", str(articles), "--store", str(tmp_path / "store"),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        _, stderr = other.communicate(timeout=120)
    assert other.returncode == 2
    assert stderr.splitlines() == [
        f"kgraph: {tmp_path / 'store'}: store is in use by another kgraph process"]
    with open_store(tmp_path / "store") as store:
        assert len(store) == 0


# --- names and quotes unsafe in IRIs, HTML and SPARQL -------------------------------------------

HOSTILE = ['Ana "the Fixer" <Ruiz>', "Sami \u202eAl-Rashid\u202c {\\}", "line\nbreak \U0001F69A",
           "</script><script>alert(1)</script>", "  spaced   out  ",
           "\u200f\u05e9\u05dc\u05d5\u05dd"]


def hostile_document() -> tuple[Document, list[Claim]]:
    text = " ".join(f"{name} said that {name} was closed." for name in HOSTILE)
    doc = Document(id="d-hostile", name='odd <name> "file".txt', text=text, date="2025-06-06",
                   url='https://example.org/a b<c>"d"', title="{title} \\ <b>")
    claims = []
    for n, name in enumerate(HOSTILE):
        start = text.index(f"{name} said") + len(name) - len(name.lstrip())  # a sentence
        end = text.index(".", start + len(name) * 2 + 15) + 1
        claims.append(Claim(
            id=f"c-hostile-{n}", source=Source(name, name, "person"),
            stance=Stance.DENIES if n % 2 else Stance.ASSERTS,
            proposition=Proposition(HOSTILE[n // 2 * 2], "closed", HOSTILE[n // 2 * 2 + 1]),
            evidence=TextSpan(start, end, text[start:end]), document=doc.id,
            document_name=doc.name, date=doc.date, cue="said"))
    return doc, claims


@pytest.fixture
def hostile_store(tmp_path) -> Path:
    doc, claims = hostile_document()
    with open_store(tmp_path / "store") as store:
        store.add(document_quads(doc, claims))
    return tmp_path / "store"


def test_unsafe_characters_mint_safe_iris_and_stay_literals(hostile_store):
    with open_store(hostile_store) as store:
        trig = store.serialize("trig")
        quads = list(store.quads())
    unsafe = set('<>"{}|\\^` \n\t')
    for quad in quads:
        for term in (quad[0], quad[1], quad[3]) + ((quad[2],) if not isinstance(quad[2], Literal)
                                                    else ()):
            assert not unsafe & set(str(term)), term
    parsed = Dataset()
    parsed.parse(data=trig, format="trig")
    texts = {str(o) for _, p, o, _ in parsed.quads((None, SCHEMA.text, None, None))}
    assert texts == {hostile_document()[0].text}
    literals = {str(o) for _, _, o, _ in parsed.quads() if isinstance(o, Literal)}
    assert set(HOSTILE) <= literals


def test_unsafe_characters_in_claims_contradictions_and_a_query(hostile_store):
    run("reason", "--store", str(hostile_store))
    claims = json.loads(run("claims", "--store", str(hostile_store), "--format", "json").stdout)
    assert {c["source"] for c in claims["claims"]} == set(HOSTILE)
    doc, _ = hostile_document()
    for claim in claims["claims"]:
        assert doc.text[claim["start"]:claim["end"]] == claim["text"]
    assert "</script>" in run("claims", "--store", str(hostile_store), "--format", "csv").stdout
    found = json.loads(run("contradictions", "--store", str(hostile_store), "--format",
                           "json").stdout)["contradictions"]
    assert [x["kind"] for x in found] == ["negation"] * 3  # one per pair of claims
    for name in HOSTILE:  # a name as a SPARQL literal finds its source
        sparql = f"SELECT DISTINCT ?who WHERE {{ ?who skos:prefLabel {Literal(name).n3()} }}"
        found = json.loads(run("query", "--store", str(hostile_store), sparql, "--format",
                               "json").stdout)
        assert [row["who"]["value"] for row in found["results"]["bindings"]] == [
            str(source_iri(name))]


def test_unsafe_characters_show_as_text_in_the_page(hostile_store, tmp_path):
    run("render", "--store", str(hostile_store), "-o", str(tmp_path / "graph.html"))
    page = (tmp_path / "graph.html").read_text()
    assert "<script>alert(1)</script>" not in page
    assert "Ruiz>" not in page and "<Ruiz" not in page


# --- the "done when" folder: all the bad fixtures and a few good articles, with the model ------

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("done")
    runs = []
    for _ in range(2):  # the same input twice, into one store
        result = subprocess.run([sys.executable, "-m", "kgraph.cli", "build", str(BAD), "--out",
                                 str(root / "out"), "--store", str(root / "store")],
                                capture_output=True, text=True)
        counts = (len(Dataset().parse(root / "out" / "graph.trig", format="trig")),
                  len(json.loads((root / "out" / "contradictions.json").read_text())
                      ["contradictions"]))
        runs.append((result, counts))
    return root / "out", runs


@pytest.mark.model
def test_a_folder_of_bad_and_good_inputs_builds(built):
    out, [(first, _), _] = built
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr
    named = {line.split(": ", 2)[1] for line in first.stderr.splitlines()
             if line.startswith(f"kgraph: {BAD}")}
    assert {Path(n).name for n in named} == SKIPPED.keys()
    summary = first.stderr.splitlines()[-1]  # what a long run ends with, by reason
    assert summary.startswith(f"kgraph: {len(SKIPPED)} inputs skipped: 3 empty; ")
    assert "; 2 binary, not text;" in summary and "; 2 invalid JSON;" in summary
    claims = json.loads((out / "claims.json").read_text())["claims"]
    by_document = {}
    for claim in claims:
        by_document.setdefault(claim["document"], set()).add((claim["source"], claim["stance"]))
    assert ("Orlow River Board", "asserts") in by_document["good-weir-board.txt"]
    assert ("Teodor Vask", "asserts") in by_document["good-weir-board.txt"]
    assert ("Mira Delacourt", "asserts") in by_document["good-weir-residents.md"]
    assert any(stance == "denies" for _, stance in by_document["good-weir-residents.md"])
    assert {"good-ferry.txt", "good-ferry-copy.txt"} & by_document.keys()  # one, read once
    assert not {"good-ferry.txt", "good-ferry-copy.txt"} <= by_document.keys()
    contradictions = json.loads((out / "contradictions.json").read_text())["contradictions"]
    assert any(x["kind"] == "negation" for x in contradictions)


@pytest.mark.model
def test_claim_offsets_point_at_their_sentence_in_the_stored_text(built):
    out, _ = built
    texts = {}
    graph = Dataset().parse(out / "graph.trig", format="trig")
    for doc, _, text, _ in graph.quads((None, SCHEMA.text, None, None)):
        for _, _, name, _ in graph.quads((doc, SCHEMA.name, None, None)):
            texts[str(name)] = str(text)
    for claim in json.loads((out / "claims.json").read_text())["claims"]:
        assert texts[claim["document"]][claim["start"]:claim["end"]] == claim["text"]


@pytest.mark.model
def test_building_the_same_input_twice_changes_nothing(built):
    _, [(_, first), (second_run, second)] = built
    assert second_run.returncode == 0
    assert first == second


@pytest.mark.model
def test_a_text_longer_than_the_parser_takes_is_read_in_pieces(monkeypatch):
    from kgraph.extract import extract_claims
    from kgraph.extract.model import load_model

    towns = ["Amberly", "Brightwater", "Coldharbour", "Dunmere", "Eastwick", "Fernhill"]
    text = "\n\n".join(f"The {town} council said that the bridge at {town} was closed."
                       for town in towns * 40)
    monkeypatch.setattr(load_model(None), "max_length", 2_000)  # a live blog, in miniature
    doc = Document(id="d-long", name="long.txt", text=text)
    claims = list(extract_claims([doc]))
    assert len(claims) == len(towns) * 40
    assert max(c.evidence.start for c in claims) > 5 * 2_000
    for claim in claims:
        assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
        # the speaker found in the piece is the one of the sentence the offsets point at
        assert claim.evidence.text.split()[1] in claim.source.name
