"""Instant filtering: Chinese, pinyin initials, full pinyin, codes, category, audience."""

from __future__ import annotations

from desktop.catalogue.api import load_index
from desktop.catalogue.pinyin import initials_variants


def _codes(index, query: str, **kw) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.code for i in index.filter(query, **kw)]


def test_pinyin_initials_find_the_item(loaded) -> None:
    index = load_index(loaded)
    assert _codes(index, "zlzy")[0] == "ZL-008"          # 专利质押
    assert _codes(index, "ZLZY")[0] == "ZL-008"
    assert _codes(index, "sbzc")[0] == "SB-001"          # 商标注册
    assert "DL-002" in _codes(index, "dlbzzybz")         # 地理标志专用标志
    assert _codes(index, "ksys")[0] == "ZL-003"          # 快速预审


def test_chinese_full_pinyin_and_codes(loaded) -> None:
    index = load_index(loaded)
    assert {"ZL-008", "SB-014", "YY-001"} <= set(_codes(index, "质押"))
    assert "ZL-008" in _codes(index, "zhiya")
    assert _codes(index, "zl-008")[0] == "ZL-008"
    assert _codes(index, "ZL008")[0] == "ZL-008"
    assert "YY-001" in _codes(index, "zl-008")   # its guide refers to ZL-008
    assert _codes(index, "没有这种事项xyz") == []


def test_name_matches_rank_before_matches_in_the_text(loaded) -> None:
    codes = _codes(load_index(loaded), "开放许可")
    assert codes[0] == "ZL-007"
    assert "ZL-011" in codes          # mentions open licensing only in its FAQ
    assert codes.index("ZL-011") > codes.index("YY-002")


def test_category_and_audience_filters(loaded) -> None:
    index = load_index(loaded)
    tm = index.filter(category="商标")
    assert tm and all(i.category == "商标" for i in tm)
    agency = index.filter(audience="代理机构")
    assert agency and all("代理机构" in i.audience for i in agency)
    assert len(index.filter(audience="企业", category="专利")) < len(index.filter())


def test_heteronyms_offer_the_other_readings() -> None:
    variants = initials_variants("重点")
    assert "zd" in variants and "cd" in variants
    assert initials_variants("银行")[0] == "yh"          # phrase-aware reading first
