"""Synthetic news articles for the ingest benchmarks: invented places, people and sides, told in
the shapes news reports take (a headline, a dateline, attributed claims, denials, quotes, figures
and plain narration), so kgraph's extractor does real work on them. Deterministic for a given
count and seed; no text from the evaluation seeds.

    .venv/bin/python bench/corpus.py 200 corpus.jsonl
"""
from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

SIDES = [  # (country, demonym, capital, spokesperson, ministry)
    ("Norvalia", "Norvalian", "Estrin", "Colonel Anja Ferrow", "the Norvalian defence ministry"),
    ("Kestria", "Kestrian", "Moravel", "General Dovan Pell", "the Kestrian general staff"),
    ("Ostmark", "Ostmarkian", "Veltry", "Minister Ilse Roden", "the Ostmarkian army"),
    ("Calderra", "Calderran", "Sunmere", "President Tomas Varek", "the Calderran government"),
]
TOWNS = ["Harrow Ford", "Lindqvist", "Bramel", "Ostrava Mill", "Pellan", "Quarry Bend",
         "Tirsk", "Vallon", "Wexmoor", "Yarrow Point", "Zelma", "Drumlin"]
OBSERVERS = ["the Lakeshore Monitoring Mission", "the Bremer Institute", "Red Harbour Aid",
             "the Northern Observers Group", "analysts at the Kellan Centre"]
PAPERS = ["The Estrin Ledger", "Moravel Daily", "The Veltry Courier", "Sunmere Post"]

CLAIMS = [  # an attributed claim: {who} the speaker, {them} the other side, {town} a place
    "{who} said that {them} troops were completely surrounded near {town}.",
    "{who} said {us} forces captured {town} on {day}.",
    "{who} denied that {us} units had withdrawn from {town}.",
    "According to {who}, about {n} soldiers were killed in the fighting around {town}.",
    "{who} claimed that {them} forces attacked a convoy on the road to {town}.",
    "{who} insisted that {us} soldiers had not violated the ceasefire.",
    '"Our units control {town} and the bridges east of it," {who} told reporters.',
    "{who} rejected reports that {us} troops were encircled near {town}.",
    "{who} said {them} artillery blocked the aid convoy outside {town} for a second day.",
    "{who} accused {them} troops of violating the truce overnight.",
    "{who} said that more than {n} civilians were killed when shells hit {town}.",
    "{who} denied that {them} forces controlled {town}.",
]
NARRATION = [
    "Smoke rose over the grain silos on the edge of {town} as the shelling went on.",
    "Residents queued for water at a pump beside the old railway station.",
    "The road between {town} and {capital} has been closed to civilian traffic since the weekend.",
    "Reporters were not allowed into the area, and the figures could not be checked.",
    "Both sides have traded accusations since the talks broke down last month.",
    "Aid workers described long lines of cars heading west with mattresses tied to their roofs.",
    "The front line has barely moved in three weeks of heavy rain.",
    "Shops in {capital} stayed open, though many windows were taped against blasts.",
]
HEADLINES = ["Fighting flares near {town} as both sides trade blame",
             "{country} and {other} dispute control of {town}",
             "Fresh claims over {town} cloud hopes for a truce",
             "Conflicting reports from {town} after night of shelling"]


def articles(count: int, seed: int = 2026) -> Iterator[dict]:
    """`count` articles as JSONL records (text, title, date, publisher, url)."""
    rng = random.Random(seed)
    start = date(2025, 3, 1)
    for i in range(count):
        ours, theirs = rng.sample(SIDES, 2)
        town = rng.choice(TOWNS)
        day = start + timedelta(days=rng.randrange(60))
        fill = {"town": town, "capital": ours[2], "country": ours[0], "other": theirs[0]}
        paragraphs = [f"{ours[2].upper()}, {ours[0]} — " + _narrate(rng, fill)]
        for _ in range(rng.randint(4, 7)):
            speaker_side = rng.choice((ours, theirs))
            other = theirs if speaker_side is ours else ours
            sentences = [_claim(rng, template, speaker_side, other, fill, day)
                         for template in rng.sample(CLAIMS, rng.randint(1, 2))]
            sentences.append(_narrate(rng, fill))
            if rng.random() < 0.3:
                sentences.append(_sentence(f"{rng.choice(OBSERVERS)} said they could not "
                                           f"independently verify the account."))
            rng.shuffle(sentences)
            paragraphs.append(" ".join(sentences))
        yield {"title": rng.choice(HEADLINES).format(**fill),
               "text": "\n\n".join(paragraphs), "date": day.isoformat(),
               "publisher": rng.choice(PAPERS), "url": f"https://news.example/{seed}/{i}"}


def _claim(rng: random.Random, template: str, side: tuple, other: tuple, fill: dict,
           day: date) -> str:
    return _sentence(template.format(
        who=rng.choice((side[3], side[4])), us=side[1], them=other[1],
        town=rng.choice(TOWNS + [fill["town"]] * 3), n=rng.choice((12, 40, 150, 600, 1200)),
        day=day.strftime("%A")))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _narrate(rng: random.Random, fill: dict) -> str:
    return rng.choice(NARRATION).format(**fill)


def write_jsonl(path: Path, count: int, seed: int = 2026) -> Path:
    with Path(path).open("w", encoding="utf-8") as out:
        for record in articles(count, seed):
            out.write(json.dumps(record) + "\n")
    return Path(path)


if __name__ == "__main__":
    write_jsonl(Path(sys.argv[2]), int(sys.argv[1]))
