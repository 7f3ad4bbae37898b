"""The one fee table: every fee and figure the product prints comes from it, with a source."""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal

import pytest

from desktop.catalogue.loader import load_directory
from desktop.catalogue.review import free_amounts
from desktop.catalogue.text import item_plain_text
from desktop.common.fees import cited, fee_table, render, unknown_references
from desktop.forms.registry import bundled_dir as forms_dir
from desktop.forms.registry import load_registry

# Every fee the product states, with the amount it must print (paper, online) and whether
# 财税〔2016〕78号 lets it be reduced.  A change of a notice changes this table and fees.yaml.
EXPECTED = {
    "patent.application.invention": (900, None, True),
    "patent.publication_printing": (50, None, False),
    "patent.application.utility_model": (500, None, True),
    "patent.application.design": (500, None, True),
    "patent.substantive_examination": (2500, None, True),
    "patent.priority_claim": (80, None, False),
    "patent.change.party": (200, None, False),
    "patent.change.agency": (50, None, False),
    "patent.evaluation_report.utility_model": (2400, None, False),
    "patent.evaluation_report.design": (2000, None, False),
    "patent.certified_copy": (30, None, False),
    "patent.restoration": (1000, None, False),
    "ic.registration": (2000, None, False),
    "trademark.registration": (300, 270, False),
    "trademark.registration.extra_item": (30, 27, False),
    "trademark.collective": (1500, 1350, False),
    "trademark.certification": (1500, 1350, False),
    "trademark.certificate": (50, 45, False),
    "trademark.assignment": (500, 450, False),
    "trademark.renewal": (500, 450, False),
    "trademark.renewal_late": (250, 225, False),
    "trademark.certificate_reissue": (500, 450, False),
    "trademark.licence_recordal": (150, 135, False),
}
FIGURES = {"reduction.single": 85, "reduction.joint": 70, "reduction.annual_fee_years": 10,
           "reduction.individual_monthly_income": 5000,
           "reduction.individual_annual_income": 6,
           "reduction.enterprise_taxable_income": 100,
           "open_licence.annual_fee_reduction": 15}
#: only these four kinds of fee can be reduced (财税〔2016〕78号 第二条)
REDUCIBLE = re.compile(r"申请费|实质审查费|复审费|年费")


def _items():  # type: ignore[no-untyped-def]
    return load_directory()


def _form_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in forms_dir().glob("*.yaml")}


@pytest.mark.parametrize("fee_id", sorted(EXPECTED))
def test_every_stated_fee_has_its_amount_and_a_dated_source(fee_id: str) -> None:
    t = fee_table()
    fee = t.fee(fee_id)
    paper, online, reducible = EXPECTED[fee_id]
    assert fee.amount == Decimal(paper) and fee.online == (None if online is None
                                                           else Decimal(online))
    assert fee.reducible is reducible
    if fee.reducible:
        assert REDUCIBLE.search(fee.name), f"{fee_id} is not one of the reducible kinds"
    source = t.source_of(fee)
    assert source.title and source.date <= _dt.date.today()


def test_the_fee_table_holds_exactly_the_fees_the_product_states() -> None:
    used = {key for item in _items() for kind, key in cited(item.model_dump_json())
            if kind == "fee"}
    for text in _form_texts().values():
        used |= {key for kind, key in cited(text) if kind == "fee"}
        used |= set(re.findall(r"\b((?:patent|trademark|ic)\.[a-z_.]+)\b", text))
    assert used <= set(EXPECTED), used - set(EXPECTED)
    stated = {f.id for f in fee_table().fees}
    assert stated - {"patent.reexamination.invention", "patent.reexamination.utility_model",
                     "patent.reexamination.design"} <= used | set(EXPECTED)


@pytest.mark.parametrize("figure_id", sorted(FIGURES))
def test_figures(figure_id: str) -> None:
    fig = fee_table().figure(figure_id)
    assert fig.value == FIGURES[figure_id] and fee_table().source_of(fig).date


def test_rendering() -> None:
    assert render("{fee:trademark.registration}") == "网上申请270元、纸件申请300元"
    assert render("{fee:trademark.registration:online}") == "270元"
    assert render("{fee:patent.change.agency}") == "不收费（自2018年8月1日起停征）"
    assert render("{figure:reduction.annual_fee_years}") == "10年"
    assert render("{fee:ic.registration}").endswith("（以受理机关最新公告为准）")
    assert unknown_references("{fee:no.such} {figure:reduction.single}") == ["no.such"]


def test_no_amount_is_written_as_free_text_in_a_guide() -> None:
    assert free_amounts(_items()) == []
    bad = free_amounts([i.model_copy(update={"fees": "每件300元"}) for i in _items()[:1]])
    assert bad and bad[0].kind == "free_amount"            # the check can fail


def test_no_amount_is_written_as_free_text_in_a_form_spec() -> None:
    amount = re.compile(r"\d[\d,.]*\s*(?:万?元|%)")
    for form_id, text in _form_texts().items():
        for line in text.splitlines():
            if re.match(r"\s*(example|  [a-z_]+:\s*\"?[\d.]+)", line) or "placeholder:" in line:
                continue
            if line.strip().startswith(("royalty_rate:", "- {id:")):
                continue
            assert not amount.search(re.sub(r"\{(fee|figure):[^}]+\}", "", line)), \
                f"{form_id}: {line.strip()[:60]}"


def test_guides_print_the_corrected_fees() -> None:
    by = {i.code: i for i in _items()}
    zl004 = item_plain_text(by["ZL-004"])
    assert "自授予专利权当年起10年内" in zl004 and "6年内" not in zl004
    assert "专利权评价报告请求费" in zl004 and "不能减缴" in zl004
    zl010 = render(by["ZL-010"].fees)
    assert "200元" in zl010 and "50元" not in zl010 and "停征" in zl010
    zl011 = render(by["ZL-011"].fees)
    assert "2400元" in zl011 and "不属于可以减缴" in zl011 and "可按规定减缴" not in zl011
    sb001 = render(by["SB-001"].fees)
    assert "网上申请270元、纸件申请300元" in sb001 and "网上申请27元、纸件申请30元" in sb001


def test_forms_read_their_fees_from_the_table() -> None:
    from desktop.forms.validation import validate_form

    reg = load_registry()
    bib = reg.get("bibliographic_change").spec
    assert "{fee:" not in bib.description and "200元" in bib.description
    data = dict(bib.example, change_item="专利代理机构或代理师")
    res = validate_form(bib, data)
    fee = next(c for c in res.computed if c.id == "change_fee")
    assert fee.value == 0 and "已停征" in fee.explanation
    data = dict(bib.example, change_item="申请人或专利权人")
    assert next(c for c in validate_form(bib, data).computed).value == 200
    red = reg.get("patent_fee_reduction").spec
    assert "10年" in " ".join(red.notes) and "专利权评价报告请求费" in " ".join(red.notes)
