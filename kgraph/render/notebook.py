"""The graph page inline in a notebook, without making IPython a dependency: Jupyter displays
any object with a `_repr_html_` method. The page goes into a sandboxed iframe's `srcdoc`, so
its scripts and styles stay apart from the notebook's own and it runs as it does from a file."""
from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True)
class NotebookPage:
    """A rendered page and the height of the frame that shows it."""

    page: str
    height: int = 650

    def _repr_html_(self) -> str:
        # allow-scripts without allow-same-origin: the page runs, but in an opaque origin that
        # cannot reach the notebook's cookies, storage or DOM.
        return (f'<iframe srcdoc="{html.escape(self.page, quote=True)}" '
                f'sandbox="allow-scripts" title="kgraph" '
                f'style="width: 100%; height: {int(self.height)}px; border: 1px solid #ddd">'
                "</iframe>")
