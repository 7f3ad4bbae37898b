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


def test_missing_check_digit_is_completed_but_unverifiable():
    res = check_appno("201710601862")
    assert res.ok and res.canonical == "201710601862.3" and res.unverifiable
    assert "无法校验" in res.zh and "cannot be verified" in res.en
    assert res.details["check_digit_given"] is False
    # a typo without the check digit is accepted just the same: that is why it is flagged
    typo = check_appno("201710601863")
    assert typo.ok and typo.unverifiable
    full = check_appno("201710601862.3")
    assert full.ok and not full.unverifiable and full.details["check_digit_given"] is True


# Real numbers (facts.md §5) in the ways people write them; the check digit decides.
APPNO_TABLE = [
    ("201710601862.3", True, "201710601862.3", "invention"),
    ("CN201710601862.3", True, "201710601862.3", "invention"),
    ("ZL201710601862.3", True, "201710601862.3", "invention"),
    ("2017 1 0601862.3", True, "201710601862.3", "invention"),
    ("201080063196.9", True, "201080063196.9", "pct_invention"),
    ("95115608.X", True, "95115608.X", "invention"),
    ("95115608X", True, "95115608.X", "invention"),
    ("202210123456.7", False, "202210123456.1", "invention"),   # facts: INVALID, check is 1
    ("201710601862.4", False, "201710601862.3", "invention"),
    ("95115608.1", False, "95115608.X", "invention"),
]


@pytest.mark.parametrize("raw,ok,canonical,kind", APPNO_TABLE)
def test_application_number_table(raw, ok, canonical, kind):
    res = check_appno(raw)
    assert res.ok is ok, res.zh
    assert res.canonical == canonical and res.details["type"] == kind
    assert not res.unverifiable


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


# Real publication numbers as the shared exports write them (pss-system CSV, CNKI text: CNKI
# drops the kind code; 1985-88 publications carry the 8-digit application number).
PUBNO_TABLE = [
    ("CN114081026A", True, "CN114081026A"),
    ("CN111504366B", True, "CN111504366B"),
    ("CN215792497U", True, "CN215792497U"),
    ("CN87100927A", True, "CN87100927A"),
    ("CN1387401", False, "CN1387401"),       # CNKI style: no kind code
    ("CN87100927", False, "CN87100927"),
]


@pytest.mark.parametrize("raw,ok,canonical", PUBNO_TABLE)
def test_publication_number_table(raw, ok, canonical):
    res = check_pubno(raw)
    assert res.ok is ok and res.canonical == canonical, res.zh


@pytest.mark.parametrize("raw,reason", [("CN102822194", "种类代码"), ("US1234567B2", "中国"),
                                        ("CN10282A", "公开")])
def test_bad_publication_numbers(raw, reason):
    res = check_pubno(raw)
    assert not res.ok and reason in res.zh


# Real credit codes (facts.md §5 and well-known companies'); one real code fails its check.
USCC_TABLE = [
    ("91350200776049653A", True, False, "350200"),
    ("91440101MA5CJQ4N59", True, False, "440101"),
    ("914403001922038216", True, False, "440300"),
    ("9144030071526726XG", True, False, "440300"),
    ("91110000802100433B", True, False, "110000"),
    ("91350203M0001QAY9B", False, True, None),     # real, fails the check: warn only
    ("91350200776049653B", False, True, None),
    ("91350200776049653", False, False, None),
    ("9135020077604965OA", False, False, None),    # O is not in the alphabet
]


@pytest.mark.parametrize("raw,ok,warn_only,region", USCC_TABLE)
def test_credit_code_table(raw, ok, warn_only, region):
    res = check_uscc(raw)
    assert (res.ok, res.warn_only) == (ok, warn_only), res.zh
    if ok:
        assert res.details["region"] == region


IDCARD_TABLE = [
    ("11010519491231002X", True, "1949-12-31"),
    ("11010519491231002x", True, "1949-12-31"),
    ("110105194912310021", False, None),     # check digit
    ("11010519490231002X", False, None),     # 31 February... 02-31 is no date
    ("110105491231002", False, None),        # 15-digit numbers are retired
    ("11010518991231002X", False, None),     # born before 1900
]


@pytest.mark.parametrize("raw,ok,birth", IDCARD_TABLE)
def test_id_number_table(raw, ok, birth):
    res = check_idcard(raw)
    assert res.ok is ok, res.zh
    if ok:
        assert res.details["birth_date"] == birth


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


# IPC symbols as CNIPA's pss-system and front pages write them (version suffixes).
IPC_TABLE = [
    ("H01M 10/0525(2010.01)", "H01M 10/0525", "2010.01"),
    ("H01M10/0525(2010.01)", "H01M 10/0525", "2010.01"),
    ("G06F16/00(2019.01)", "G06F 16/00", "2019.01"),
    ("G06F 16/00 (2019.01) I", "G06F 16/00", "2019.01"),
    ("Ｇ０６Ｆ１６／００（２０１９．０１）", "G06F 16/00", "2019.01"),
    ("C10J 3/00", "C10J 3/00", None),
    ("A61K 31/7088", "A61K 31/7088", None),
]


@pytest.mark.parametrize("raw,canonical,version", IPC_TABLE)
def test_ipc_with_version_suffix(raw, canonical, version):
    res = check_ipc(raw)
    assert res.ok, res.zh
    assert res.canonical == canonical and res.details.get("version") == version
    assert validate("ipc", raw).canonical == canonical


@pytest.mark.parametrize("raw", ["H01M 10/0525(2010.13)", "H01M 10/0525(1900.01)",
                                 "H01M(2010.01)", "H01M 10/0525(2010)"])
def test_bad_ipc_versions(raw):
    assert not check_ipc(raw).ok


def test_several_ipc_symbols_as_exported():
    res = validate("ipc", "H01M 10/0525(2010.01);H01M 4/36(2006.01)；G06F16/00(2019.01)")
    assert res.ok, res.zh
    assert res.canonical == "H01M 10/0525; H01M 4/36; G06F 16/00"
    assert res.details["symbols"] == ["H01M 10/0525", "H01M 4/36", "G06F 16/00"]
    assert res.details["versions"] == ["2010.01", "2006.01", "2019.01"]
    assert res.details["subclasses"] == ["H01M", "G06F"]
    bad = validate("ipc", "H01M 10/0525(2010.01);X99 1/00")
    assert not bad.ok and "第2个" in bad.zh


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
