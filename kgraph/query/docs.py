"""The named queries as Markdown, for docs/queries.md (a test keeps the page up to date)."""
from __future__ import annotations

from kgraph.query.named import NamedQuery, named_queries


def named_queries_markdown(queries: list[NamedQuery] | None = None) -> str:
    """One section per named query: its title, what it answers, its parameters and the
    command that runs it."""
    parts = []
    for query in queries if queries is not None else named_queries():
        lines = [f"### `{query.name}`: {query.title}", "", query.description, ""]
        if query.parameters:
            lines += [f"- `{p.name}` ({p.type}, optional): {p.description}"
                      for p in query.parameters] + [""]
        example = " ".join(f'--param {p.name}="..."' for p in query.parameters)
        lines += ["```", f"kgraph query --store graph.db --name {query.name} {example}".rstrip(),
                  "```", ""]
        parts.append("\n".join(lines))
    return "\n".join(parts)


BEGIN = "<!-- named queries: written by `python -m kgraph.query.docs docs/queries.md` -->"
END = "<!-- end of named queries -->"


def update_page(text: str) -> str:
    """`text` with the part between BEGIN and END written anew from the .rq headers."""
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n\n{named_queries_markdown()}{END}{tail}"


if __name__ == "__main__":
    import sys
    from pathlib import Path

    page = Path(sys.argv[1])
    page.write_text(update_page(page.read_text(encoding="utf-8")), encoding="utf-8")
