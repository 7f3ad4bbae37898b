"""Field types and cross-field rules reject the right values and name the right field."""

from __future__ import annotations

import copy
import datetime as _dt
from typing import Any

import pytest

from desktop.forms.registry import FormRegistry
from desktop.forms.validation import FormResult, patent_expiry, validate_form


def check(catalog: FormRegistry, form_id: str, **changes: Any) -> FormResult:
    form = catalog.get(form_id)
    data = copy.deepcopy(form.spec.example)
    data.update(changes)
    return validate_form(form.spec, data)


def fields_of(res: FormResult) -> list[str]:
    return [p.field for p in res.problems]


def pledge_patents(catalog: FormRegistry) -> list[dict[str, Any]]:
    return copy.deepcopy(catalog.get("patent_pledge").spec.example["patents"])


def test_wrong_check_digit_names_the_row_and_column(catalog: FormRegistry) -> None:
    patents = pledge_patents(catalog)
    patents[1]["appno"] = "202210123456.7"
    res = check(catalog, "patent_pledge", patents=patents)
    assert fields_of(res) == ["patents[2].appno"]
    assert "校验位" in res.problems[0].zh and "第2行" in res.problems[0].zh


def test_appno_without_check_digit_is_kept_with_a_warning(catalog: FormRegistry) -> None:
    patents = pledge_patents(catalog)
    patents[0]["appno"] = "201910456789"
    res = check(catalog, "patent_pledge", patents=patents)
    assert res.ok, res.problems
    assert [w.field for w in res.warnings] == ["patents[1].appno"]
    assert "无法校验" in res.warnings[0].zh and "第1行" in res.warnings[0].zh
    assert res.values["patents"][0]["appno"] == "201910456789.4"
    # the patent type is still read from it: the expiry rule still applies
    late = check(catalog, "patent_pledge", patents=patents, repayment_end="2040-01-01")
    assert "repayment_end" in fields_of(late)
    # and the type restriction of an evaluation report still holds
    inv = check(catalog, "patent_evaluation_report", appno="201910456789")
    assert "appno" in fields_of(inv)


def test_bad_credit_code_is_rejected_and_a_failed_check_char_only_warns(
        catalog: FormRegistry) -> None:
    res = check(catalog, "gi_mark_use", applicant_uscc="91140000701O12345B")
    assert fields_of(res) == ["applicant_uscc"] and "O" in res.problems[0].zh
    res = check(catalog, "gi_mark_use", applicant_uscc="9114000070101234")
    assert fields_of(res) == ["applicant_uscc"]
    res = check(catalog, "gi_mark_use", applicant_uscc="91350203M0001QAY9B")
    assert res.ok and [w.field for w in res.warnings] == ["applicant_uscc"]
    assert res.values["applicant_uscc"] == "91350203M0001QAY9B"


@pytest.mark.parametrize("phone", ["138123456789", "1381234567", "12345678901", "电话"])
def test_bad_phone_numbers(catalog: FormRegistry, phone: str) -> None:
    res = check(catalog, "rights_assistance", phone=phone)
    assert fields_of(res) == ["phone"]


def test_party_id_accepts_codes_and_id_numbers_but_not_a_wrong_id_digit(
        catalog: FormRegistry) -> None:
    assert check(catalog, "rights_assistance", applicant_id="11010519491231002X").ok
    res = check(catalog, "rights_assistance", applicant_id="110105194912310021")
    assert fields_of(res) == ["applicant_id"] and "身份证" in res.problems[0].zh


def test_repayment_after_expiry_is_rejected(catalog: FormRegistry) -> None:
    # the utility model filed 2021-03-15 expires on 2031-03-14
    assert check(catalog, "patent_pledge", repayment_end="2031-03-14").ok
    res = check(catalog, "patent_pledge", repayment_end="2031-03-15")
    assert fields_of(res) == ["repayment_end"]
    assert "202120234567.0" in res.problems[0].zh and "2031年3月14日" in res.problems[0].zh


def test_patent_terms() -> None:
    d = _dt.date
    assert patent_expiry("invention", d(2019, 10, 12)) == d(2039, 10, 11)
    assert patent_expiry("utility_model", d(2021, 3, 15)) == d(2031, 3, 14)
    assert patent_expiry("design", d(2021, 6, 1)) == d(2036, 5, 31)
    assert patent_expiry("design", d(2021, 5, 31)) == d(2031, 5, 30)
    assert patent_expiry("invention", d(2020, 2, 29)) == d(2040, 2, 28)
    assert patent_expiry("utility_model", d(2020, 2, 29)) == d(2030, 2, 27)


def test_debt_term_must_not_end_before_it_starts(catalog: FormRegistry) -> None:
    res = check(catalog, "patent_pledge", term_start="2027-01-01", repayment_end="2026-12-31")
    assert fields_of(res) == ["repayment_end"]


def test_all_patentees_must_be_pledgors(catalog: FormRegistry) -> None:
    patents = pledge_patents(catalog)
    patents[0]["patentees"] = "太原晋创新材料有限公司；晋中示范理工学院"
    res = check(catalog, "patent_pledge", patents=patents)
    assert fields_of(res) == ["patents[1].patentees"] and "晋中示范理工学院" in res.problems[0].zh
    pledgors = copy.deepcopy(catalog.get("patent_pledge").spec.example["pledgors"])
    pledgors.append({"name": "晋中示范理工学院", "id_number": "12140700405200713P"})
    assert check(catalog, "patent_pledge", patents=patents, pledgors=pledgors).ok


def test_licence_type_is_one_of_three(catalog: FormRegistry) -> None:
    res = check(catalog, "patent_license_recordal", license_type="独家")
    assert fields_of(res) == ["license_type"] and "独占、排他、普通" in res.problems[0].zh
    assert check(catalog, "patent_license_recordal", license_type="exclusive").values[
        "license_type"] == "独占"


def test_licence_recordal_deadline_warns(catalog: FormRegistry) -> None:
    res = check(catalog, "patent_license_recordal", contract_signed="2019-12-20",
                contract_effective="2020-01-01")
    assert res.ok and [w.field for w in res.warnings] == ["contract_effective"]


def test_trademark_fee_is_computed_for_online_and_paper_filing(catalog: FormRegistry) -> None:
    from desktop.common.fees import fee_table

    t = fee_table()
    base, extra = t.fee("trademark.registration"), t.fee("trademark.registration.extra_item")
    assert (base.online, base.amount, extra.online, extra.amount) == (270, 300, 27, 30)
    res = check(catalog, "trademark_application")          # two classes, one with 12 items
    fee = next(c for c in res.computed if c.id == "official_fee")
    assert res.values["filing_channel"] == "网上申请"
    assert fee.value == 270 + 2 * 27 + 270 and "（网上申请）" in fee.display
    assert "纸件申请为660.00元" in fee.explanation
    res = check(catalog, "trademark_application", filing_channel="纸件申请")
    fee = next(c for c in res.computed if c.id == "official_fee")
    assert fee.value == 300 + 2 * 30 + 300 and "网上申请为594.00元" in fee.explanation
    items = "；".join(f"商品{i}" for i in range(10))
    res = check(catalog, "trademark_application",
                classes=[{"nice_class": "第9类", "items": items}])
    assert [c.value for c in res.computed] == [270]
    res = check(catalog, "trademark_application", classes=[{"nice_class": "46", "items": "x"}])
    assert fields_of(res) == ["classes[1].nice_class"]


def test_similar_groups_must_belong_to_the_class(catalog: FormRegistry) -> None:
    classes = copy.deepcopy(catalog.get("trademark_application").spec.example["classes"])
    classes[1]["groups"] = "3501；3009；35"
    res = check(catalog, "trademark_application", classes=classes)
    assert fields_of(res) == ["classes[2].groups"]
    assert "3009、35" in res.problems[0].zh and "第35类" in res.problems[0].zh


def test_fee_reduction_ratio_and_income_limit(catalog: FormRegistry) -> None:
    res = check(catalog, "patent_fee_reduction")
    assert [(c.id, c.display) for c in res.computed] == [("reduction_ratio", "85%")]
    assert any("纳税申报表" in m for m, _ in res.materials)
    assert not any("收入证明" in m for m, _ in res.materials)
    two = copy.deepcopy(catalog.get("patent_fee_reduction").spec.example["applicants"])
    two.append({"name": "王强", "id_number": "11010519491231002X", "kind": "个人",
                "income": "48000"})
    res = check(catalog, "patent_fee_reduction", applicants=two)
    assert res.ok and [c.display for c in res.computed] == ["70%"]
    assert any("收入证明" in m for m, _ in res.materials)
    two[0]["income"] = "1,000,000"
    res = check(catalog, "patent_fee_reduction", applicants=two)
    assert fields_of(res) == ["applicants[1].income"]


def test_software_functions_limited_to_500_characters(catalog: FormRegistry) -> None:
    assert check(catalog, "software_copyright", functions="功" * 500).ok
    res = check(catalog, "software_copyright", functions="功" * 501)
    assert fields_of(res) == ["functions"] and "500" in res.problems[0].zh


def test_required_if_and_publication_date_order(catalog: FormRegistry) -> None:
    res = check(catalog, "software_copyright", first_publication_date=None)
    assert fields_of(res) == ["first_publication_date"]
    res = check(catalog, "software_copyright", published="未发表", first_publication_date=None,
                first_publication_place=None)
    assert res.ok
    res = check(catalog, "software_copyright", first_publication_date="2026-01-01")
    assert fields_of(res) == ["first_publication_date"]


def test_open_licence_needs_evaluation_report_for_utility_models(catalog: FormRegistry) -> None:
    patents = copy.deepcopy(catalog.get("patent_open_license").spec.example["patents"])
    patents[1]["evaluation_report"] = ""
    res = check(catalog, "patent_open_license", patents=patents)
    assert fields_of(res) == ["patents[2].evaluation_report"]


def test_evaluation_report_only_for_utility_models_and_designs(catalog: FormRegistry) -> None:
    res = check(catalog, "patent_evaluation_report", appno="201910456789.4")
    assert fields_of(res) == ["appno"] and "发明" in res.problems[0].zh
    res = check(catalog, "patent_evaluation_report", patent_kind="外观设计")
    assert fields_of(res) == ["patent_kind"] and "实用新型" in res.problems[0].zh
    res = check(catalog, "patent_evaluation_report", patent_kind="外观设计",
                appno="202030345678.X")
    assert res.ok and [c.value for c in res.computed] == [2000]


def test_required_declarations_and_fields(catalog: FormRegistry) -> None:
    res = check(catalog, "patent_pledge", all_consent=False, pledgee_name="  ")
    assert sorted(fields_of(res)) == ["all_consent", "pledgee_name"]


def test_values_are_normalised(catalog: FormRegistry) -> None:
    res = check(catalog, "patent_pledge", debt_amount="1,200万元", term_start="2026年12月1日",
                pledgee_phone="+86 139 1234 5678")
    assert res.ok
    assert res.values["debt_amount"] == "12000000.00"
    assert res.display["debt_amount"] == "12,000,000.00（壹仟贰佰万元整）"
    assert res.values["term_start"] == "2026-12-01"
    assert res.values["pledgee_phone"] == "13912345678"


def test_bad_dates_money_and_rows(catalog: FormRegistry) -> None:
    res = check(catalog, "patent_pledge", term_start="2026-02-30", debt_amount="很多",
                patents="not rows")
    assert sorted(fields_of(res)) == ["debt_amount", "patents", "term_start"]


def test_unknown_keys_warn(catalog: FormRegistry) -> None:
    res = check(catalog, "gi_mark_use", colour="red")
    assert res.ok and [w.field for w in res.warnings] == ["colour"]


def test_control_characters_are_dropped(catalog: FormRegistry) -> None:
    res = check(catalog, "gi_mark_use", legal_rep="郭\x00志\x1b强")
    assert res.values["legal_rep"] == "郭志强"


@pytest.mark.parametrize("amount, words", [
    ("0", "零元整"), ("0.05", "伍分"), ("10.5", "壹拾元伍角整"), ("1001.05", "壹仟零壹元零伍分"),
    ("5000000", "伍佰万元整"), ("10000500", "壹仟万零伍佰元整"), ("10005000", "壹仟万伍仟元整"),
    ("100000000", "壹亿元整"), ("120034.7", "壹拾贰万零叁拾肆元柒角整"),
    ("100000001", "壹亿零壹元整"),
])
def test_money_in_capital_numerals(amount: str, words: str) -> None:
    from decimal import Decimal

    from desktop.forms.fields import rmb_upper

    assert rmb_upper(Decimal(amount)) == words


def test_publication_and_ipc_fields(catalog: FormRegistry) -> None:
    res = check(catalog, "patent_priority_exam", ipc="g06v10/82",
                prior_art=[{"pubno": "cn102822194a"}, {"pubno": "CN102822194"}])
    assert res.values["ipc"] == "G06V 10/82"
    assert res.values["prior_art"][0]["pubno"] == "CN102822194A"
    assert fields_of(res) == ["prior_art[2].pubno"] and "种类代码" in res.problems[0].zh
    res = check(catalog, "patent_priority_exam", ipc="Z99Z")
    assert fields_of(res) == ["ipc"]


def test_full_width_identifiers_are_accepted(catalog: FormRegistry) -> None:
    res = check(catalog, "rights_assistance", applicant_id="１１０１０５１９４９１２３１００２Ｘ",
                phone="１３８１２３４５６７８")
    assert res.ok and res.values["applicant_id"] == "11010519491231002X"
