"""An item's guide as titled sections of plain lines.

One rendering shared by the detail pane, the printed and DOCX handouts, ``catalogue show``
and the full-text search documents, so every face shows the same guide.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.catalogue.schema import FIELD_LABELS, Material, ServiceItem
from desktop.common.fees import cited, fee_table, render


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    lines: tuple[str, ...]
    numbered: bool = False


def material_line(m: Material) -> str:
    need = "必交" if m.required else "如有/视情况"
    copies = f"{m.copies}份" if m.copies else "份数不限"
    text = f"{m.name}（{m.form}，{copies}，{need}）"
    return render(f"{text}：{m.notes}" if m.notes else text)


def checked_date(item: ServiceItem) -> str:
    """The date the item's facts were last checked (``未记录`` where it never was)."""
    return item.checked.isoformat() if item.checked else "未记录"


def footer_line(item: ServiceItem) -> str:
    """The one small line under a printed guide: code, version and the checking date."""
    return f"{item.code}　版本 {item.version}　信息核对日期 {checked_date(item)}"



def basic_lines(item: ServiceItem) -> tuple[str, ...]:
    return (
        f"事项编码：{item.code}",
        f"类别：{item.category}",
        f"事项类型：{item.service_type}（{'收费' if item.paid else '免费'}）",
        f"服务对象：{'、'.join(item.audience)}",
        f"实施机构：{item.provider.body}（{item.provider.level}级）",
        f"版本：{item.version}，生效日期：{item.effective_date.isoformat()}"
        + ("" if item.active else "（已停用）"),
    )


def item_sections(item: ServiceItem, *, include_materials: bool = True,
                  officer: bool = True) -> list[Section]:
    """Every element of the guide, in the order a visitor reads it; fees and figures come
    from the fee table.  ``officer=False`` (the visitor's copy) leaves out where the facts
    come from."""
    s: list[Section] = [Section("basic", "基本信息", basic_lines(item))]

    def add(key: str, lines: list[str] | tuple[str, ...], numbered: bool = False) -> None:
        s.append(Section(key, FIELD_LABELS[key], tuple(render(x) for x in lines), numbered))

    add("conditions", item.conditions)
    add("channels", [f"{c.kind}：{c.detail}" for c in item.channels])
    if include_materials:
        add("materials", [material_line(m) for m in item.materials], numbered=True)
    add("steps", [f"{st.title}：{st.detail}" if st.detail else st.title for st in item.steps],
        numbered=True)
    add("time_limit", [item.time_limit])
    add("fees", [item.fees])
    add("result", [item.result])
    add("progress_query", [item.progress_query])
    add("supervision", [item.supervision])
    add("facilitation", item.facilitation)
    add("forms", [f.name for f in item.forms])
    add("legal_basis", [b.cite() for b in item.legal_basis])
    add("faq", [f"问：{f.q}\n答：{f.a}" for f in item.faq])
    if officer:
        add("source", [f"{item.source.title}（信息日期 {item.source.date.isoformat()}）",
                       f"信息核对日期：{checked_date(item)}"]
            + [f"{fee_source}" for fee_source in fee_sources(item)])
    return s


def fee_sources(item: ServiceItem) -> list[str]:
    """The fee notices behind the amounts the item prints (officer copy)."""
    table = fee_table()
    out: list[str] = []
    for kind, key in cited(item.model_dump_json()):
        try:
            entry = table.fee(key) if kind == "fee" else table.figure(key)
        except KeyError:
            continue
        line = f"{entry.name}：{table.source_of(entry).label()}"
        if line not in out:
            out.append(line)
    return ["收费依据：" + x for x in out]


def item_plain_text(item: ServiceItem) -> str:
    """All sections joined as plain text (for full-text search and ``catalogue show``)."""
    parts: list[str] = [item.name]
    for sec in item_sections(item):
        parts.append(f"【{sec.title}】")
        for i, line in enumerate(sec.lines, 1):
            parts.append(f"{i}. {line}" if sec.numbered else line)
    parts.append("关键词：" + "、".join(item.keywords))
    return "\n".join(parts)
