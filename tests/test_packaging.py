"""An installed kgraph (not only an editable one) holds every package and data file."""
from __future__ import annotations

from configparser import ConfigParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_cfg() -> ConfigParser:
    config = ConfigParser()
    config.read(ROOT / "setup.cfg")
    return config


def test_every_package_is_listed():
    listed = set(setup_cfg()["options"]["packages"].split())
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "kgraph").rglob("*.py")}
    assert on_disk - listed == set()
    assert "kgraph.ontology" in listed


def test_every_data_folder_is_listed():
    data = setup_cfg()["options.package_data"]
    for package, patterns in data.items():
        folder = ROOT / ("ontology" if package == "kgraph.ontology"
                         else package.replace(".", "/"))
        for pattern in patterns.replace(",", " ").split():
            assert list(folder.glob(pattern)), f"{package}: nothing matches {pattern}"
    for folder in ("reason", "query", "render"):
        assert f"kgraph.{folder}" in data
