"""Build the Word templates (docxtpl) of the bundled forms from their specs.

    python tools/build_form_templates.py            # every spec in resources/forms
    python tools/build_form_templates.py patent_pledge trademark_application

Each template is A4 with official-document sizes (title 二号 22 pt, body 小四 12 pt, tables
五号 10.5 pt), 仿宋 body text with the East-Asian font set on every run and on the Normal
style, fixed-width tables (identifier columns wide enough never to wrap, marked no-wrap),
headings kept with what follows, a header naming the outlet and the date and a footer with
the form's name and the page number.  Jinja tags sit whole inside single runs, so docxtpl never meets a split tag.
The output is deterministic for a given spec (fixed core properties), so it can be
committed and rebuilt.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import io
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.forms.registry import _read, _with_fees  # noqa: E402
from desktop.forms.spec import FieldSpec, FormSpec  # noqa: E402

FORMS_DIR = ROOT / "resources" / "forms"
BODY_FONT = "仿宋"
TITLE_FONT = "宋体"
HEADING_FONT = "黑体"
LATIN_FONT = "Times New Roman"
SIZE_TITLE = Pt(22)     # 二号
SIZE_BODY = Pt(12)      # 小四
SIZE_TABLE = Pt(10.5)   # 五号
SIZE_SMALL = Pt(9)      # 小五
TEXT_WIDTH_CM = 15.6    # A4 21 cm minus 2.8 + 2.6 cm margins
LABEL_CM = 4.2
FIXED_DATE = _dt.datetime(2026, 1, 1)


def set_fonts(rpr, east_asia: str) -> None:  # type: ignore[no-untyped-def]
    """Latin and East-Asian fonts on a run or style's properties (python-docx sets only
    the Latin one)."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), east_asia)
    rfonts.set(qn("w:ascii"), LATIN_FONT)
    rfonts.set(qn("w:hAnsi"), LATIN_FONT)


def set_run_font(run, east_asia: str = BODY_FONT, size=SIZE_BODY,  # type: ignore[no-untyped-def]
                 bold: bool = False) -> None:
    run.font.size = size
    run.font.bold = bold
    set_fonts(run._element.get_or_add_rPr(), east_asia)


def add_text(par, text: str, **font) -> None:  # type: ignore[no-untyped-def]
    set_run_font(par.add_run(text), **font)


def paragraph(container, text: str = "", *, align=None, space_after: float = 0,  # type: ignore[no-untyped-def]
              **font):
    par = container.add_paragraph()
    par.paragraph_format.space_after = Pt(space_after)
    par.paragraph_format.space_before = Pt(0)
    if align is not None:
        par.alignment = align
    if text:
        add_text(par, text, **font)
    return par


def shade(cell, fill: str = "EDEDED") -> None:  # type: ignore[no-untyped-def]
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def fixed_table(doc, widths_cm: list[float]):  # type: ignore[no-untyped-def]
    table = doc.add_table(rows=0, cols=len(widths_cm))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(int(sum(widths_cm) * 567)))
    for col, w in zip(table.columns, widths_cm, strict=False):
        col.width = Cm(w)
    return table


def no_wrap(cell) -> None:  # type: ignore[no-untyped-def]
    """Mark a cell holding an identifier: ``w:noWrap`` (honoured by auto layouts; the
    column is also made wide enough, see :func:`column_widths`)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    if tc_pr.find(qn("w:noWrap")) is None:
        tc_pr.append(OxmlElement("w:noWrap"))


def keep_row_together(row) -> None:  # type: ignore[no-untyped-def]
    """A table row never split across pages."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def add_row(table, widths_cm: list[float], texts: Iterable[str], *,  # type: ignore[no-untyped-def]
            header: bool = False, label_first: bool = False,
            codes: Iterable[int] = ()) -> None:
    row = table.add_row()
    keep_row_together(row)
    code_cells = set(codes)
    for i, (cell, w, text) in enumerate(zip(row.cells, widths_cm, texts, strict=False)):
        cell.width = Cm(w)
        par = cell.paragraphs[0]
        par.paragraph_format.space_after = Pt(0)
        if header:  # the column heads stay with the first data row
            par.paragraph_format.keep_with_next = True
        if text:
            add_text(par, text, size=SIZE_TABLE, bold=header)
        if header or (label_first and i == 0):
            shade(cell)
        if i in code_cells:
            no_wrap(cell)
    if header:
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))  # repeated on every page the table spans


def tag_row(table, widths_cm: list[float], tag: str) -> None:  # type: ignore[no-untyped-def]
    """A docxtpl ``{%tr …%}`` row (removed when rendered)."""
    add_row(table, widths_cm, [tag] + [""] * (len(widths_cm) - 1))


def heading(doc, text: str) -> None:  # type: ignore[no-untyped-def]
    """A section heading, kept on the page of what follows it (never stranded at a foot)."""
    par = paragraph(doc, text, east_asia=HEADING_FONT, size=SIZE_BODY, bold=True)
    par.paragraph_format.space_before = Pt(8)
    par.paragraph_format.space_after = Pt(4)
    par.paragraph_format.keep_with_next = True


# Identifier columns never wrap: their width fits the longest value at 五号 (10.5 pt) in
# Times New Roman — digits 0.5 em, capitals at most 0.722 em; a credit code has at most 9
# letters; a date adds the quarter-em space Word puts between Chinese and digits — plus the
# cell's left and right margins (0.19 cm each).
CODE_TYPES = ("uscc", "idcard", "partyid", "appno", "pubno", "phone", "date")
_EM_CM = 10.5 / 72 * 2.54
_CELL_MARGINS_CM = 0.38


def min_width_cm(f: FieldSpec) -> float | None:
    """The narrowest column that shows a value of ``f``'s type on one line, or None."""
    ems = {"uscc": 9 * 0.5 + 9 * 0.722, "idcard": 17 * 0.5 + 0.722,
           "partyid": 9 * 0.5 + 9 * 0.722, "appno": 13 * 0.5 + 0.25 + 0.722,
           "pubno": 9 * 0.5 + 3 * 0.722, "phone": 15 * 0.5,
           "date": 8 * 0.5 + 3 * 1.0 + 6 * 0.25}.get(f.type)  # 2026年11月25日, CJK spacing
    return None if ems is None else round(ems * _EM_CM + _CELL_MARGINS_CM + 0.05, 2)


def column_widths(columns: tuple[FieldSpec, ...], total_cm: float) -> list[float]:
    """Widths for the columns: identifiers get what they need, the rest share the remainder
    (at least 1.6 cm each)."""
    fixed = [min_width_cm(c) for c in columns]
    free = [i for i, w in enumerate(fixed) if w is None]
    left = total_cm - sum(w for w in fixed if w is not None)
    each = left / len(free) if free else 0.0
    if free and each < 1.6:
        raise SystemExit(f"columns {[c.id for c in columns]} do not fit {total_cm} cm")
    return [w if w is not None else round(each, 2) for w in fixed]


def field_value_tag(f: FieldSpec, var: str) -> str:
    return "{{ " + var + " }}"


def scalar_table(doc, fields: list[FieldSpec]) -> None:  # type: ignore[no-untyped-def]
    widths = [LABEL_CM, TEXT_WIDTH_CM - LABEL_CM]
    table = fixed_table(doc, widths)
    for f in fields:
        add_row(table, widths, [f.label, field_value_tag(f, f.id)], label_first=True,
                codes=[1] if f.type in CODE_TYPES else [])


def rows_table(doc, f: FieldSpec) -> None:  # type: ignore[no-untyped-def]
    heading(doc, f.label)
    number_cm = 1.0
    widths = [number_cm] + column_widths(f.columns, TEXT_WIDTH_CM - number_cm)
    codes = [i + 1 for i, c in enumerate(f.columns) if c.type in CODE_TYPES]
    table = fixed_table(doc, widths)
    add_row(table, widths, ["序号"] + [c.label for c in f.columns], header=True)
    tag_row(table, widths, "{%tr for r in " + f.id + " %}")
    add_row(table, widths, ["{{ loop.index }}"] + ["{{ r['" + c.id + "'] }}" for c in f.columns],
            codes=codes)
    tag_row(table, widths, "{%tr endfor %}")


def setup_document(spec: FormSpec):  # type: ignore[no-untyped-def]
    doc = Document()
    props = doc.core_properties
    props.title, props.author, props.comments = spec.name, "IP Desk", ""
    props.created = props.modified = FIXED_DATE
    props.last_modified_by, props.revision = "IP Desk", 1
    normal = doc.styles["Normal"]
    normal.font.size = SIZE_BODY
    set_fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    section.header_distance = section.footer_distance = Cm(1.5)
    head = section.header.paragraphs[0]
    add_text(head, "本表由{{ _meta.outlet }}协助填写", size=SIZE_SMALL)
    add_text(head, "\u3000\u3000生成日期：{{ _meta.date }}", size=SIZE_SMALL)
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    foot = section.footer.paragraphs[0]  # the form's name and the page, nothing internal
    add_text(foot, "{{ _form.name }}\u3000\u3000第", size=SIZE_SMALL)
    add_field(foot, "PAGE", "1")
    add_text(foot, "页\u3000共", size=SIZE_SMALL)
    add_field(foot, "NUMPAGES", "1")
    add_text(foot, "页", size=SIZE_SMALL)
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return doc


def add_field(par, instr: str, shown: str) -> None:  # type: ignore[no-untyped-def]
    """A Word field (PAGE, NUMPAGES) whose cached result uses the table font."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {instr} ")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    set_fonts(rpr, BODY_FONT)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(int(SIZE_SMALL.pt * 2)))
    rpr.append(size)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    fld.append(run)
    par._p.append(fld)


def build(spec: FormSpec, target: Path) -> None:
    doc = setup_document(spec)
    paragraph(doc, "{{ _form.name }}", align=WD_ALIGN_PARAGRAPH.CENTER, space_after=6,
              east_asia=TITLE_FONT, size=SIZE_TITLE, bold=True)
    if spec.authority:
        paragraph(doc, "受理机关：{{ _form.authority }}", align=WD_ALIGN_PARAGRAPH.RIGHT,
                  space_after=4, size=SIZE_TABLE)
    for title, fields in spec.groups():
        if fields[0].type == "rows":
            rows_table(doc, fields[0])
            continue
        if title:
            heading(doc, title)
        scalar_table(doc, fields)
    if spec.computed_rules():
        heading(doc, "费用计算（供核对）")
        widths = [LABEL_CM, 3.4, TEXT_WIDTH_CM - LABEL_CM - 3.4]
        table = fixed_table(doc, widths)
        add_row(table, widths, ["项目", "结果", "计算说明"], header=True)
        tag_row(table, widths, "{%tr for c in _computed %}")
        add_row(table, widths, ["{{ c.label }}", "{{ c.display }}", "{{ c.explanation }}"],
                label_first=True)
        tag_row(table, widths, "{%tr endfor %}")
    if spec.materials:
        paragraph(doc, "{%p if _materials %}")
        heading(doc, "需提交的材料清单")
        paragraph(doc, "{%p for m in _materials %}")
        paragraph(doc, "☐ {{ m }}", size=SIZE_TABLE)
        paragraph(doc, "{%p endfor %}")
        paragraph(doc, "{%p endif %}")
    if spec.attachments:
        paragraph(doc, "{%p for a in _attachments %}")
        paragraph(doc, "附件：{{ a.title }}（共{{ a.rows }}项，见电子表格{{ a.file }}）",
                  size=SIZE_TABLE, bold=True)
        paragraph(doc, "{%p endfor %}")
    if spec.declaration:  # texts from the loaded spec (fees rendered from the fee table)
        heading(doc, "声明")
        paragraph(doc, "{{ _form.declaration }}", space_after=6)
    for who in spec.signatures:
        par = paragraph(doc, f"{who}（签字或盖章）：", space_after=2)
        par.paragraph_format.space_before = Pt(14)
        par.paragraph_format.keep_with_next = True
        paragraph(doc, "年\u3000\u3000月\u3000\u3000日", align=WD_ALIGN_PARAGRAPH.RIGHT)
    if spec.notes:
        heading(doc, "填表说明")
        paragraph(doc, "{%p for n in _form.notes %}")
        paragraph(doc, "{{ loop.index }}. {{ n }}", size=SIZE_SMALL)
        paragraph(doc, "{%p endfor %}")
    if spec.basis:
        par = paragraph(doc, "依据：{{ _form.basis|join('；') }}", size=SIZE_SMALL)
        par.paragraph_format.space_before = Pt(6)
    target.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    doc.save(buf)
    write_deterministic_zip(buf.getvalue(), target)


def write_deterministic_zip(data: bytes, target: Path) -> None:
    """Re-pack with fixed timestamps so rebuilding an unchanged spec changes no bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(fixed, src.read(info))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("forms", nargs="*", help="form ids (default: all)")
    parser.add_argument("--dir", type=Path, default=FORMS_DIR)
    args = parser.parse_args(argv)
    built = 0
    for path in sorted(args.dir.glob("*.yaml")) + sorted(args.dir.glob("*.json")):
        spec = FormSpec.model_validate(_with_fees(_read(path)))
        if (args.forms and spec.id not in args.forms) or not spec.template:
            continue
        build(spec, args.dir / spec.template)
        built += 1
        print(f"built {spec.template}")
    print(f"{built} template(s) built")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
