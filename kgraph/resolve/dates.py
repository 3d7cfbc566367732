"""Dates in news text, read against the article's own date.

- claim_date: when a claim was made ("said on Thursday" in a Friday article: the day before);
- time_span: when the claimed proposition holds, as a first and last day ("as of Wednesday",
  "in August 2024", "last August"), or None when the words give no time.
News refers to the most recent such day or month: the day itself for "today" or "this Friday"
on a Friday, last year's August for "in August" in a March article.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_MONTH = r"(" + "|".join(MONTHS) + r")"
_WEEKDAY = re.compile(r"\b(?:(last|this|on)\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.I)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})\b(?:,?\s+(\d{{4}}))?", re.I)
_MONTH_YEAR = re.compile(rf"\b(?:(last|this)\s+)?(?:mid-|early\s+|late\s+)?{_MONTH}"
                         rf"(?:\s+(?:of\s+)?(\d{{4}}|last\s+year|this\s+year))?\b", re.I)
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_RELATIVE = {"yesterday": -1, "today": 0}

Span = tuple[str, str]


def _published(document_date: str | None) -> date | None:
    try:
        return date.fromisoformat(document_date[:10]) if document_date else None
    except ValueError:
        return None


def _day(published: date, text: str) -> date | None:
    """The single day `text` names, if it names one."""
    match = _MONTH_DAY.search(text)
    if match:
        month, day = MONTHS.index(match[1].lower()) + 1, int(match[2])
        year = int(match[3]) if match[3] else published.year
        try:
            found = date(year, month, day)
        except ValueError:
            return None
        # "on December 30" in a January article: last year's
        return found.replace(year=year - 1) if found > published and not match[3] else found
    match = _WEEKDAY.search(text)
    if match:
        back = (published.weekday() - WEEKDAYS.index(match[2].lower())) % 7
        if back == 0 and (match[1] or "").lower() == "last":
            back = 7
        return published - timedelta(days=back)
    for word, shift in _RELATIVE.items():
        if re.search(rf"\b{word}\b", text, re.I):
            return published + timedelta(days=shift)
    return None


def claim_date(document_date: str | None, sentence: str) -> str | None:
    """The date a sentence of a document dated `document_date` says its claim was made on;
    the document's date when the sentence names no day."""
    published = _published(document_date)
    if published is None:
        return None
    return (_day(published, sentence) or published).isoformat()


def time_span(document_date: str | None, text: str) -> Span | None:
    """The first and last day of the time `text` names, or None when it names none."""
    published = _published(document_date)
    if published is None or not text.strip():
        return None
    day = _day(published, text)
    if day is not None:
        return day.isoformat(), day.isoformat()
    match = _MONTH_YEAR.search(text)
    if match:
        month = MONTHS.index(match[2].lower()) + 1
        year_text = (match[3] or "").lower()
        if year_text.isdigit():
            year = int(year_text)
        elif year_text == "last year":
            year = published.year - 1
        else:  # "in August", "last August": the latest August not after the article
            year = published.year if month <= published.month else published.year - 1
            if (match[1] or "").lower() == "last" and month == published.month:
                year -= 1
        last = calendar.monthrange(year, month)[1]
        return date(year, month, 1).isoformat(), date(year, month, last).isoformat()
    match = _YEAR.search(text)
    if match:
        return f"{match[1]}-01-01", f"{match[1]}-12-31"
    return None
