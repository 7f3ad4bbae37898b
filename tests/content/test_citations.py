"""Structured citations: printed in the official form, and every cited article exists in that
version's text and contains the keyword recorded with it (law texts in ../shared/data)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from desktop.catalogue.loader import load_directory
from desktop.common.citations import (
    Citation,
    LegalBasis,
    article_text,
    check_basis,
    chinese_number,
    law_file,
    parse_chinese_number,
    parse_citations,
)
from desktop.forms.registry import load_registry

#: titles that are statutes (laws, administrative regulations): these must cite articles
STATUTE_SUFFIXES = ("法", "条例", "实施细则", "民法典")


def _bases() -> list[tuple[str, LegalBasis]]:
    out = [(i.code, b) for i in load_directory() for b in i.legal_basis]
    out += [(d.spec.id, b) for d in load_registry().ordered() for b in d.spec.basis]
    return out


@pytest.mark.parametrize("n, text", [(1, "一"), (10, "十"), (15, "十五"), (20, "二十"),
                                     (105, "一百零五"), (110, "一百一十"), (146, "一百四十六"),
                                     (444, "四百四十四"), (1010, "一千零一十")])
def test_chinese_numbers_both_ways(n: int, text: str) -> None:
    assert chinese_number(n) == text and parse_chinese_number(text) == n


def test_printed_form() -> None:
    b = LegalBasis(title="中华人民共和国专利法实施细则", version="2023年修订",
                   version_date=_dt.date(2023, 12, 11),
                   articles=(Citation(article=146, paragraph=2, keyword="著录事项变更"),))
    assert b.cite() == "《中华人民共和国专利法实施细则》（2023年修订）第一百四十六条第二款"
    old = LegalBasis.model_validate({"title": "中华人民共和国专利法（2020年修正）",
                                     "version_date": "2020-10-17",
                                     "articles": "第五十条至第五十二条"})
    assert old.version == "2020年修正" and [c.article for c in old.articles] == [50, 51, 52]
    assert parse_citations("第十五条第三款（出质登记）")[0].keyword == "出质登记"


def test_every_statute_basis_cites_articles() -> None:
    for owner, b in _bases():
        department_rule = b.title.endswith(("办法", "规定")) or "令第" in b.version
        if b.title.endswith(STATUTE_SUFFIXES) and not department_rule:
            assert b.articles, f"{owner}: {b.title} cites no article"
            assert all(c.keyword for c in b.articles), f"{owner}: {b.title} lacks keywords"


def test_the_reviewed_corrections_are_cited() -> None:
    cites = {owner: [] for owner, _ in _bases()}
    for owner, b in _bases():
        cites[owner].append(b.cite())
    assert "第一百四十六条第二款" in cites["ZL-010"][1] and "实施细则》（2023年修订）" in cites["ZL-010"][1]
    assert not any("第十四条" in c for c in cites["bibliographic_change"])
    pledge = " ".join(cites["patent_pledge"])
    assert "第四百四十条、第四百四十四条" in pledge and "第十五条第三款" in pledge
    assert "专利法》（2020年修正）第四十二条" not in pledge
    assert any("国家知识产权局令第79号" in c for c in cites["DL-001"])
    assert any("国家知识产权局令第80号" in c for c in cites["DL-003"])
    assert any("第六十二条第一款" in c for c in cites["patent_evaluation_report"])


def test_every_cited_article_exists_and_says_what_it_is_cited_for(shared_data: Path) -> None:
    laws = shared_data / "policies" / "laws"
    if not laws.is_dir():
        pytest.skip(f"no law texts at {laws}")
    bases = _bases()
    problems = check_basis(laws, [b for _, b in bases])
    assert problems == []
    checked = [b for _, b in bases if b.articles and law_file(laws, b) is not None]
    assert len(checked) >= 40          # most citations are checkable against the texts
    # the check can fail: a wrong article and a wrong keyword are both caught
    wrong = LegalBasis(title="中华人民共和国专利法实施细则", version="2023年修订",
                       version_date=_dt.date(2023, 12, 11),
                       articles=(Citation(article=14, keyword="著录事项变更"),
                                 Citation(article=999, keyword="x")))
    assert len(check_basis(laws, [wrong])) == 2
    text = law_file(laws, wrong)
    assert text is not None
    assert "被控侵权人" in (article_text(text.read_text(encoding="utf-8"),
                                    Citation(article=62, paragraph=1)) or "")
