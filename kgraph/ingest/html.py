"""HTML pages: the article's main text and metadata via trafilatura, page furniture dropped."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from ..models import Document
from .common import document_id, iso_date
from .errors import IngestError

_DATE_META = ("date", "article:published_time", "og:published_time", "dc.date", "pubdate")
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-\u2013\u2014\u00b7]|::)\s+")


def parse_html(page: str, name: str, source: str) -> Document | IngestError:
    """An HTML page -> Document named after its canonical URL when it has one, else `name`."""
    # imported here: loading it is slow, and nothing happens at import time
    import trafilatura
    from trafilatura.settings import set_date_params

    try:
        result = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            # no readability/jusText fallback: on a page with no article it returns menu text
            fast=True,
            # no search of the body text for dates: it turns "(c) 2024" into 2024-01-01
            date_extraction_params=set_date_params(extensive=False),
            output_format="python",
        )
    except Exception as err:  # trafilatura/lxml raise many types on malformed pages
        return IngestError(source, f"cannot parse HTML ({type(err).__name__}: {err})")
    raw = getattr(result, "text", None)  # result is None when trafilatura finds nothing
    # trafilatura puts one paragraph per line; blank lines make paragraph boundaries explicit
    paragraphs = [line.strip() for line in (raw or "").split("\n") if line.strip()]
    if not paragraphs:
        return IngestError(source, "no article text found")
    text = "\n\n".join(paragraphs)

    head = _Head()
    head.feed(page)
    title = _clean(getattr(result, "title", None)) or head.title
    url = _absolute(getattr(result, "url", None)) or _absolute(head.canonical)
    date = iso_date(getattr(result, "date", None))
    if date is None:
        date = next(filter(None, (iso_date(head.meta.get(key)) for key in _DATE_META)), None)
    return Document(
        id=document_id(text),
        name=url or name,
        text=text,
        date=date,
        title=title,
        url=url,
        publisher=_publisher(_clean(getattr(result, "sitename", None)), head, title),
    )


class _Head(HTMLParser):
    """The few <head> facts we fall back on when trafilatura finds none: meta tags (by
    lower-cased name or property), <title>, and <link rel="canonical">."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.title: str | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "meta":
            key = (values.get("name") or values.get("property") or "").lower()
            if key and values.get("content"):
                self.meta.setdefault(key, values["content"].strip())
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = self.canonical or values.get("href")
        elif tag == "title" and self.title is None:
            self._in_title = True

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = _clean((self.title or "") + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False


def _publisher(sitename: str | None, head: _Head, title: str | None) -> str | None:
    """The site's own name beats a bare host name, which trafilatura falls back on: og:site_name,
    then trafilatura's (JSON-LD, meta) name, then `<title>Headline | Site</title>`."""
    if head.meta.get("og:site_name"):
        return head.meta["og:site_name"]
    is_host = bool(sitename) and " " not in sitename and "." in sitename
    if sitename and not is_host:
        return sitename
    if head.title and title:
        parts = _TITLE_SEPARATORS.split(head.title)
        if len(parts) > 1 and parts[0].strip() == title and 0 < len(parts[-1].strip()) <= 60:
            return parts[-1].strip()
    return sitename


def _absolute(url: str | None) -> str | None:
    # a relative canonical link ("/world/x") names nothing outside the page
    return url.strip() if url and url.strip().startswith(("http://", "https://")) else None


def _clean(value: str | None) -> str | None:
    return (" ".join(value.split()) or None) if value else None
