"""The 办事指南 handout: one or several items as an A4 DOCX (and PDF where possible).

Chinese text needs ``w:eastAsia`` on the Normal style and on every run, or Word falls back
to another font; python-docx's default page is US Letter, so the section is set to A4.
The same content is offered as simple HTML for printing from the GUI.
"""

from __future__ import annotations

import datetime as _dt
import html
import logging
from collections.abc import Mapping, Sequence, Set
from pathlib import Path

from desktop.catalogue.guide_html import lines_html
from desktop.catalogue.schema import ServiceItem
from desktop.catalogue.text import Section, footer_line, item_sections, material_line
from desktop.common.files import save_atomically
from desktop.common.limits import xml_text
from desktop.errors import UserError
from desktop.settings.api import Outlet

log = logging.getLogger(__name__)
BODY_FONT = "仿宋"
TITLE_FONT = "黑体"
LATIN_FONT = "Times New Roman"
TICKED, UNTICKED = "☑", "☐"
RETIRED_NOTE = "注意：本事项已停用，仅供参考。"
Ticks = Mapping[str, Set[int]]


def _set_fonts(element, east_asia: str) -> None:
    """Set the eastAsia (and Latin) fonts on a run's or a style's ``w:rPr``."""
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), east_asia)
    rfonts.set(qn("w:ascii"), LATIN_FONT)
    rfonts.set(qn("w:hAnsi"), LATIN_FONT)


def _set_run_font(run, east_asia: str, size: float | None = None,
                  bold: bool = False) -> None:
    from docx.shared import Pt

    run.font.name = LATIN_FONT
    _set_fonts(run._element, east_asia)
    if size:
        run.font.size = Pt(size)
    run.bold = bold


def _para(doc, text: str, *, font: str = BODY_FONT, size: float = 12,
          bold: bool = False, align=None, indent_cm: float = 0.0, space_after: float = 2):
    from docx.shared import Cm, Pt

    p = doc.add_paragraph()
    run = p.add_run(xml_text(text))  # python-docx refuses characters XML forbids
    _set_run_font(run, font, size, bold)
    if align is not None:
        p.alignment = align
    if indent_cm:
        p.paragraph_format.left_indent = Cm(indent_cm)
    p.paragraph_format.space_after = Pt(space_after)
    return p


def _setup(doc) -> None:
    from docx.shared import Cm, Pt

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    normal = doc.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = Pt(12)
    _set_fonts(normal.element, BODY_FONT)


def outlet_lines(outlet: Outlet) -> list[str]:
    lines = [f"服务网点：{outlet.name or '（未设置网点名称，请在“设置”中填写）'}"]
    for label, value in (("地址", outlet.address), ("电话", outlet.phone),
                         ("邮箱", outlet.email), ("服务时间", outlet.hours)):
        if value:
            lines.append(f"{label}：{value}")
    return lines


def _materials_checklist(item: ServiceItem, ticked: Set[int]) -> list[str]:
    return [f"{TICKED if i in ticked else UNTICKED} {material_line(m)}"
            for i, m in enumerate(item.materials)]


def handout_sections(item: ServiceItem, ticked: Set[int], *,
                     officer: bool = False) -> list[Section]:
    """The guide's sections with the materials as a tick-box checklist after the conditions.

    The visitor's copy (default) has no source notes; ``officer=True`` adds them."""
    sections = [sec for sec in item_sections(item, include_materials=False, officer=officer)
                if sec.key != "basic" or officer]
    if not officer:
        sections.insert(0, Section("basic", "基本信息", _visitor_basics(item)))
    checklist = Section("materials", "申请材料清单", tuple(_materials_checklist(item, ticked)))
    return sections[:2] + [checklist] + sections[2:]


def _visitor_basics(item: ServiceItem) -> tuple[str, ...]:
    """What a visitor needs of the basic facts (the code and version go to the footer)."""
    return (
        f"服务对象：{'、'.join(item.audience)}",
        f"实施机构：{item.provider.body}",
        f"是否收费：{'收费（标准见“收费标准”）' if item.paid else '不收费'}",
    )


def _footer(section, text: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    footer = section.footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    p.text = ""
    _set_run_font(p.add_run(text), BODY_FONT, 9)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def write_handout(items: Sequence[ServiceItem], path: str | Path, outlet: Outlet, *,
                  ticks: Ticks | None = None, today: _dt.date | None = None,
                  officer: bool = False) -> Path:
    """Write the handout for ``items`` (in the given order) to ``path`` (DOCX).

    Each item starts a new A4 section whose page footer is its one small line: item code,
    version and the date its facts were checked.  ``officer=True`` writes the officer's
    copy, which adds the sources of the facts."""
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    if not items:
        raise UserError("请至少选择一个服务事项", "choose at least one service item")
    ticks = ticks or {}
    today = today or _dt.date.today()
    doc = Document()
    _setup(doc)
    for n, item in enumerate(items):
        section = doc.sections[0] if not n else doc.add_section(WD_SECTION.NEW_PAGE)
        _footer(section, footer_line(item) + ("　（工作人员用）" if officer else ""))
        _para(doc, "办事指南", font=TITLE_FONT, size=15, align=WD_ALIGN_PARAGRAPH.CENTER,
              space_after=0)
        _para(doc, item.name, font=TITLE_FONT, size=18, bold=True,
              align=WD_ALIGN_PARAGRAPH.CENTER, space_after=6)
        if not item.active:
            _para(doc, RETIRED_NOTE, bold=True)
        for sec in handout_sections(item, ticks.get(item.code, set()), officer=officer):
            head = _para(doc, f"【{sec.title}】", font=TITLE_FONT, size=12, space_after=1)
            head.paragraph_format.keep_with_next = True
            head.paragraph_format.space_before = Pt(4)
            for i, line in enumerate(sec.lines, 1):
                for j, part in enumerate(line.split("\n")):
                    prefix = f"{i}. " if sec.numbered and j == 0 else ""
                    _para(doc, prefix + part, size=11, indent_cm=0.6, space_after=1)
        _para(doc, "", space_after=2)
        for line in outlet_lines(outlet):
            _para(doc, line, size=10)
        _para(doc, f"打印日期：{today.isoformat()}　以上信息以受理机关最新公告为准", size=10)
    return save_atomically(path, doc.save)


def handout_html(items: Sequence[ServiceItem], outlet: Outlet, *, ticks: Ticks | None = None,
                 today: _dt.date | None = None, officer: bool = False) -> str:
    """The same handout as simple HTML (for printing through the system dialog)."""
    ticks = ticks or {}
    today = today or _dt.date.today()
    e = html.escape
    parts: list[str] = []
    for n, item in enumerate(items):
        brk = ' style="page-break-before: always"' if n else ""
        parts.append(f"<h3 align='center'{brk}>办事指南</h3><h1 align='center'>{e(item.name)}</h1>")
        if not item.active:
            parts.append(f"<p><b>{RETIRED_NOTE}</b></p>")
        for sec in handout_sections(item, ticks.get(item.code, set()), officer=officer):
            parts.append(f"<h3>【{e(sec.title)}】</h3>")
            parts.append(lines_html(sec.lines, numbered=sec.numbered))
        parts.append("<hr>" + "<br>".join(e(x) for x in outlet_lines(outlet)))
        parts.append(f"<p>打印日期：{today.isoformat()}　以上信息以受理机关最新公告为准</p>")
        parts.append(f"<p align='center' style='font-size:small'>{e(footer_line(item))}"
                     + ("　（工作人员用）" if officer else "") + "</p>")
    return "<html><body style='font-family: \"FangSong\", \"仿宋\", serif'>" + "".join(parts) \
        + "</body></html>"
