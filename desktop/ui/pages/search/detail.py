"""The detail pane's HTML for one record: its fields, flags and text, search terms marked."""

from __future__ import annotations

import html
from collections.abc import Iterable

from desktop.library.api import RecordView, highlight_all

MARKS = ("<span style='background:#ffe08a;font-weight:bold'>", "</span>")


def record_html(view: RecordView | None, title: str, terms: Iterable[str], *,
                abstract_label: str = "摘要", other_label: str = "其他字段") -> str:
    """``view`` as HTML; only the hit's ``title`` when the record could not be read.  The
    labels come translated from the page."""
    if view is None:
        return f"<h3>{html.escape(title)}</h3>"
    terms = set(terms)
    parts = [f"<h3>{highlight_all(view.title, terms, MARKS)}</h3>"]
    if view.flags:
        parts.append("<p style='color:#b00020'>" + "<br>".join(
            html.escape(f) for f in view.flags) + "</p>")
    parts.append(_table(view.fields, terms))
    if view.text:
        parts.append(f"<p><b>{html.escape(abstract_label)}</b><br>"
                     + highlight_all(view.text, terms, MARKS).replace("\n", "<br>") + "</p>")
    if view.extra:  # columns the import did not recognise, under their own headers
        parts.append(f"<p><b>{html.escape(other_label)}</b></p>" + _table(view.extra, terms))
    return "".join(parts)


def _table(fields: dict[str, object], terms: set[str]) -> str:
    rows = "".join(
        f"<tr><td style='color:#555;padding-right:8px'>{html.escape(str(k))}</td>"
        f"<td>{highlight_all(str(v), terms, MARKS)}</td></tr>" for k, v in fields.items())
    return f"<table>{rows}</table>"
