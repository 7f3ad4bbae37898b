"""The visit log: saving, validation naming the field, filters, follow-ups, start page."""

from __future__ import annotations

import datetime as _dt

import pytest

from desktop.clients import api as clients
from desktop.errors import ValidationFailed
from desktop.visits import api as visits

DAY = _dt.date(2026, 3, 10)


def test_save_and_read_back(ctx, client_ids, add_visit):
    saved = add_visit(DAY, officer="王敏", client_id=client_ids["晋城光机电公司"],
                      channel="phone", topics=["financing", "patent"], items=["zl-008"],
                      outcome="follow_up", follow_up=DAY + _dt.timedelta(days=7),
                      effort=3, satisfaction=5, duration_min=25,
                      question="专利能贷款吗", answer="可以办理专利权质押登记",
                      tags=["质押"], searches=["光机电 专利"], document_ids=[4, 9])
    got = visits.get_visit(ctx, saved.id)
    assert got.client_name == "晋城光机电公司"
    assert (got.client_kind, got.region) == ("enterprise", "晋城经开区")
    assert got.topics == ["financing", "patent"] and got.items == ["ZL-008"]
    assert (got.search_count, got.document_count) == (1, 2)
    assert got.follow_up_open
    got.answer = "可以，见专利权质押登记指南"
    got.topics = ["financing"]
    updated = visits.save_visit(ctx, got).value
    assert updated.id == saved.id and visits.get_visit(ctx, saved.id).topics == ["financing"]
    op = visits.delete_visit(ctx, saved.id)
    assert op.changes.visits and visits.list_visits(ctx) == []


@pytest.mark.parametrize("fields, field", [
    ({"topics": ["weather"]}, "topics"),
    ({"channel": "fax"}, "channel"),
    ({"outcome": "shrugged"}, "outcome"),
    ({"satisfaction": 6}, "satisfaction"),
    ({"satisfaction": 0}, "satisfaction"),
    ({"effort": 7}, "effort"),
    ({"items": ["ZZ-999"]}, "items"),
    ({"started_at": _dt.datetime(2999, 1, 1)}, "started_at"),
    ({"client_id": 9999}, "client_id"),
    ({"follow_up": _dt.date(2000, 1, 1)}, "follow_up"),
])
def test_bad_values_name_the_field_and_write_nothing(ctx, fields, field):
    data = visits.VisitData(started_at=_dt.datetime(2026, 3, 10, 9), topics=["patent"])
    for key, value in fields.items():
        setattr(data, key, value)
    with pytest.raises(ValidationFailed) as info:
        visits.save_visit(ctx, data)
    assert field in [p.field for p in info.value.problems]
    assert visits.list_visits(ctx) == []


def test_filters(ctx, client_ids, add_visit):
    a = add_visit(DAY, officer="王敏", client_id=client_ids["张三"], topics=["patent"],
                  question="发明专利怎么申请")
    b = add_visit(DAY + _dt.timedelta(days=1), officer="李强", channel="online",
                  topics=["trademark"], outcome="answered", question="商标续展")
    c = add_visit(DAY + _dt.timedelta(days=20), officer="王敏",
                  client_id=client_ids["太行新材料有限公司"], topics=["patent", "financing"],
                  follow_up=DAY + _dt.timedelta(days=25))
    ids = lambda f: [v.id for v in visits.list_visits(ctx, f)]  # noqa: E731
    assert ids(visits.VisitFilter()) == [c.id, b.id, a.id]
    assert ids(visits.VisitFilter(topic="patent")) == [c.id, a.id]
    assert ids(visits.VisitFilter(officer="李强")) == [b.id]
    assert ids(visits.VisitFilter(channel="online")) == [b.id]
    assert ids(visits.VisitFilter(outcome="answered")) == [b.id]
    assert ids(visits.VisitFilter(date_from=DAY, date_to=DAY + _dt.timedelta(days=1))) == \
        [b.id, a.id]
    assert ids(visits.VisitFilter(client_id=client_ids["张三"])) == [a.id]
    assert ids(visits.VisitFilter(text="续展")) == [b.id]
    assert ids(visits.VisitFilter(text="太行")) == [c.id]  # the client's name
    assert ids(visits.VisitFilter(follow_up_open=True)) == [c.id]
    assert ids(visits.VisitFilter(limit=1)) == [c.id]
    assert [v.id for v in visits.visits_on(ctx, DAY)] == [a.id]
    assert visits.officers(ctx) == ["王敏", "李强"]


def test_follow_ups_and_month_counts(ctx, client_ids, add_visit):
    due = add_visit(DAY, client_id=client_ids["张三"], follow_up=DAY + _dt.timedelta(days=3),
                    document_ids=[1, 2])
    late = add_visit(DAY, client_id=client_ids["张三"], follow_up=DAY + _dt.timedelta(days=1))
    add_visit(DAY, follow_up=DAY + _dt.timedelta(days=9))
    add_visit(DAY - _dt.timedelta(days=15), client_id=client_ids["太行新材料有限公司"])
    today, overdue = visits.follow_ups(ctx, DAY + _dt.timedelta(days=3))
    assert [v.id for v in today] == [due.id] and [v.id for v in overdue] == [late.id]
    counts = visits.month_counts(ctx, DAY)
    assert counts == {"visits": 3, "clients": 1, "documents": 2, "follow_ups_open": 3}
    assert visits.close_follow_up(ctx, late.id).value.follow_up_done
    assert visits.follow_ups(ctx, DAY + _dt.timedelta(days=3)).overdue == []
    assert visits.month_counts(ctx, DAY)["follow_ups_open"] == 2


def test_vocabulary_labels_and_parsing():
    assert visits.label("topic", "gi") == "地理标志"
    assert visits.label("channel", "onsite", "en") == "On-site visit"
    assert visits.label("satisfaction", 5) == "非常满意"
    assert visits.label("satisfaction", 1) == "非常不满意"
    assert visits.label("effort", 6, "en").startswith("Extended")
    assert visits.parse_topic("质押融资") == "financing"
    assert visits.parse_topic("trademark") == "trademark"
    assert visits.parse_topic("专利咨询") == "patent"
    assert visits.parse_topic("天气") is None
    assert visits.parse_channel("电话") == "phone" and visits.parse_channel("上门服务") == "onsite"
    assert visits.parse_outcome("转介至…") == "referred"
    assert visits.parse_level("非常满意", visits.SATISFACTION) == 5


def test_recent_items_and_catalogue_references(ctx, add_visit):
    from desktop.catalogue import api as catalogue

    add_visit(DAY, items=["SB-001"])
    add_visit(DAY + _dt.timedelta(days=1), items=["ZL-008", "SB-001"])
    add_visit(DAY + _dt.timedelta(days=2), items=["ZL-008"])
    assert visits.recent_items(ctx, 5) == ["ZL-008", "SB-001"]
    item = catalogue.get_item(ctx, "ZL-008")
    assert catalogue.references(ctx, item) >= 2
    assert catalogue.delete_item(ctx, "ZL-008").value == "retired"


def test_erasing_a_client_keeps_the_visit_without_identity(ctx, client_ids, add_visit):
    v = add_visit(DAY, client_id=client_ids["张三"], topics=["patent"])
    clients.delete_client(ctx, client_ids["张三"])
    got = visits.get_visit(ctx, v.id)
    assert got.client_id is None and got.client_name == ""
    assert (got.client_kind, got.region) == ("individual", "晋城经开区")
