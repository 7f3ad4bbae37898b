"""An HTML preview of a filled form (for the GUI's preview and print), built from the
same validated values as the documents."""

from __future__ import annotations

from html import escape

from desktop.forms.spec import FormSpec
from desktop.forms.validation import FormResult


def _cell(text: object) -> str:
    return escape(str(text or "")).replace("\n", "<br>")


def preview_html(result: FormResult, *, lang: str = "zh", outlet: str = "",
                 date_text: str = "") -> str:
    spec: FormSpec = result.spec
    label = (lambda f: f.label) if lang == "zh" else (lambda f: f.label_en)
    parts = [
        "<html><body style='font-family: FangSong, \"仿宋\", serif; font-size: 11pt;'>",
        f"<h2 style='text-align:center'>{_cell(spec.name_for(lang))}</h2>",
    ]
    if date_text:
        parts.append(f"<p style='text-align:right'>{_cell(date_text)}</p>")
    table = "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
    for title, fields in spec.groups():  # the document's order: parties where it has them
        f = fields[0]
        if f.type == "rows":
            parts.append(f"<h4>{_cell(label(f))}</h4>")
            head = "".join(f"<th>{_cell(label(c))}</th>" for c in f.columns)
            body = "".join("<tr><td>" + str(i) + "</td>"
                           + "".join(f"<td>{_cell(r.get(c.id))}</td>" for c in f.columns)
                           + "</tr>" for i, r in enumerate(result.display.get(f.id) or [], 1))
            parts.append(f"{table}<tr><th>#</th>{head}</tr>{body}</table>")
            continue
        if title:
            en = next((g.section_en for g in spec.fields if g.section == title and g.section_en),
                      title)
            parts.append(f"<h4>{_cell(title if lang == 'zh' else en)}</h4>")
        rows = "".join(f"<tr><td style='background:#eee' width='30%'>{_cell(label(g))}</td>"
                       f"<td>{_cell(result.display.get(g.id))}</td></tr>" for g in fields)
        parts.append(f"{table}{rows}</table>")
    if result.computed:
        parts.append("<h4>" + ("费用计算" if lang == "zh" else "Fees") + "</h4><ul>")
        for c in result.computed:
            expl = c.explanation if lang == "zh" else c.explanation_en
            name = c.label if lang == "zh" else c.label_en
            parts.append(f"<li><b>{_cell(name)}：{_cell(c.display)}</b>（{_cell(expl)}）</li>")
        parts.append("</ul>")
    if result.materials:
        parts.append("<h4>" + ("需提交的材料" if lang == "zh" else "Materials") + "</h4><ul>")
        for zh, en in result.materials:
            parts.append(f"<li>☐ {_cell(zh if lang == 'zh' else en)}</li>")
        parts.append("</ul>")
    if spec.declaration:
        parts.append(f"<p>{_cell(spec.declaration)}</p>")
    if outlet:
        parts.append(f"<p style='font-size:9pt;color:#555'>{_cell(outlet)}</p>")
    parts.append("</body></html>")
    return "".join(parts)
