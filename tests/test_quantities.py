"""parse_quantity: figures in news text become intervals with a canonical unit."""
from __future__ import annotations

import math

import pytest

from kgraph.models import Quantity
from kgraph.quantities import parse_quantity

INF = math.inf


@pytest.mark.parametrize("text, expected", [
    # qualifiers
    ("about 1,000 square kilometers", Quantity(1000, "km2", 900, 1100)),
    ("over 1,300 km2", Quantity(1300, "km2", 1300, INF)),
    ("less than 500 troops", Quantity(500, "troops", 0, 500)),
    ("at least 40 people", Quantity(40, "people", 40, INF)),
    ("nearly 200 civilians", Quantity(200, "people", 180, 200)),
    ("up to 3,000 soldiers", Quantity(3000, "troops", 0, 3000)),
    ("exactly 75 residents", Quantity(75, "people", 75, 75)),
    # ranges
    ("20 to 30 people", Quantity(20, "people", 20, 30)),
    ("20-30 people", Quantity(20, "people", 20, 30)),
    ("between 30 and 20 fighters", Quantity(30, "troops", 20, 30)),
    # vague amounts
    ("dozens of people", Quantity(24, "people", 24, 99)),
    ("hundreds of troops", Quantity(200, "troops", 200, 999)),
    ("tens of thousands of residents", Quantity(20000, "people", 20000, 99999)),
    # multipliers
    ("12 thousand troops", Quantity(12000, "troops", 12000, 12000)),
    ("1.5 million people", Quantity(1.5e6, "people", 1.5e6, 1.5e6)),
    # units
    ("seized 1,000 kilometers of territory", Quantity(1000, "km2", 1000, 1000)),
    ("a convoy of 40 km", Quantity(40, "km", 40, 40)),
    ("1,300km2", Quantity(1300, "km2", 1300, 1300)),
    ("turnout was 55% in the north", Quantity(55, "percent", 55, 55)),
    ("the 2019 accord covered 300 people", Quantity(300, "people", 300, 300)),
])
def test_parse_quantity(text, expected):
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", [
    "In 2024 the talks resumed.",  # a bare year is not a figure
    "The garrison was encircled.",
    "",
])
def test_no_quantity(text):
    assert parse_quantity(text) is None


def test_a_year_with_a_unit_is_a_figure():
    assert parse_quantity("2000 troops") == Quantity(2000, "troops", 2000, 2000)
