"""When a claim was made: the document's date moved by what the sentence says ("on Thursday")."""
from __future__ import annotations

import re
from datetime import date, timedelta

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_WEEKDAY = re.compile(r"\b(?:(last|this|on)\s+)?(" + "|".join(_WEEKDAYS) + r")\b", re.I)
_MONTH_DAY = re.compile(r"\b(?:on\s+)(" + "|".join(_MONTHS) + r")\s+(\d{1,2})\b", re.I)
_RELATIVE = {"yesterday": -1, "today": 0}


def claim_date(document_date: str | None, sentence: str) -> str | None:
    """The date a sentence of a document dated `document_date` says its claim was made on.

    "on Thursday" in an article of Friday 2025-03-14 is 2025-03-13: news refers to the most
    recent such day (the day itself for "today"/"this Friday" on a Friday)."""
    if not document_date:
        return None
    try:
        published = date.fromisoformat(document_date[:10])
    except ValueError:
        return None
    match = _MONTH_DAY.search(sentence)
    if match:
        month, day = _MONTHS.index(match[1].lower()) + 1, int(match[2])
        try:
            candidate = published.replace(month=month, day=day)
        except ValueError:
            return published.isoformat()
        if candidate > published:  # "on December 30" in a January article: last year
            candidate = candidate.replace(year=published.year - 1)
        return candidate.isoformat()
    match = _WEEKDAY.search(sentence)
    if match:
        back = (published.weekday() - _WEEKDAYS.index(match[2].lower())) % 7
        if back == 0 and (match[1] or "").lower() == "last":
            back = 7
        return (published - timedelta(days=back)).isoformat()
    for word, shift in _RELATIVE.items():
        if re.search(rf"\b{word}\b", sentence, re.I):
            return (published + timedelta(days=shift)).isoformat()
    return published.isoformat()
