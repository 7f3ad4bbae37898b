"""An item's guide as HTML: the page's detail pane and the printed handout share this."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from desktop.catalogue.schema import FormRef, ServiceItem
from desktop.catalogue.text import item_sections

FORM_SCHEME = "form"
"""Links to related forms are ``form:<form_id>`` (the page opens the form on click)."""


def lines_html(lines: Iterable[str], *, numbered: bool = False) -> str:
    """Lines as an HTML list (numbered or not); line breaks inside a line kept."""
    tag = "ol" if numbered else "ul"
    items = "".join(f"<li>{html.escape(x).replace(chr(10), '<br>')}</li>" for x in lines)
    return f"<{tag}>{items}</{tag}>"


def guide_html(item: ServiceItem, *, linkable: Callable[[FormRef], bool] | None = None,
               link_note: str = "", heading_color: str = "#21384f") -> str:
    """The guide's sections after the basic facts (which the page shows as its title).

    Related forms for which ``linkable(form)`` is true become ``form:<id>`` links, followed
    by ``link_note`` (e.g. "点击打开表单").
    """
    e = html.escape
    out = []
    for sec in item_sections(item, include_materials=False):
        if sec.key == "basic":
            continue
        out.append(f"<h3 style='color:{heading_color}'>{e(sec.title)}</h3>")
        if sec.key == "forms":
            links = []
            for f in item.forms:
                if f.form_id and linkable is not None and linkable(f):
                    note = f" <span style='color:#777'>（{e(link_note)}）</span>" if link_note \
                        else ""
                    links.append(f"<li><a href='{FORM_SCHEME}:{e(f.form_id)}'>{e(f.name)}</a>"
                                 f"{note}</li>")
                else:
                    links.append(f"<li>{e(f.name)}</li>")
            out.append("<ul>" + "".join(links) + "</ul>")
            continue
        out.append(lines_html(sec.lines, numbered=sec.numbered))
    return "".join(out)
