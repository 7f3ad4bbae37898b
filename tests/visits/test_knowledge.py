"""The knowledge base: last month's answer found for a question put another way."""

from __future__ import annotations

import datetime as _dt

import pytest

from desktop.context import AppContext
from desktop.errors import ValidationFailed
from desktop.visits import api as visits
from desktop.visits.knowledge import knowledge_base
from tests.visits.conftest import AddVisit

LAST_MONTH = _dt.date.today() - _dt.timedelta(days=30)
PLEDGE_Q = "公司专利想去银行做质押贷款，需要什么材料"
PLEDGE_A = "先到国家知识产权局办理专利权质押登记：质押合同、专利权人和质权人的身份证明、申请表。"


@pytest.fixture
def answered(add_visit: AddVisit) -> dict[str, int]:
    """A few answered visits of last month, and one visit without an answer."""
    made = {
        "pledge": add_visit(LAST_MONTH, question=PLEDGE_Q, answer=PLEDGE_A,
                            topics=["financing"], items=["ZL-008"]),
        "renew": add_visit(LAST_MONTH, question="注册商标十年到期了怎么续展",
                           answer="期满前十二个月内提出续展申请，宽展期六个月。",
                           topics=["trademark"], items=["SB-007"]),
        "soft": add_visit(LAST_MONTH, question="软件著作权登记要多久",
                          answer="材料齐全约30个工作日。", topics=["copyright"]),
        "open": add_visit(LAST_MONTH, question="专利质押贷款的材料清单是什么", answer=""),
        "blank": add_visit(LAST_MONTH, question="专利质押贷款利率多少", answer="   "),
    }
    return {k: v.id or 0 for k, v in made.items()}


def test_a_question_put_differently_finds_last_months_answer(
        ctx: AppContext, answered: dict[str, int]) -> None:
    found = visits.ask(ctx, "专利质押贷款材料")
    assert found and found[0].visit_id == answered["pledge"]
    top = found[0]
    assert (top.question, top.answer, top.date) == (PLEDGE_Q, PLEDGE_A, LAST_MONTH)
    assert top.items == ("ZL-008",) and top.topics == ("financing",) and top.score > 0
    assert not top.model and top.why
    assert visits.ask(ctx, "商标快到期了")[0].visit_id == answered["renew"]
    assert visits.ask(ctx, "软著")[0].visit_id == answered["soft"]


def test_unanswered_visits_are_not_returned(ctx: AppContext,
                                            answered: dict[str, int]) -> None:
    ids = {a.visit_id for a in visits.ask(ctx, "专利质押贷款材料清单利率", limit=20)}
    assert answered["open"] not in ids and answered["blank"] not in ids
    assert answered["pledge"] in ids
    assert visits.ask(ctx, "") == [] and visits.ask(ctx, "专利", limit=0) == []


def test_starring_shows_the_answer_under_its_item_and_ranks_it_first(
        ctx: AppContext, add_visit: AddVisit, answered: dict[str, int]) -> None:
    # a second, similar answer: unstarred, the newer one wins a tie; starred, the model
    other = add_visit(LAST_MONTH + _dt.timedelta(days=1), question=PLEDGE_Q,
                      answer="可以先咨询合作银行，再办专利权质押登记。").id
    assert visits.ask(ctx, PLEDGE_Q)[0].visit_id == other
    assert visits.model_answers(ctx, "ZL-008") == []
    starred = visits.star_answer(ctx, answered["pledge"], "zl-008")
    assert starred.value.model_answer and starred.value.answer_item == "ZL-008"
    assert starred.changes.visits
    shown = visits.model_answers(ctx, "ZL-008")
    assert [a.visit_id for a in shown] == [answered["pledge"]] and shown[0].model
    assert shown[0].answer == PLEDGE_A
    first = visits.ask(ctx, PLEDGE_Q)
    assert first[0].visit_id == answered["pledge"] and first[0].model
    visits.star_answer(ctx, answered["pledge"], None, starred=False)
    assert visits.model_answers(ctx, "ZL-008") == []
    assert visits.ask(ctx, PLEDGE_Q)[0].visit_id == other


def test_starring_checks_the_answer_and_the_item(ctx: AppContext,
                                                 answered: dict[str, int]) -> None:
    with pytest.raises(ValidationFailed) as bad_item:
        visits.star_answer(ctx, answered["pledge"], "XX-999")
    assert [p.field for p in bad_item.value.problems] == ["answer_item"]
    with pytest.raises(ValidationFailed) as no_answer:
        visits.star_answer(ctx, answered["open"], "ZL-008")
    assert [p.field for p in no_answer.value.problems] == ["answer"]
    assert visits.model_answers(ctx, "ZL-008") == []


def test_the_matcher_is_rebuilt_after_a_new_visit_only(ctx: AppContext, add_visit: AddVisit,
                                                       answered: dict[str, int]) -> None:
    kb = knowledge_base(ctx)
    visits.ask(ctx, "专利")
    builds = kb.builds
    visits.ask(ctx, "商标")
    assert kb.builds == builds  # nothing changed: the same matcher
    assert visits.ask(ctx, "集成电路布图") == []
    new = add_visit(_dt.date.today(), question="集成电路布图设计怎么登记",
                    answer="向国家知识产权局提交布图设计登记申请。").id
    assert visits.ask(ctx, "集成电路布图")[0].visit_id == new
    assert kb.builds == builds + 1
    # a change that touches no searchable text (a follow-up closed) rebuilds nothing
    visits.close_follow_up(ctx, new or 0)
    visits.ask(ctx, "集成电路布图")
    assert kb.builds == builds + 1
    visits.delete_visit(ctx, new or 0)
    assert visits.ask(ctx, "集成电路布图") == []


def test_an_edited_answer_is_found_by_its_new_words(ctx: AppContext,
                                                    answered: dict[str, int]) -> None:
    assert visits.ask(ctx, "地理标志") == []
    v = visits.get_visit(ctx, answered["soft"])
    v.answer = "另外也可申请地理标志。"
    visits.save_visit(ctx, v)
    assert visits.ask(ctx, "地理标志")[0].visit_id == answered["soft"]


def test_the_same_question_and_answer_are_shown_once(ctx: AppContext, add_visit: AddVisit,
                                                     answered: dict[str, int]) -> None:
    add_visit(LAST_MONTH, question=PLEDGE_Q, answer=PLEDGE_A)
    found = visits.ask(ctx, PLEDGE_Q, limit=10)
    assert [a.answer for a in found].count(PLEDGE_A) == 1
    assert found[0].to_json()["date"] == LAST_MONTH.isoformat()
