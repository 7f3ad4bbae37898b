"""Every shipped form: its example validates and renders into a correct DOCX and XLSX."""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Cm
from openpyxl import load_workbook

from desktop.forms.output import DocMeta, template_context, write_docx, write_xlsx
from desktop.forms.registry import FormRegistry
from desktop.forms.render_docx import has_raw_tags, render_docx_naive
from desktop.forms.spec import AllOwnersRule, SimilarGroupsRule
from desktop.forms.validation import validate_form
from tests.forms.conftest import FIXED_DATE, docx_text, runs_without_east_asia_font

REQUIRED_IDS = [
    "patent_pledge", "patent_license_recordal", "patent_open_license", "patent_priority_exam",
    "patent_fee_reduction", "rights_assistance", "trademark_application", "software_copyright",
    "work_copyright", "bibliographic_change", "patent_evaluation_report", "gi_mark_use",
]
NASTY = "A&B <c> \"d\" 'e'"


def test_all_agreed_form_ids_ship(catalog: FormRegistry) -> None:
    assert sorted(REQUIRED_IDS) == sorted(catalog.forms)


def _scalar_texts(result) -> list[str]:  # type: ignore[no-untyped-def]
    out = []
    for f in result.spec.fields:
        value = result.display.get(f.id)
        if f.type == "rows":
            out.extend(v for row in value for v in row.values() if v)
        elif value:
            out.append(value)
    return out


@pytest.mark.parametrize("form_id", REQUIRED_IDS)
def test_example_renders_a_correct_docx(catalog: FormRegistry, form_id: str,
                                        tmp_path: Path) -> None:
    form = catalog.get(form_id)
    result = validate_form(form.spec, form.spec.example)
    assert result.ok, result.problems
    assert result.warnings == []
    path = write_docx(tmp_path / "out.docx", result, form,
                      DocMeta(FIXED_DATE, "太原高新区知识产权服务站", "客户"))
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None  # every member's CRC checks out
        with zipfile.ZipFile(form.template_path) as tpl:
            assert zf.namelist() == tpl.namelist()
    doc = Document(str(path))
    section = doc.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.05)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.05)
    assert runs_without_east_asia_font(path) == []
    text = docx_text(path)
    assert not has_raw_tags(text)
    for value in _scalar_texts(result):
        for line in value.splitlines():
            assert line in text, f"{form_id}: {line!r} missing"
    assert "2026年11月25日" in doc.sections[0].header.paragraphs[0].text
    assert "太原高新区知识产权服务站" in doc.sections[0].header.paragraphs[0].text
    assert doc.sections[0].footer.paragraphs[0].text.startswith(form.spec.name)
    for c in result.computed:
        assert c.display in text
    for zh, _en in result.materials:
        assert zh in text


@pytest.mark.parametrize("form_id", REQUIRED_IDS)
def test_special_characters_in_every_text_field_survive(catalog: FormRegistry, form_id: str,
                                                        tmp_path: Path) -> None:
    form = catalog.get(form_id)
    data = copy.deepcopy(form.spec.example)
    expected: set[str] = set()
    for f in form.spec.fields:
        if f.type in ("text", "longtext"):
            data[f.id] = (NASTY + f.id)[: f.max_length or 300]
            expected.add(data[f.id])
        elif f.type == "rows":
            text_cols = [c.id for c in f.columns if c.type in ("text", "longtext")]
            for row in data.get(f.id) or []:
                for col in text_cols:
                    row[col] = (NASTY + col)[: f.column(col).max_length or 300]
                    expected.add(row[col])
    for rule in form.spec.rules:  # keep "all owners listed" consistent with the new names
        if isinstance(rule, AllOwnersRule):
            names = "；".join(p[rule.party_name] for p in data[rule.parties])
            for row in data[rule.rows]:
                row[rule.owners] = names
            expected.discard(NASTY + rule.owners)
        if isinstance(rule, SimilarGroupsRule):  # codes, not free text
            for row, original in zip(data[rule.rows], form.spec.example[rule.rows], strict=False):
                expected.discard(row[rule.groups_column])
                row[rule.groups_column] = original.get(rule.groups_column)
    assert expected
    result = validate_form(form.spec, data)
    assert result.ok, result.problems
    path = write_docx(tmp_path / "nasty.docx", result, form, DocMeta(FIXED_DATE, "A&B<站>"))
    text = docx_text(path)  # python-docx parsed it, so the XML is intact
    for value in expected:
        assert value in text
    assert "A&B<站>" in text


@pytest.mark.parametrize("form_id", REQUIRED_IDS)
def test_example_renders_an_xlsx(catalog: FormRegistry, form_id: str, tmp_path: Path) -> None:
    form = catalog.get(form_id)
    data = copy.deepcopy(form.spec.example)
    first_text = next(f for f in form.spec.fields if f.type == "text")
    data[first_text.id] = "=HYPERLINK(\"http://x\")"
    result = validate_form(form.spec, data)
    assert result.ok, result.problems
    path = write_xlsx(tmp_path / "out.xlsx", result, form, DocMeta(FIXED_DATE))
    wb = load_workbook(path)
    values = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert form.spec.name in values
    assert "'=HYPERLINK(\"http://x\")" in values
    assert not any(isinstance(v, str) and v.startswith(("=", "+", "@")) for v in values)


def test_cached_render_matches_plain_docxtpl(catalog: FormRegistry, tmp_path: Path) -> None:
    form = catalog.get("patent_pledge")
    data = copy.deepcopy(form.spec.example)
    data["address"] = "第一行\n第二行 & <三>"
    result = validate_form(form.spec, data)
    ctx = template_context(result, form, DocMeta(FIXED_DATE, "站"))
    naive = tmp_path / "naive.docx"
    naive.write_bytes(render_docx_naive(form.template_path, ctx))
    fast = write_docx(tmp_path / "fast.docx", result, form, DocMeta(FIXED_DATE, "站"))
    assert docx_text(naive) == docx_text(fast)
    assert "第二行 & <三>" in docx_text(fast)
