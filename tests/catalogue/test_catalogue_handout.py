"""The 办事指南 handout: A4, eastAsia fonts, every section, tick boxes, outlet, date."""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from desktop.catalogue import api as catalogue
from desktop.catalogue.handout import handout_html, write_handout
from desktop.catalogue.schema import FIELD_LABELS
from desktop.catalogue.store import get_items
from desktop.errors import UserError
from desktop.settings.outlet import Outlet, get_outlet, set_outlet

OUTLET = Outlet(name="山西转型综改示范区知识产权服务网点", address="太原市学府园区",
                phone="0351-0000000", email="ip@example.cn", hours="工作日 9:00-17:00")


def _handout(loaded, tmp_path: Path, codes=("ZL-008",), ticks=None) -> Path:  # type: ignore[no-untyped-def]
    set_outlet(loaded.db, OUTLET)
    return write_handout(get_items(loaded.db, codes), tmp_path / "指南.docx",
                         get_outlet(loaded.db), ticks=ticks, today=_dt.date(2026, 11, 25))


def test_handout_is_a4_with_every_section(loaded, tmp_path: Path) -> None:
    doc = Document(str(_handout(loaded, tmp_path)))
    sec = doc.sections[0]
    assert round(sec.page_width.cm, 1) == 21.0 and round(sec.page_height.cm, 1) == 29.7
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "专利权质押登记（含变更、注销）" in text
    for key in ("conditions", "channels", "steps", "time_limit", "fees", "result",
                "progress_query", "supervision", "facilitation", "forms", "legal_basis", "faq"):
        assert f"【{FIELD_LABELS[key]}】" in text, key
    assert "【申请材料清单】" in text
    assert "5个工作日" in text and "专利权质押登记申请表" in text
    assert OUTLET.name in text and OUTLET.phone in text and "2026-11-25" in text


def test_materials_are_tick_boxes_and_ticked_ones_show_ticked(loaded, tmp_path: Path) -> None:
    doc = Document(str(_handout(loaded, tmp_path, ticks={"ZL-008": {0, 2}})))
    boxes = [p.text for p in doc.paragraphs if p.text.startswith(("☐", "☑"))]
    assert len(boxes) == 8
    assert [b[0] for b in boxes[:4]] == ["☑", "☐", "☑", "☐"]


def test_east_asian_fonts_on_normal_style_and_every_run(loaded, tmp_path: Path) -> None:
    doc = Document(str(_handout(loaded, tmp_path)))
    normal = doc.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "仿宋"
    runs = [r for p in doc.paragraphs for r in p.runs]
    assert runs
    for run in runs:
        assert run._element.rPr.rFonts.get(qn("w:eastAsia")) in ("仿宋", "黑体"), run.text


def test_several_items_in_one_handout(loaded, tmp_path: Path) -> None:
    doc = Document(str(_handout(loaded, tmp_path, codes=("ZL-008", "SB-014", "YY-001"))))
    titles = [p.text for p in doc.paragraphs if p.text == "办事指南"]
    assert len(titles) == 3
    text = "\n".join(p.text for p in doc.paragraphs)
    assert text.index("专利权质押登记") < text.index("注册商标专用权质押登记") \
        < text.index("知识产权质押融资对接服务")


def test_handout_needs_an_item(tmp_path: Path) -> None:
    with pytest.raises(UserError):
        write_handout([], tmp_path / "x.docx", OUTLET)


def test_html_version_for_printing_escapes_and_has_checklist(loaded) -> None:
    items = get_items(loaded.db, ["ZL-008"])
    page = handout_html(items, Outlet(name="<网点&>"), ticks={"ZL-008": {1}})
    assert "&lt;网点&amp;&gt;" in page and "☑" in page and "☐" in page


def test_pdf_without_libreoffice_is_a_clear_user_error(loaded, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("desktop.common.pdf.shutil.which", lambda name: None)
    items = catalogue.get_items(loaded, ["ZL-008"])
    with pytest.raises(UserError, match="LibreOffice"):
        catalogue.write_handout(loaded, items, tmp_path / "指南.pdf")
    assert not (tmp_path / "指南.docx").exists() and not (tmp_path / "指南.pdf").exists()


def test_pdf_conversion_uses_a_private_profile_in_the_data_folder(
        loaded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []

    def fake_run(cmd, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(cmd)
        out = Path(cmd[cmd.index("--outdir") + 1])
        (out / (Path(cmd[-1]).stem + ".pdf")).write_bytes(b"%PDF-1.4")

    monkeypatch.setattr("desktop.common.pdf.shutil.which", lambda name: "/usr/bin/" + name)
    monkeypatch.setattr("desktop.common.pdf.subprocess.run", fake_run)
    items = catalogue.get_items(loaded, ["ZL-008"])
    out = catalogue.write_handout(loaded, items, tmp_path / "指南.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    profile = loaded.paths.office_profile_dir
    assert calls and f"-env:UserInstallation={profile.resolve().as_uri()}" in calls[0]
    assert profile.is_dir() and loaded.paths.root in profile.parents


INTERNAL_NOTES = ("facts.md", "§", "改写", "按山西网点实际")


def test_visitor_copy_has_no_internal_notes_and_a_footer_line(loaded, tmp_path: Path) -> None:
    for item in catalogue.list_items(loaded):
        doc = Document(str(write_handout([item], tmp_path / f"{item.code}.docx",
                                         get_outlet(loaded.db))))
        text = "\n".join(p.text for p in doc.paragraphs)
        assert not any(n in text for n in INTERNAL_NOTES), item.code
        assert f"【{FIELD_LABELS['source']}】" not in text and "{fee:" not in text
        footer = doc.sections[0].footer.paragraphs[0].text
        assert footer == f"{item.code}　版本 {item.version}　信息核对日期 2026-12-03"


def test_officer_copy_adds_the_sources(loaded, tmp_path: Path) -> None:
    items = get_items(loaded.db, ("ZL-004", "SB-001"))
    doc = Document(str(write_handout(items, tmp_path / "officer.docx", get_outlet(loaded.db),
                                     officer=True)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert f"【{FIELD_LABELS['source']}】" in text and "财税〔2018〕37号" in text
    assert "收费依据：受理商标注册费" in text
    assert len(doc.sections) == 2                  # one section (and footer) per item
    assert doc.sections[1].footer.paragraphs[0].text.startswith("SB-001")


def test_typical_handouts_fit_two_a4_pages(loaded, tmp_path: Path) -> None:
    from desktop.common.pdf import pdf_converter

    if pdf_converter() is None:
        pytest.skip("LibreOffice is not installed: page counts need a PDF")
    pages = {}
    for code in ("ZL-001", "ZL-004", "ZL-008", "SB-001", "DL-003"):
        out = catalogue.write_handout(loaded, get_items(loaded.db, (code,)),
                                      tmp_path / f"{code}.pdf")
        pages[code] = len(re.findall(rb"/Type\s*/Page[^s]", out.read_bytes()))
    assert all(1 <= n <= 2 for n in pages.values()), pages
