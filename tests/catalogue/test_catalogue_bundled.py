"""The bundled catalogue: loads, validates, and holds what a desk officer needs."""

from __future__ import annotations

import datetime as _dt

from desktop.catalogue.loader import bundled_dir, load_directory
from desktop.catalogue.schema import ServiceItem
from desktop.common.fees import render

CONTRACT_FORM_IDS = {
    "patent_pledge", "patent_license_recordal", "patent_open_license", "patent_priority_exam",
    "patent_fee_reduction", "rights_assistance", "trademark_application", "software_copyright",
    "work_copyright", "bibliographic_change", "patent_evaluation_report", "gi_mark_use",
}


def _items() -> list[ServiceItem]:
    return load_directory()


def test_bundled_catalogue_loads_with_at_least_33_unique_items() -> None:
    items = _items()
    assert len(items) >= 33
    assert len({i.code for i in items}) == len(items)
    for path in bundled_dir().glob("*.yaml"):
        assert any(i.code == path.stem for i in items), f"{path.name}: file name is not its code"


def _empty(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple)):
        return not value or any(_empty(v) for v in value)
    return False


def test_every_item_has_every_required_element_non_empty() -> None:
    required = [name for name, f in ServiceItem.model_fields.items() if f.is_required()]
    assert {"conditions", "channels", "materials", "steps", "time_limit", "fees", "result",
            "progress_query", "supervision", "facilitation", "forms", "faq", "keywords",
            "legal_basis", "source", "version", "effective_date"} <= set(required)
    for item in _items():
        for name in required:
            value = getattr(item, name)
            assert not _empty(value), f"{item.code}: {name} is empty"
        for m in item.materials:
            assert m.name.strip() and m.form
        for s in item.steps:
            assert s.title.strip()
        for b in item.legal_basis:
            assert b.version_date <= _dt.date.today()
        assert item.source.title.strip() and item.source.date <= _dt.date.today()
        assert item.provider.body.strip()


def test_issue_coverage_categories_and_shanxi_items() -> None:
    items = _items()
    cats = {i.category for i in items}
    assert {"专利", "商标", "地理标志", "集成电路布图设计", "维权援助", "知识产权咨询"} <= cats
    names = " ".join(i.name for i in items)
    for needle in ("快速预审", "质押", "开放许可", "检索", "专利导航", "地理标志专用标志",
                   "维权援助", "海外", "调解"):
        assert needle in names, needle
    prescreen = next(i for i in items if "快速预审" in i.name)
    assert "中国（山西）知识产权保护中心" in prescreen.provider.body
    text = " ".join(prescreen.conditions)
    assert "新能源" in text and "现代装备制造" in text and "新材料" in text
    audiences = {a for i in items for a in i.audience}
    assert audiences == {"企业", "个人", "高校院所", "社会团体", "代理机构"}


def test_form_links_use_the_form_generator_ids() -> None:
    used = {f.form_id for i in _items() for f in i.forms if f.form_id}
    assert used <= CONTRACT_FORM_IDS
    assert used == CONTRACT_FORM_IDS, f"unused form ids: {CONTRACT_FORM_IDS - used}"


def test_key_facts_match_the_reference() -> None:
    by = {i.code: i for i in _items()}
    assert "5个工作日" in by["ZL-008"].time_limit           # pledge registration
    assert "7个工作日" in by["ZL-006"].time_limit           # licence recording
    assert "30元" in render(by["ZL-005"].fees)              # certified copy
    assert by["ZL-007"].fees.startswith("提出开放许可声明不收费")  # open licence declaration
    assert "85%" in render(by["ZL-004"].fees) and "70%" in render(by["ZL-004"].fees)
    assert "9个月" in by["SB-001"].time_limit
    gi = by["DL-001"]
    assert "山西老陈醋" in " ".join(f.a for f in gi.faq)
    for item in by.values():  # the protected name is 山西老陈醋, never 清徐老陈醋 as a name
        assert "清徐老陈醋" not in item.name and "清徐老陈醋" not in item.keywords
