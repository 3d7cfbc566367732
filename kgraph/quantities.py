"""Figures in news text as intervals: "about 1,000 km2" -> 900..1100, "over 1,300" -> 1300..inf.

Pure text in, Quantity out, so extract/ and resolve/ share it and it is tested without a model.
"""
from __future__ import annotations

import math
import re

from kgraph.models import Quantity

APPROX = 0.1  # "about X" covers X +/- 10 %

# qualifier -> (low factor, high factor) applied to the number
_QUALIFIERS = {
    "about": (1 - APPROX, 1 + APPROX), "around": (1 - APPROX, 1 + APPROX),
    "approximately": (1 - APPROX, 1 + APPROX), "roughly": (1 - APPROX, 1 + APPROX),
    "some": (1 - APPROX, 1 + APPROX), "an estimated": (1 - APPROX, 1 + APPROX),
    "nearly": (1 - APPROX, 1.0), "almost": (1 - APPROX, 1.0), "close to": (1 - APPROX, 1.0),
    "over": (1.0, math.inf), "more than": (1.0, math.inf), "above": (1.0, math.inf),
    "at least": (1.0, math.inf), "upwards of": (1.0, math.inf), "exceeding": (1.0, math.inf),
    "less than": (0.0, 1.0), "fewer than": (0.0, 1.0), "under": (0.0, 1.0),
    "below": (0.0, 1.0), "up to": (0.0, 1.0), "at most": (0.0, 1.0), "no more than": (0.0, 1.0),
}
# vague amounts -> (low, high)
_VAGUE = {"a dozen": (12, 12), "dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999),
          "thousands": (2000, 9999), "tens of thousands": (20000, 99999)}
_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "k": 1e3, "m": 1e6, "bn": 1e9}
_UNITS = [  # (pattern, canonical unit); first match wins
    (r"square\s+kilomet(?:er|re)s?|sq\.?\s*km|km2|km²", "km2"),
    (r"square\s+miles?|sq\.?\s*mi", "mi2"),
    (r"kilomet(?:er|re)s?|km", "km"),
    (r"miles?", "mi"),
    (r"hectares?", "ha"),
    (r"(?:troops|soldiers|servicemen|fighters)", "troops"),
    (r"(?:people|civilians|persons|residents|inhabitants)", "people"),
    (r"(?:dead|deaths|killed|casualties)", "deaths"),
    (r"(?:percent|per\s+cent|%)", "percent"),
    (r"votes?", "votes"),
]
_AREA_NOUNS = r"(?:of\s+(?:\w+\s+){0,2}(?:territory|land))"  # "1,000 km of territory": an area

_MONTH_BEFORE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$",
                           re.IGNORECASE)
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_QUAL = "|".join(sorted(map(re.escape, _QUALIFIERS), key=len, reverse=True))
_UNIT = "|".join(p for p, _ in _UNITS)
_PATTERN = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?(?P<num>{_NUMBER})"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<num2>{_NUMBER}))?"
    rf"(?:\s*(?P<mult>thousand|million|billion)\b|(?P<short>bn|k|m)\b)?"
    rf"(?:\s*(?:\w+\s+)??(?P<unit>{_UNIT})(?!\w)(?P<area>\s+{_AREA_NOUNS})?)?",
    re.IGNORECASE,
)
_VAGUE_PATTERN = re.compile(
    r"\b(?P<vague>" + "|".join(sorted(map(re.escape, _VAGUE), key=len, reverse=True)) + r")"
    rf"(?:\s+of)?(?:\s+(?:\w+\s+)?(?P<unit>{_UNIT})\b)?",
    re.IGNORECASE,
)


def _unit(text: str | None, area: str | None) -> str | None:
    if not text:
        return None
    for pattern, unit in _UNITS:
        if re.fullmatch(pattern, text, re.IGNORECASE):
            # "seized 1,000 kilometers of territory": a length unit used for an area
            return {"km": "km2", "mi": "mi2"}.get(unit, unit) if area else unit
    return None


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def parse_quantity(text: str) -> Quantity | None:
    """The first figure in `text` as an interval, or None when there is none.

    A bare year (1900..2100 with no unit) is not a figure."""
    for match in _PATTERN.finditer(text):
        if _MONTH_BEFORE.search(text[:match.start()]):  # "March 3" is a date, not a figure
            continue
        multiplier = _MULTIPLIERS.get((match["mult"] or match["short"] or "").lower(), 1)
        value = _number(match["num"]) * multiplier
        unit = _unit(match["unit"], match["area"])
        if unit is None and 1900 <= value <= 2100 and value.is_integer():
            continue
        if match["num2"]:
            high = _number(match["num2"]) * multiplier
            return Quantity(value=value, unit=unit, low=min(value, high), high=max(value, high))
        low_f, high_f = _QUALIFIERS.get((match["qual"] or "").lower(), (1.0, 1.0))
        # rounded so 90,000 * 1.1 reads 99000, not 99000.00000000001
        return Quantity(value=value, unit=unit, low=round(value * low_f, 6),
                        high=round(value * high_f, 6))
    match = _VAGUE_PATTERN.search(text)
    if match:
        low, high = _VAGUE[match["vague"].lower()]
        return Quantity(value=float(low), unit=_unit(match["unit"], None), low=low, high=high)
    return None
