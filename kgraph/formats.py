"""The stable JSON export of claims and contradictions (../shared/eval/FORMAT.md)."""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Sequence

from kgraph.files import write_atomic
from kgraph.models import Camp, Claim, Contradiction, Dispute


def claim_json(claim: Claim) -> dict:
    quantity = claim.quantity
    # the sentence without the blank lines a parser may give it, and offsets that still hold it
    text = claim.evidence.text.strip()
    start = claim.evidence.start + len(claim.evidence.text) - len(claim.evidence.text.lstrip())
    return {
        "id": claim.id,
        "source": claim.source.name,
        "stance": claim.stance.value,
        "proposition": claim.proposition.label,
        "text": text,
        "start": start,
        "end": start + len(text),
        "document": claim.document_name,
        "date": claim.date,
        "holds": list(claim.holds) if claim.holds else None,
        "value": quantity.value if quantity else None,
        "unit": quantity.unit if quantity else None,
        "interval": [quantity.low, None if math.isinf(quantity.high) else quantity.high]
        if quantity else None,
        "hedged": claim.hedged,
        "relayed_by": [s.name for s in claim.relayed_by],
    }


def contradiction_json(contradiction: Contradiction) -> dict:
    return {
        "id": contradiction.id,
        "kind": contradiction.kind,
        "proposition": contradiction.proposition,
        "sides": [{"position": s.position, "claims": list(s.claims)} for s in contradiction.sides],
        "rule": contradiction.rule,
        "explanation": contradiction.explanation,
    }


def camps_json(camps: Sequence[Camp], disputes: Sequence[Dispute]) -> dict:
    """{"camps": [{"id", "sources"}], "disputes": [{"proposition", "kind", "contradiction",
    "camps": [camps of side 1, camps of side 2, ...]}]}"""
    return {
        "camps": [{"id": c.id, "sources": list(c.sources)} for c in camps],
        "disputes": [{"proposition": d.proposition, "kind": d.kind,
                      "contradiction": d.contradiction, "camps": [list(s) for s in d.camps]}
                     for d in disputes],
    }


def write_json(path: Path, data: dict) -> Path:
    return write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def write_claims(path: Path, claims: Sequence[Claim]) -> Path:
    return write_json(path, {"claims": [claim_json(c) for c in claims]})


def write_contradictions(path: Path, contradictions: Sequence[Contradiction]) -> Path:
    return write_json(path, {"contradictions": [contradiction_json(x) for x in contradictions]})


def rows_as_csv(rows: Sequence[dict], delimiter: str = ",") -> str:
    """Flat rows as CSV (TSV with a tab), in the key order of the first row."""
    import csv
    import io

    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), delimiter=delimiter,
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return buffer.getvalue()


def rows_as_table(rows: Sequence[dict], widths: dict[str, int] | None = None) -> str:
    """Flat rows as an aligned text table; long cells are cut with '…' to `widths`."""
    if not rows:
        return "(none)\n"
    widths = widths or {}
    columns = list(rows[0])

    def cell(row: dict, column: str) -> str:
        text = " ".join(str("" if row[column] is None else row[column]).split())
        limit = widths.get(column, 40)
        return text if len(text) <= limit else text[: limit - 1] + "…"

    cells = [[cell(row, c) for c in columns] for row in rows]
    sizes = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(s) for c, s in zip(columns, sizes)).rstrip(),
             "  ".join("-" * s for s in sizes)]
    lines += ["  ".join(v.ljust(s) for v, s in zip(r, sizes)).rstrip() for r in cells]
    return "\n".join(lines) + "\n"


def claim_row(claim: Claim) -> dict:
    """A claim as one flat row for tables and CSV."""
    data = claim_json(claim)
    data.pop("interval")
    data["relayed_by"] = ", ".join(data["relayed_by"])
    return data


def contradiction_rows(contradiction: Contradiction, claims: dict[str, Claim]) -> list[dict]:
    """A contradiction as one row per claim on each side, for tables and CSV."""
    return [{"id": contradiction.id, "kind": contradiction.kind,
             "proposition": contradiction.proposition, "position": side.position,
             "source": claims[c].source.name if c in claims else "",
             "date": claims[c].date if c in claims else None,
             "text": claims[c].evidence.text if c in claims else "", "claim": c,
             "explanation": contradiction.explanation}
            for side in contradiction.sides for c in side.claims]
