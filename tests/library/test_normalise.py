"""Normalising imported values: numbers, dates, multi-valued fields, headers."""

from __future__ import annotations

from desktop.errors import RowProblem
from desktop.library.fields import match_header
from desktop.library.normalise import normalise_patent, split_multi
from desktop.library.records import RawRow


def test_headers_match_with_full_and_half_width_brackets():
    assert match_header("公开（公告）号") == "publication_number"
    assert match_header("公开(公告)号") == "publication_number"
    assert match_header(" 申请（专利权）人 ") == "applicants"
    assert match_header("Assignee") == "applicants"
    assert match_header("主分类号") == "ipc"
    assert match_header("申请人所在国（省）") == "region"
    assert match_header("备注") is None


def test_multi_values_split_on_all_separators():
    assert split_multi("甲公司;乙公司；丙公司|丁公司、戊公司") == ["甲公司", "乙公司", "丙公司", "丁公司",
                                                       "戊公司"]
    assert split_multi("A; A ;B") == ["A", "B"]
    assert split_multi("张三,李四", wide=True) == ["张三", "李四"]


def test_patent_numbers_canonical_and_bad_check_digit_flagged():
    rec = normalise_patent(RawRow(2, {"title": "x", "application_number": "ZL 2017 1 0601862.3",
                                      "publication_number": "cn102822194a",
                                      "ipc": "H01M10/0525,h01m 4/36"}))
    assert not isinstance(rec, RowProblem)
    assert rec.application_number == "201710601862.3" and rec.appno_key == "201710601862"
    assert rec.publication_number == "CN102822194A" and rec.pubno_key == "102822194"
    assert rec.ipc == ["H01M 10/0525", "H01M 4/36"]
    assert rec.patent_type == "发明" and rec.flags == []
    bad = normalise_patent(RawRow(3, {"title": "y", "application_number": "202210123456.7"}))
    assert bad.application_number == "202210123456.1"
    assert bad.flags and "校验位" in bad.flags[0]


def test_rows_without_title_are_rejected_with_reason():
    p = normalise_patent(RawRow(7, {"application_number": "201710601862.3"}))
    assert isinstance(p, RowProblem) and p.row == 7 and p.field == "title"
    empty = normalise_patent(RawRow(8, {}))
    assert isinstance(empty, RowProblem) and "空行" in empty.reason_zh


def test_ipc_as_cnipa_exports_it_with_version_suffixes():
    rec = normalise_patent(RawRow(2, {"title": "x", "ipc": "H01M 10/0525(2010.01);H01M4/36(2006.01)"
                                      "；G06F16/00(2019.01)"}))
    assert not isinstance(rec, RowProblem)
    assert rec.ipc == ["H01M 10/0525", "H01M 4/36", "G06F 16/00"]
