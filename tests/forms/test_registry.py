"""Administrator spec+template pairs in <data>/user/forms: loaded, checked, reported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from desktop.forms.registry import load_registry
from desktop.forms.render_docx import CompiledTemplate
from desktop.paths import resource

SIMPLE = {
    "id": "visit_note", "version": 1, "name": "来访登记单", "name_en": "Visit note",
    "template": "visit_note.docx",
    "fields": [{"id": "visitor", "label": "来访人", "label_en": "Visitor", "required": True}],
    "example": {"visitor": "张三"},
}


def _user_forms(tmp_path: Path) -> Path:
    folder = tmp_path / "user" / "forms"
    folder.mkdir(parents=True)
    return folder


def _template_with(folder: Path, name: str, body: str) -> None:
    """A DOCX whose body says ``body`` (made from a bundled template's package)."""
    from docx import Document

    doc = Document(str(resource("forms", "gi_mark_use.docx")))
    for p in list(doc.element.body):
        if p.tag.endswith("}p") or p.tag.endswith("}tbl"):
            doc.element.body.remove(p)
    doc.add_paragraph(body)
    doc.save(str(folder / name))


def test_an_administrators_form_appears(tmp_path: Path) -> None:
    folder = _user_forms(tmp_path)
    (folder / "visit_note.json").write_text(json.dumps(SIMPLE, ensure_ascii=False), "utf-8")
    _template_with(folder, "visit_note.docx", "来访人：{{ visitor }}（{{ _meta.date }}）")
    cat = load_registry(tmp_path / "user")
    assert cat.problems == []
    assert cat.get("visit_note").origin == "user"
    assert "patent_pledge" in cat.forms
    assert [d.id for d in cat.search("来访")] == ["visit_note"]


def test_broken_specs_are_reported_by_file(tmp_path: Path) -> None:
    folder = _user_forms(tmp_path)
    (folder / "bad_yaml.yaml").write_text("id: [unclosed\n", "utf-8")
    (folder / "bad_type.yaml").write_text(yaml.safe_dump(
        {**SIMPLE, "id": "bad_type", "fields": [{"id": "x", "label": "x", "label_en": "x",
                                                 "type": "colour"}]}), "utf-8")
    (folder / "no_template.yaml").write_text(yaml.safe_dump(
        {**SIMPLE, "id": "no_template", "template": "missing.docx"}), "utf-8")
    (folder / "bad_rule.yaml").write_text(yaml.safe_dump(
        {**SIMPLE, "id": "bad_rule", "rules": [{"kind": "date_order", "start": "visitor",
                                                 "end": "nope"}]}), "utf-8")
    (folder / "unknown_tag.yaml").write_text(yaml.safe_dump(
        {**SIMPLE, "id": "unknown_tag", "template": "unknown_tag.docx"}), "utf-8")
    _template_with(folder, "unknown_tag.docx", "{{ visitor }} {{ vistor_typo }}")
    (folder / "bad_syntax.yaml").write_text(yaml.safe_dump(
        {**SIMPLE, "id": "bad_syntax", "template": "bad_syntax.docx"}), "utf-8")
    _template_with(folder, "bad_syntax.docx", "{{ visitor ")
    (folder / "escape.yaml").write_text(yaml.safe_dump(
        {**SIMPLE, "id": "escape", "template": "../../secret.docx"}), "utf-8")
    cat = load_registry(tmp_path / "user")
    by_file = {p.file.name: p.zh for p in cat.problems}
    assert set(by_file) == {"bad_yaml.yaml", "bad_type.yaml", "no_template.yaml",
                            "bad_rule.yaml", "unknown_tag.yaml", "bad_syntax.yaml",
                            "escape.yaml"}
    assert "YAML" in by_file["bad_yaml.yaml"]
    assert "type" in by_file["bad_type.yaml"]
    assert "missing.docx" in by_file["no_template.yaml"]
    assert "date_order" in by_file["bad_rule.yaml"]
    assert "vistor_typo" in by_file["unknown_tag.yaml"]
    assert "unknown_tag.docx" in by_file["unknown_tag.yaml"]
    assert "语法" in by_file["bad_syntax.yaml"]
    assert len(cat.forms) == 12  # the bundled ones still load


def test_a_user_spec_replaces_the_bundled_one(tmp_path: Path) -> None:
    folder = _user_forms(tmp_path)
    spec = yaml.safe_load(resource("forms", "gi_mark_use.yaml").read_text("utf-8"))
    spec["version"] = 2
    (folder / "gi_mark_use.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True), "utf-8")
    shutil.copy(resource("forms", "gi_mark_use.docx"), folder / "gi_mark_use.docx")
    cat = load_registry(tmp_path / "user")
    assert cat.get("gi_mark_use").spec.version == 2
    assert cat.get("gi_mark_use").origin == "user"


def test_templates_are_compiled_once_and_list_their_names() -> None:
    tpl = CompiledTemplate(resource("forms", "patent_pledge.docx"))
    assert {"pledgors", "patents", "repayment_end", "_meta", "_form"} <= tpl.variables


def test_a_sheet_only_form(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from desktop.errors import UserError
    from desktop.forms.generate import form_registry, generate

    folder = ctx.paths.user_dir / "forms"
    folder.mkdir(parents=True, exist_ok=True)
    spec = {**SIMPLE, "id": "sheet_only", "formats": ["xlsx"], "template": None}
    (folder / "sheet_only.json").write_text(json.dumps(spec, ensure_ascii=False), "utf-8")
    assert form_registry(ctx).get("sheet_only").template_path is None
    out = generate(ctx, "sheet_only", {"visitor": "@张三"}, out_path=tmp_path / "s.xlsx")
    values = [c.value for row in load_workbook(out.path)["表单"].iter_rows() for c in row]
    assert "'@张三" in values
    with pytest.raises(UserError) as exc:
        generate(ctx, "sheet_only", {"visitor": "张三"}, out_path=tmp_path / "s.docx")
    assert "DOCX" in exc.value.zh and not (tmp_path / "s.docx").exists()
