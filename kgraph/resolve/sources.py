"""One canonical name per source across a corpus: "Trump" and "US President Donald Trump" are
Donald Trump; "Zelenski" and "Volodymyr Zelensky" one person; "Kyiv" speaks for Ukraine."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable

from kgraph.lexicon import load_gazetteer
from kgraph.resolve.names import fold, spelling_key, words

# Words in front of a name that are not part of it: articles and quantifiers for any source,
# and titles for a person ("General" is part of "General Staff", not of a person's name).
_ARTICLES = re.compile(r"^(?:the|a|an|both|many|several|some|other|most)\s+", re.I)
_TITLES = re.compile(
    r"^(?:us|u\.s\.|former|acting|then|current|president|prime minister|minister|chancellor|"
    r"general|gen\.|commander-in-chief|commander|chief|spokesman|spokeswoman|spokesperson|"
    r"secretary|senator|mr\.?|mrs\.?|ms\.?|dr\.?)\s+", re.I)
_POSSESSIVE_PLACE = re.compile(r"^(\w+)['’]s\s+")


def clean_label(label: str, person: bool = False) -> str:
    """The name without articles and quantifiers (and a person's titles) in front, and
    "Ukraine's X" read as "Ukrainian X", so spellings of one source compare equal."""
    label = _ARTICLES.sub("", " ".join(label.split())) or label
    match = _POSSESSIVE_PLACE.match(label)
    if match and fold(match[1]) in load_gazetteer():
        label = f"{load_gazetteer()[fold(match[1])].demonym} {label[match.end():]}"
    while person:  # strip titles only in front of a name: "US president" stays as it is
        stripped = _TITLES.sub("", label)
        if stripped == label or not stripped[:1].isupper():
            break
        label = stripped
    return label


def canonical_names(labels: Iterable[str], people: Iterable[str] = ()) -> dict[str, str]:
    """Map every label to its canonical name.

    Labels whose words have the same spelling keys are one source; a label that is the tail of
    exactly one longer name ("Trump" of "Donald Trump", "General Staff" of "Ukrainian General
    Staff") is that source too, when it has two words or more or the longer name is a person's
    (in `people`), since a lone common noun ("Experts") is no surname. A place name alone
    ("Kyiv", "Moscow") speaks for its country."""
    gazetteer = load_gazetteer()
    counts = Counter(labels)
    people = set(people)
    cleaned = {label: clean_label(label, label in people) for label in counts}
    person_names = {cleaned[p] for p in people if p in cleaned}
    groups: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for label, name in cleaned.items():
        place = gazetteer.get(fold(name))
        name = place.name if place else name
        groups[tuple(spelling_key(w) for w in words(name))][name] += counts[label]

    def tail_of(key: tuple[str, ...]) -> tuple[str, ...]:
        longer = [k for k in groups if len(k) > len(key) and k[-len(key):] == key]
        if len(longer) != 1:
            return key
        named = len(key) > 1 or any(n in person_names for n in groups[longer[0]])
        return longer[0] if named else key

    merged: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    target = {key: tail_of(key) for key in groups}
    for key, names in groups.items():
        merged[target[key]].update(names)
    # the most used spelling among the fullest forms names the source
    best = {key: _capitalised(max(names, key=lambda n: (len(words(n)), names[n], n)))
            for key, names in merged.items()}
    result = {}
    for label, name in cleaned.items():
        place = gazetteer.get(fold(name))
        key = tuple(spelling_key(w) for w in words(place.name if place else name))
        result[label] = best[target[key]]
    return result


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]
