"""The generated documents as printed: identifiers never wrap inside a cell, headings keep
with what follows, the footer shows only the form's name and the page, the preview lists
parties in the document's order.  Read from the DOCX XML (and, where LibreOffice is
installed, from the PDF it prints)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from desktop.forms.output import DocMeta, write_docx
from desktop.forms.preview import preview_html
from desktop.forms.registry import FormRegistry
from desktop.forms.validation import validate_form
from tests.forms.conftest import FIXED_DATE
from tests.forms.test_shipped_forms import REQUIRED_IDS

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
CODE_RE = re.compile(r"^(?=.*\d)[0-9A-Z]{18}$")   # credit codes and ID numbers
APPNO_RE = re.compile(r"^\d{8}(\d{4})?\.[\dX]$")
DATE_RE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
MAX_PAGES = 2  # a filled example form fits two A4 pages
TWIPS_PER_CM = 567
# 18 characters at 10.5 pt Times New Roman: 9 digits (0.5 em) and 9 capitals (<= 0.722 em)
# plus the cell margins; an application number has 13 digits, a dot and a check character.
CODE_MIN_CM = (9 * 0.5 + 9 * 0.722) * 10.5 / 72 * 2.54 + 0.38
APPNO_MIN_CM = (13 * 0.5 + 0.25 + 0.722) * 10.5 / 72 * 2.54 + 0.38


def _render(catalog: FormRegistry, form_id: str, folder: Path) -> Path:
    form = catalog.get(form_id)
    result = validate_form(form.spec, form.spec.example)
    assert result.ok, result.problems
    return write_docx(folder / f"{form_id}.docx", result, form,
                      DocMeta(FIXED_DATE, "太原高新区知识产权服务站"))


def _part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(name))


def _text(el: etree._Element) -> str:
    return "".join(el.itertext()).strip()


def _headings(catalog: FormRegistry, form_id: str) -> set[str]:
    spec = catalog.get(form_id).spec
    out = {f.section for f in spec.fields if f.section} | \
        {f.label for f in spec.fields if f.type == "rows"}
    out |= {"声明", "填表说明", "需提交的材料清单"}
    if spec.computed_rules():
        out.add("费用计算（供核对）")
    return out


@pytest.mark.parametrize("form_id", REQUIRED_IDS)
def test_identifiers_never_wrap_inside_a_cell(catalog: FormRegistry, form_id: str,
                                              tmp_path: Path) -> None:
    body = _part(_render(catalog, form_id, tmp_path), "word/document.xml")
    seen = 0
    for tc in body.iter(f"{{{W}}}tc"):
        text = _text(tc)
        need = CODE_MIN_CM if CODE_RE.match(text) else APPNO_MIN_CM if APPNO_RE.match(text) \
            else None
        if need is None:
            continue
        seen += 1
        tc_pr = tc.find("w:tcPr", NS)
        assert tc_pr is not None and tc_pr.find("w:noWrap", NS) is not None, text
        width = int(tc_pr.find("w:tcW", NS).get(f"{{{W}}}w"))
        assert width >= need * TWIPS_PER_CM, f"{text}: {width / TWIPS_PER_CM:.2f} cm"
        runs = tc.findall(".//w:r", NS)
        assert len([r for r in runs if _text(r)]) == 1, f"{text} split over runs"
    assert seen, f"{form_id}: the example shows no identifier"


@pytest.mark.parametrize("form_id", REQUIRED_IDS)
def test_headings_keep_with_next_and_rows_do_not_split(catalog: FormRegistry, form_id: str,
                                                       tmp_path: Path) -> None:
    body = _part(_render(catalog, form_id, tmp_path), "word/document.xml")
    wanted = _headings(catalog, form_id)
    found = set()
    for p in body.iterfind(".//w:body/w:p", NS):
        text = _text(p)
        if text in wanted:
            found.add(text)
            assert p.find("w:pPr/w:keepNext", NS) is not None, f"{form_id}: {text}"
    assert found == {h for h in wanted if h in {_text(p) for p in body.iter(f"{{{W}}}p")}}
    assert found
    for tr in body.iter(f"{{{W}}}tr"):
        assert tr.find("w:trPr/w:cantSplit", NS) is not None


@pytest.mark.parametrize("form_id", REQUIRED_IDS)
def test_footer_shows_the_form_name_and_page_only(catalog: FormRegistry, form_id: str,
                                                  tmp_path: Path) -> None:
    path = _render(catalog, form_id, tmp_path)
    spec = catalog.get(form_id).spec
    with zipfile.ZipFile(path) as zf:
        footers = [n for n in zf.namelist() if re.match(r"word/footer\d*\.xml$", n)]
    texts = [_text(_part(path, n)) for n in footers]
    assert any(spec.name in t for t in texts)
    for name in footers:
        xml = _part(path, name)
        instr = " ".join(f.get(f"{{{W}}}instr") for f in xml.iter(f"{{{W}}}fldSimple"))
        if _text(xml):
            assert "PAGE" in instr and "NUMPAGES" in instr
    for t in texts:
        assert spec.id not in t and "表单" not in t and "版）" not in t


def test_preview_lists_parties_in_the_documents_order(catalog: FormRegistry) -> None:
    for form_id in REQUIRED_IDS:
        form = catalog.get(form_id)
        result = validate_form(form.spec, form.spec.example)
        html = preview_html(result)
        pos = 0
        for f in form.spec.fields:  # each label found after the one before it
            at = html.find(f">{f.label}<", pos)
            assert at >= 0, f"{form_id}: {f.label} not in the preview after the field before"
            pos = at
        en = preview_html(result, lang="en")
        assert en.find(f">{form.spec.fields[0].label_en}<") < en.find(
            f">{form.spec.fields[-1].label_en}<")


@pytest.mark.skipif(any(shutil.which(t) is None for t in ("soffice", "pdftotext", "pdfinfo")),
                    reason="LibreOffice (soffice) and poppler (pdftotext, pdfinfo) are not "
                    "installed")
def test_printed_pdf_keeps_codes_whole_and_headings_off_the_page_foot(
        catalog: FormRegistry, tmp_path: Path) -> None:
    docs = [_render(catalog, form_id, tmp_path) for form_id in REQUIRED_IDS]
    profile = tmp_path / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, docs)],
                   check=True, capture_output=True, timeout=300)
    for form_id, doc in zip(REQUIRED_IDS, docs, strict=True):
        pdf = doc.with_suffix(".pdf")
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                              capture_output=True, text=True).stdout
        body = _part(doc, "word/document.xml")
        codes = {_text(tc) for tc in body.iter(f"{{{W}}}tc")
                 if CODE_RE.match(_text(tc)) or APPNO_RE.match(_text(tc))
                 or DATE_RE.match(_text(tc))}
        lines = {"".join(ln.split()) for ln in text.splitlines()}
        for code in codes:  # whole on one printed line (pdftotext spaces out CJK and digits)
            assert any(code in ln for ln in lines), f"{form_id}: {code} wrapped when printed"
        pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
            ["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout)[1])
        assert pages <= MAX_PAGES, f"{form_id}: the example prints on {pages} pages"
        headings = _headings(catalog, form_id)
        for page in text.split("\f")[:-1]:
            lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
            body_lines = [ln for ln in lines if not ln.startswith(catalog.get(form_id).spec.name)]
            if body_lines:
                assert body_lines[-1] not in headings, f"{form_id}: {body_lines[-1]} stranded"


@pytest.mark.parametrize("form_id", REQUIRED_IDS)
def test_declaration_notes_and_citations_come_from_the_loaded_spec(
        catalog: FormRegistry, form_id: str, tmp_path: Path) -> None:
    """Not baked into the template: a fee-table or citation change shows without a rebuild."""
    from tests.forms.conftest import docx_text

    spec = catalog.get(form_id).spec
    text = docx_text(_render(catalog, form_id, tmp_path))
    for note in spec.notes:
        assert note in text
    for basis in spec.basis:
        assert basis.cite() in text
    if spec.declaration:
        assert spec.declaration in text
    assert "{fee:" not in text and "{figure:" not in text
    assert not re.search(r"\d{4}-\d{2}核对", text)  # the old free-text citations
    with zipfile.ZipFile(catalog.get(form_id).template_path) as zf:
        template = zf.read("word/document.xml").decode("utf-8")
    for note in spec.notes:
        assert note not in template
