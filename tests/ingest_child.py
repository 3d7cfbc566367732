"""`kgraph ingest FOLDER --store STORE` in a process of its own, for the kill test in
test_store.py: the real command, with a stand-in for extract/ (no spaCy model needed) that reads
one claim from each line 'SOURCE asserts|denies that SUBJECT is RELATION.', and a line on
stderr each time a document has been stored.

    python tests/ingest_child.py FOLDER STORE
"""
from __future__ import annotations

import re
import sys
from typing import Iterable, Iterator

LINE = re.compile(r"^(?P<source>.+?) (?P<verb>asserts|denies) that (?P<subject>.+?) is "
                  r"(?P<relation>\w+)\.$", re.MULTILINE)


def extract_claims(documents: Iterable, model: str | None = None,
                   **parse_options) -> Iterator:  # batch_size, workers: no parse here
    from kgraph.models import Claim, Proposition, Source, Stance, TextSpan

    for document in documents:
        for n, match in enumerate(LINE.finditer(document.text)):
            yield Claim(
                id=f"{document.id}-{n}",
                source=Source(match["source"], match["source"], "organisation"),
                stance=Stance.ASSERTS if match["verb"] == "asserts" else Stance.DENIES,
                proposition=Proposition(match["subject"], match["relation"]),
                evidence=TextSpan(match.start(), match.end(), match[0]),
                document=document.id, document_name=document.name, date=document.date,
                cue=match["verb"])


def main(folder: str, store: str) -> None:
    import kgraph.extract
    from kgraph.cli import main as command_line
    from kgraph.store.oxigraph import OxigraphStore

    kgraph_add = OxigraphStore.add

    def add(self, quads) -> None:
        kgraph_add(self, quads)
        print("stored a document", file=sys.stderr, flush=True)

    kgraph.extract.extract_claims = extract_claims  # what pipeline.ingest imports when it runs
    OxigraphStore.add = add
    command_line(["ingest", folder, "--store", store])


if __name__ == "__main__":
    main(*sys.argv[1:])
