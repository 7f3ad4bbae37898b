"""Suggested service items for a need in the visitor's own words."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from desktop.catalogue import api as catalogue
from desktop.catalogue.api import CatalogueMatcher, suggest_items
from desktop.catalogue.suggest import catalogue_matcher
from desktop.context import AppContext

PHRASINGS = Path(__file__).resolve().parent.parent / "data" / "visitor_phrasings.yaml"
#: honest floors measured on the phrasings (62 of them: top-1 54, top-3 59 when written)
TOP1_FLOOR = 0.80
TOP3_FLOOR = 0.90


def _codes(ctx: AppContext, text: str, n: int = 3) -> list[str]:
    return [s.code for s in suggest_items(ctx, text, limit=n)]


@pytest.mark.parametrize("text", ["我们公司想拿专利去银行贷款", "专利贷款", "质押 专利"])
def test_a_pledge_loan_finds_both_pledge_items(loaded: AppContext, text: str) -> None:
    assert {"ZL-008", "YY-001"} <= set(_codes(loaded, text))


def test_the_issue_examples(loaded: AppContext) -> None:
    assert _codes(loaded, "商标快到期了")[0] == "SB-007"      # 注册商标续展
    assert _codes(loaded, "软著")[0] == "BQ-001"             # 计算机软件著作权登记
    top = suggest_items(loaded, "专利贷款", limit=1)[0]
    assert top.title.startswith("专利权质押登记") and top.score > 0 and top.why


def test_empty_text_suggests_nothing(loaded: AppContext) -> None:
    assert suggest_items(loaded, "") == [] and suggest_items(loaded, "   ") == []
    assert suggest_items(loaded, "专利", limit=0) == []


def test_top3_accuracy_on_the_visitor_phrasings(loaded: AppContext) -> None:
    phrasings = yaml.safe_load(PHRASINGS.read_text(encoding="utf-8"))["phrasings"]
    assert len(phrasings) >= 40
    top1 = top3 = 0
    misses = []
    for p in phrasings:
        codes = _codes(loaded, p["text"])
        top1 += bool(codes) and codes[0] in p["expect"]
        hit = any(c in p["expect"] for c in codes)
        top3 += hit
        if not hit:
            misses.append(f"{p['text']} -> {codes} (want {p['expect']})")
    n = len(phrasings)
    assert top3 / n >= TOP3_FLOOR, misses
    assert top1 / n >= TOP1_FLOOR


def test_the_matcher_is_rebuilt_when_the_catalogue_changes(loaded: AppContext) -> None:
    first = catalogue_matcher(loaded)
    assert catalogue_matcher(loaded) is first  # built once
    item = catalogue.get_item(loaded, "JC-001")
    renamed = item.model_copy(update={"keywords": [*item.keywords, "光刻掩膜"]})
    catalogue.save_item(loaded, renamed)
    assert catalogue_matcher(loaded) is not first
    assert _codes(loaded, "光刻掩膜")[0] == "JC-001"
    catalogue.delete_item(loaded, "JC-001")
    assert "JC-001" not in _codes(loaded, "集成电路布图设计登记", 10)  # retired/deleted: gone


def test_a_pure_matcher_over_given_items(loaded: AppContext) -> None:
    m = CatalogueMatcher(catalogue.list_items(loaded))
    assert [s.code for s in m.suggest("地标", 2)][0] in {"DL-001", "DL-002"}
    assert m.suggest("专利贷款", 3)[0].to_json()["code"] == "ZL-008"
