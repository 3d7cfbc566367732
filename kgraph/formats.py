"""The stable JSON export of claims and contradictions (../shared/eval/FORMAT.md)."""
from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Sequence

from kgraph.models import Claim, Contradiction


def claim_json(claim: Claim) -> dict:
    quantity = claim.quantity
    return {
        "id": claim.id,
        "source": claim.source.name,
        "stance": claim.stance.value,
        "proposition": claim.proposition.label,
        "text": claim.evidence.text.strip(),
        "start": claim.evidence.start,
        "end": claim.evidence.end,
        "document": claim.document_name,
        "date": claim.date,
        "value": quantity.value if quantity else None,
        "unit": quantity.unit if quantity else None,
        "interval": [quantity.low, None if math.isinf(quantity.high) else quantity.high]
        if quantity else None,
        "hedged": claim.hedged,
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


def write_json(path: Path, data: dict) -> Path:
    """Write atomically: a reader never sees half a file, an interrupted run leaves the old one."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def write_claims(path: Path, claims: Sequence[Claim]) -> Path:
    return write_json(path, {"claims": [claim_json(c) for c in claims]})


def write_contradictions(path: Path, contradictions: Sequence[Contradiction]) -> Path:
    return write_json(path, {"contradictions": [contradiction_json(x) for x in contradictions]})
