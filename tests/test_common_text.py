"""The shared text rules: one header fold for every importer, the formula guard reversible."""

from __future__ import annotations

import pytest

from desktop.common.headers import fold_header
from desktop.common.xlsx import safe_cell, unguard_cell
from desktop.errors import RowProblem, UserError, location


@pytest.mark.parametrize("typed, expected", [
    ("申请人 （专利权人）：", "申请人(专利权人)"),
    ("Credit_Code*", "credit code"),
    ("ＩＰＣ分类号", "ipc分类号"),
    ("公开-公告号", "公开（公告）号"),
])
def test_headers_typed_differently_fold_alike(typed: str, expected: str) -> None:
    assert fold_header(typed) == fold_header(expected)


def test_different_headers_stay_different() -> None:
    assert fold_header("申请日") != fold_header("公开日")


@pytest.mark.parametrize("text", ["=SUM(A1:A3)", "+86 351", "-5", "@x", "＝1", "plain", "'quoted"])
def test_formula_guard_round_trips(text: str) -> None:
    assert unguard_cell(str(safe_cell(text))) == text


def test_one_location_wording() -> None:
    assert location("a.csv", 3, "申请号") == "a.csv, 第3行, 字段“申请号”"
    assert location(None, 3, None, "en") == "row 3"
    assert UserError("坏", "bad", file="a.csv", row=2).message("en") == "a.csv, row 2: bad"
    assert RowProblem(4, "name", "空", "empty").text("zh") == "第4行, 字段“name”: 空"
