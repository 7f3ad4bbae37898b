"""Identifier rules from facts.md §5, with the worked examples there."""

from __future__ import annotations

import pytest

from desktop.validators.api import (
    appno_check_digit,
    appno_key,
    check_appno,
    check_email,
    check_idcard,
    check_ipc,
    check_nice,
    check_phone,
    check_postcode,
    check_pubno,
    check_uscc,
    ipc_prefixes,
    pubno_key,
    validate,
)


@pytest.mark.parametrize("raw", ["201710601862.3", "CN201710601862.3", "ZL201710601862.3",
                                 "2017 1 0601862.3", "2017106018623", "zl 201710601862.3",
                                 "ＣＮ２０１７１０６０１８６２．３"])
def test_application_number_written_forms(raw):
    res = check_appno(raw)
    assert res.ok, res.zh
    assert res.canonical == "201710601862.3"
    assert res.details["type"] == "invention"


def test_application_number_examples():
    assert check_appno("201080063196.9").ok
    old = check_appno("95115608.X")
    assert old.ok and old.canonical == "95115608.X" and old.details["year"] == 1995
    assert appno_check_digit("201710601862") == "3"


def test_wrong_check_digit_says_which_is_right():
    res = check_appno("202210123456.7")
    assert not res.ok
    assert "应为1" in res.zh and "not 7" in res.en
    assert res.canonical == "202210123456.1"


def test_missing_check_digit_is_completed():
    res = check_appno("201710601862")
    assert res.ok and res.canonical == "201710601862.3" and "3" in res.zh


@pytest.mark.parametrize("raw,reason", [("", "为空"), ("20171060186", "格式"),
                                        ("201750601862.3", "专利类型"),
                                        ("199910601862.3", "年份"), ("abc", "格式")])
def test_bad_application_numbers(raw, reason):
    res = check_appno(raw)
    assert not res.ok and reason in res.zh


def test_lookup_keys():
    assert appno_key("ZL 2017 1 0601862.3") == "201710601862"
    assert appno_key("nonsense") is None
    assert pubno_key("CN 102822194 A") == "102822194"


@pytest.mark.parametrize("raw,canonical", [("CN102822194A", "CN102822194A"),
                                           ("cn218751475u", "CN218751475U"),
                                           ("102822194A", "CN102822194A"),
                                           ("CN1234567A", "CN1234567A"),
                                           ("CN105000000B9", "CN105000000B9")])
def test_publication_numbers(raw, canonical):
    res = check_pubno(raw)
    assert res.ok and res.canonical == canonical


@pytest.mark.parametrize("raw,reason", [("CN102822194", "种类代码"), ("US1234567B2", "中国"),
                                        ("CN10282A", "公开")])
def test_bad_publication_numbers(raw, reason):
    res = check_pubno(raw)
    assert not res.ok and reason in res.zh


def test_credit_codes():
    assert check_uscc("91350200776049653A").ok
    assert check_uscc("91440101MA5CJQ4N59").ok
    real_but_failing = check_uscc("91350203M0001QAY9B")
    assert not real_but_failing.ok and real_but_failing.warn_only
    assert real_but_failing.canonical == "91350203M0001QAY9B"
    short = check_uscc("9135020077604965")
    assert not short.ok and not short.warn_only and "18位" in short.zh
    bad_char = check_uscc("91350200776049653I")
    assert not bad_char.ok and not bad_char.warn_only and "I" in bad_char.zh


def test_id_numbers():
    ok = check_idcard("11010519491231002x")
    assert ok.ok and ok.canonical == "11010519491231002X"
    assert ok.details["birth_date"] == "1949-12-31"
    assert "校验位" in check_idcard("110105194912310021").zh
    assert "出生日期" in check_idcard("11010519490231002X").zh
    assert "15位" in check_idcard("110105491231002").zh


def test_ipc_symbols_and_prefixes():
    assert check_ipc("h01m10/0525").canonical == "H01M 10/0525"
    assert check_ipc("C10J 3/00").canonical == "C10J 3/00"
    assert check_ipc("H01M").details["level"] == "subclass"
    assert check_ipc("H01M 10").canonical == "H01M 10"
    assert ipc_prefixes("H01M 10/0525") == ["H01M", "H01M 10", "H01M 10/0525"]
    assert not check_ipc("I01M 10/00").ok
    assert not check_ipc("H01M 10/5").ok


def test_nice_classes():
    assert check_nice("第9类").canonical == "9"
    assert check_nice("09").details["kind"] == "goods"
    assert check_nice(35).details["kind"] == "services"
    assert not check_nice("46").ok and not check_nice("0").ok and not check_nice("九").ok


def test_contact_fields():
    assert check_phone("138 1234 5678").canonical == "13812345678"
    assert check_phone("+86 13812345678").ok
    assert check_phone("(0351)7654321").canonical == "0351-7654321"
    assert "11位" in check_phone("1381234567").zh
    assert not check_phone("12345678901").ok
    assert check_postcode("030000").ok and not check_postcode("03000").ok
    assert check_email("desk@example.cn").ok and not check_email("desk@").ok


def test_dispatch():
    assert validate("appno", "201710601862.3").ok
    with pytest.raises(ValueError):
        validate("nope", "x")
