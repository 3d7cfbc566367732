"""Page furniture in text scraped from web pages: menus, tickers, "Related News", "Most Read",
"Read more:" lines, bylines and tags. It is not the article and must yield no claims.

Furniture is blanked out (each character replaced by a space, newlines kept) rather than cut, so
character offsets into the text still point into the file.
"""
from __future__ import annotations

import re

# Headings that open a block of links or teasers rather than article text.
HEADINGS = frozenset({
    "related", "related news", "related articles", "related stories", "related content",
    "most read", "most popular", "most viewed", "popular", "trending", "read next", "read more",
    "more from", "more stories", "more news", "recommended", "you may also like",
    "you might also like", "latest news", "top stories", "breaking", "breaking news",
    "coverage", "tags", "topics", "see also", "also read",
})
# Buttons and markers that stand alone in the text: only their own line goes.
MARKERS = frozenset({
    "advertisement", "share", "share this", "listen", "live", "latest", "subscribe",
    "newsletter", "follow us", "sign up", "comments",
})
_HEADING_WORDS = re.compile(r"^[\W_]*(.*?)[\W_]*$")
_BULLET = re.compile(r"^\s*[•·▪●◦‣*–-]\s")
_LINK_LINE = re.compile(r"^\s*(?:read more|read also|see also|also read|watch|listen)\s*:", re.I)
_DATELINE = re.compile(r"^[A-Z][A-Z'’. -]{2,}(?:,[ \w.'’-]{2,30}?)?\s+[—–-]{1,2}\s+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*(?=\s|$)")


def _words_of(line: str) -> str:
    return _HEADING_WORDS.sub(r"\1", line.strip()).lower()


def _is_heading(line: str) -> bool:
    return _words_of(line) in HEADINGS


def _is_prose(paragraph: str) -> bool:
    """Article text: two sentences or more, or one long one. Teasers, headlines and captions
    are one short line."""
    words = len(paragraph.split())
    return words >= 40 or (words >= 20 and len(_SENTENCE_END.findall(paragraph)) >= 2)


def _is_sentence(line: str) -> bool:
    """A bulleted line that is a sentence of the article rather than a menu item or tag."""
    return len(line.split()) >= 12 and bool(_SENTENCE_END.search(line))


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _blank_dateline(paragraph: str) -> str:
    """"BRENHOLT, Kaldoria — The ministry said ...": the dateline is no part of the sentence."""
    match = _DATELINE.match(paragraph)
    return _blank(match.group()) + paragraph[match.end():] if match else paragraph


def blank_furniture(text: str) -> str:
    """`text` with its page furniture blanked out; the same length, the same line breaks."""
    out: list[str] = []
    in_section = False  # inside a block opened by a furniture heading, until prose returns
    for paragraph in re.split(r"(\n\s*\n)", text):
        if not paragraph.strip():
            out.append(paragraph)
            continue
        if in_section and not _is_prose(paragraph):
            out.append(_blank(paragraph))
            continue
        in_section = False
        lines = _blank_dateline(paragraph).split("\n")
        for i, line in enumerate(lines):
            if _is_heading(line):
                # a heading opens a section; lines right under it (a ticker) go with it
                lines[i:] = [_blank(rest) for rest in lines[i:]]
                in_section = True
                break
            if (_LINK_LINE.match(line) or _words_of(line) in MARKERS
                    or (_BULLET.match(line) and not _is_sentence(line))):
                lines[i] = _blank(line)
        out.append("\n".join(lines))
    return "".join(out)
