"""Where the data files that ship with kgraph live."""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def ontology_dir() -> Path:
    """The ontology folder: inside the package when installed from a wheel (setup.cfg maps
    ontology/ to kgraph.ontology), at the top of the checkout in a source or editable install."""
    for candidate in (_PACKAGE / "ontology", _PACKAGE.parent / "ontology"):
        if (candidate / "kgraph.ttl").is_file():
            return candidate
    raise FileNotFoundError(f"kgraph's ontology files are missing (looked in {_PACKAGE})")
