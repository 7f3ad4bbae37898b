"""The one printed packet of a visit: a cover with what is still missing per item, the
guides with their material checklists, and the forms generated during the visit — each
with the outlet block and the date (as HTML, printed through the system dialog)."""

from __future__ import annotations

import datetime as _dt
import html
import re
from collections.abc import Mapping, Sequence, Set
from pathlib import Path

from desktop.catalogue import api as catalogue
from desktop.context import AppContext
from desktop.errors import UserError
from desktop.settings import api as settings

_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S)


def _body(page: str) -> str:
    found = _BODY.search(page)
    return found.group(1) if found else page


def missing_materials(ctx: AppContext, codes: Sequence[str],
                      ticks: Mapping[str, Set[int]]) -> dict[str, list[str]]:
    """Per item code, the required materials the visitor does not have yet (not ticked)."""
    out: dict[str, list[str]] = {}
    for item in catalogue.get_items(ctx, codes):
        have = ticks.get(item.code, set())
        out[item.code] = [catalogue.material_line(m) for i, m in enumerate(item.materials)
                          if m.required and i not in have]
    return out


def packet_html(ctx: AppContext, codes: Sequence[str], ticks: Mapping[str, Set[int]],
                document_ids: Sequence[int], *, client_name: str = "",
                today: _dt.date | None = None) -> str:
    """The packet for the items ``codes`` (in that order), ``ticks`` (material indexes the
    visitor has, per item) and the generated documents ``document_ids``."""
    from desktop.forms import api as forms  # python-docx & co: loaded on first use

    today = today or _dt.date.today()
    e = html.escape
    items = catalogue.get_items(ctx, codes)
    outlet = settings.get_outlet(ctx)
    parts = ["<h2 align='center'>知识产权服务材料包</h2>"]
    head = [f"服务网点：{outlet.name or '（未设置网点名称，请在“设置”中填写）'}"]
    if client_name:
        head.append(f"服务对象：{client_name}")
    head.append(f"日期：{today.isoformat()}")
    parts.append("<p>" + "<br>".join(e(x) for x in head) + "</p>")
    missing = missing_materials(ctx, [i.code for i in items], ticks)
    if items:
        parts.append("<h3>尚缺材料清单</h3>")
        for item in items:
            lacking = missing.get(item.code, [])
            parts.append(f"<p><b>{e(item.name)}</b>（{e(item.code)}）</p>")
            parts.append("<ul>" + "".join(f"<li>☐ {e(x)}</li>" for x in lacking) + "</ul>"
                         if lacking else "<p>必需材料已齐备。</p>")
    docs = [forms.get_document(ctx, d) for d in document_ids]
    if docs:
        parts.append("<h3>已生成的申请材料</h3><ul>" + "".join(
            f"<li>{e(d.form_name)}（{e(Path(d.output_path).name)}）</li>"
            for d in docs) + "</ul>")
    if items:
        parts.append("<div style='page-break-before: always'></div>")
        parts.append(_body(catalogue.handout_html(ctx, items, ticks=ticks, today=today)))
    for d in docs:
        try:
            form = forms.get_form(ctx, d.form_id)
        except UserError:  # a form removed since: listed above, no preview
            continue
        result = forms.validate(form, d.data)
        parts.append("<div style='page-break-before: always'></div>")
        parts.append(_body(forms.preview_html(ctx, result, today=today)))
    return ("<html><body style='font-family: \"FangSong\", \"仿宋\", serif'>"
            + "".join(parts) + "</body></html>")
