"""Small text helpers shared by the resolvers: words, spelling keys, place words."""
from __future__ import annotations

import re

from kgraph.lexicon import Place, fold, load_gazetteer

_WORD = re.compile(r"[\w'’.-]+", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s$")


def words(text: str) -> list[str]:
    return [w.strip(".") for w in _WORD.findall(text) if w.strip(".")]


def strip_possessive(word: str) -> str:
    """"Ukraine's" -> "Ukraine"."""
    return _POSSESSIVE.sub("", word)


def spelling_key(word: str) -> str:
    """One key for the transliterations of a name: Zelensky/Zelenski/Zelenskyy/Zelenskiy."""
    word = _POSSESSIVE.sub("", fold(word))
    return re.sub(r"(?:ii|iy|yy|yi|ij|i|y)$", "y", word)


def place_of(text: str) -> Place | None:
    """The first country that a word or two-word phrase of `text` stands for."""
    gazetteer = load_gazetteer()
    tokens = [_POSSESSIVE.sub("", w) for w in words(text)]
    for i, word in enumerate(tokens):
        for candidate in (" ".join(tokens[i:i + 3]), " ".join(tokens[i:i + 2]), word):
            place = gazetteer.get(candidate)
            if place is not None:
                return place
    return None
