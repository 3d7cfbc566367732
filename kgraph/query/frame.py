"""Answers as pandas DataFrames, for notebooks. pandas is imported here only, when called:
kgraph itself does not need it (install the `notebook` extra)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kgraph.query.run import answer, table
from kgraph.store.base import Store

if TYPE_CHECKING:
    import pandas


def dataframe(store: Store, query_or_name: str, **params: Any) -> "pandas.DataFrame":
    """The answer as a DataFrame: a column per variable (named as in the query), Python values
    in the cells (None where unbound); a column of numbers only gets a numeric dtype.

    >>> dataframe(store, "most-disputed").head()  # doctest: +SKIP
    """
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("kgraph.query.dataframe needs pandas: pip install 'kgraph[notebook]'"
                          ) from None
    columns, rows = table(answer(store, query_or_name, **params))
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    return frame.infer_objects()
