"""One canonical name per source across a corpus: "Trump" and "US President Donald Trump" are
Donald Trump; "Zelenski" and "Volodymyr Zelensky" one person; "Kyiv" speaks for Ukraine; "the
US president" is whoever the corpus calls "US President ..."."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable

from kgraph.lexicon import load_gazetteer
from kgraph.models import Source
from kgraph.resolve.names import fold, spelling_key, words

# Words in front of a name that are not part of it: articles and quantifiers for any source,
# and titles for a person ("General" is part of "General Staff", not of a person's name).
_ARTICLES = re.compile(r"^(?:the|a|an|both|many|several|some|other|most)\s+", re.I)
_TITLES = re.compile(
    r"^(?:us|u\.s\.|former|acting|then|current|president|prime minister|minister|chancellor|"
    r"general|gen\.|commander-in-chief|commander|chief|spokesman|spokeswoman|spokesperson|"
    r"secretary|senator|mr\.?|mrs\.?|ms\.?|dr\.?)\s+", re.I)
_POSSESSIVE_PLACE = re.compile(r"^(\w+)['’]s\s+")

Key = tuple[str, ...]


def clean_label(label: str, person: bool = False) -> str:
    """The name without articles and quantifiers (and a person's titles) in front, and
    "Ukraine's X" read as "Ukrainian X", so spellings of one source compare equal."""
    label = _ARTICLES.sub("", " ".join(label.split())) or label
    match = _POSSESSIVE_PLACE.match(label)
    place = load_gazetteer().get(match[1]) if match else None
    if place is not None:
        label = f"{place.demonym} {label[match.end():]}"
    while person:  # strip titles only in front of a name: "US president" stays as it is
        stripped = _TITLES.sub("", label)
        if stripped == label or not stripped[:1].isupper():
            break
        label = stripped
    return label


def _title(label: str, name: str) -> str:
    """What stands in front of a person's name in the label: "US President" of
    "US President Donald Trump" (name "Donald Trump"); "" when the label is no titled name."""
    label_words, name_words = label.split(), name.split()
    matched = 0
    while label_words and name_words and label_words[-1] == name_words[-1]:
        label_words.pop(), name_words.pop()
        matched += 1
    return " ".join(label_words) if matched else ""


def roles(sources: Iterable[Source]) -> dict[str, str]:
    """Titles the corpus puts in front of exactly one person: {"us president": "Donald Trump"}."""
    holders: dict[str, set[str]] = defaultdict(set)
    for source in sources:
        title = _title(source.label, source.name) if source.kind == "person" else ""
        if title:
            holders[fold(title)].add(source.name)
    return {title: next(iter(names)) for title, names in holders.items() if len(names) == 1}


def _key(name: str, person: bool) -> Key:
    """What two spellings of one source share. A person's full name is their initial and
    surname, so "Volodimir Zelenski" and "Volodymyr Zelensky" meet."""
    place = load_gazetteer().get(name)
    keys = tuple(spelling_key(w) for w in words(place.name if place else name))
    if person and len(keys) > 1:
        return ("person", keys[0][:1], keys[-1])
    return keys


def canonical_names(sources: Iterable[Source]) -> dict[str, str]:
    """Map the name of every source to its canonical name.

    Names whose words have the same spelling keys are one source; a name that is the tail of
    exactly one longer name ("Trump" of "Donald Trump", "General Staff" of "Ukrainian General
    Staff") is that source too, when it has two words or more or the longer name is a
    person's, since a lone common noun ("Experts") is no surname. A place name alone ("Kyiv")
    speaks for its country, and a title the corpus gives one person ("the US president") is
    that person."""
    sources = list(sources)
    people = {s.name for s in sources if s.kind == "person"}
    titles = roles(sources)
    # how many ways the texts write each name: a name written many ways is the established one
    counts = Counter(name for name, _ in {(s.name, s.label) for s in sources})
    cleaned = {}
    for name in counts:
        label = clean_label(name, name in people)
        cleaned[name] = titles.get(fold(label), label)
    person_names = {cleaned[n] for n in people} | set(titles.values())
    gazetteer = load_gazetteer()
    groups: dict[Key, Counter] = defaultdict(Counter)
    for name, label in cleaned.items():
        place = gazetteer.get(label)
        groups[_key(label, label in person_names)][place.name if place else label] += counts[name]

    def tail_of(key: Key) -> Key:
        longer = [k for k in groups if len(k) > len(key) and k[-len(key):] == key]
        shortest = [k for k in longer if len(k) == min(map(len, longer))]
        if len(shortest) != 1:  # "Trump" of Donald and of Melania Trump: nobody
            return key
        longer = shortest
        named = len(key) > 1 or any(n in person_names for n in groups[longer[0]])
        return longer[0] if named else key

    target = {key: tail_of(key) for key in groups}
    merged: dict[Key, Counter] = defaultdict(Counter)
    for key, names in groups.items():
        merged[target[key]].update(names)
    # the most used spelling among the fullest forms names the source
    best = {key: _capitalised(max(names, key=lambda n: (len(words(n)), names[n], n)))
            for key, names in merged.items()}
    return {name: best[target[_key(label, label in person_names)]]
            for name, label in cleaned.items()}


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]
