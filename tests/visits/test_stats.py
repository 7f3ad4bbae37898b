"""Statistics: every summary figure, breakdown and cross-tab checked against counts computed
here in Python from the visits the test inserted."""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from typing import Any

import pytest

from desktop.clients import api as clients
from desktop.errors import UserError
from desktop.visits import api as visits
from tests.visits.known_visits import FROM, GJD, KIND, SPECS, TO, ZONE, ZS, insert_known

D = _dt.date

@pytest.fixture
def known(client_ids, add_visit) -> list[dict[str, Any]]:
    return insert_known(client_ids, add_visit)


def test_summary_equals_independent_counts(ctx, known):
    s = visits.visit_summary(ctx, FROM, TO)
    rated = [v["satisfaction"] for v in known if v["satisfaction"] is not None]
    efforts = [v["effort"] for v in known if v["effort"] is not None]
    timed = [v["duration_min"] for v in known if v["duration_min"] is not None]
    follow = [v for v in known if v["follow_up"] is not None]
    assert s.consultations == len(known) == 8
    assert s.distinct_clients == len({v["client"] for v in known if v["client"]}) == 3
    assert s.anonymous == sum(1 for v in known if v["client"] is None) == 2
    assert s.searches == sum(len(v["searches"]) for v in known) == 4
    assert s.analysis_reports == sum(
        1 for v in known if {"XX-002", "XX-003"} & set(v["items"])) == 3
    assert s.forms == sum(len(v["document_ids"]) for v in known) == 3
    assert s.follow_ups_set == len(follow) == 3
    assert s.follow_ups_closed == sum(1 for v in follow if v["follow_up_done"]) == 1
    assert s.follow_ups_open == 2
    assert s.rated == len(rated) == 6
    assert s.satisfied == sum(1 for r in rated if r >= 4) == 4
    assert s.satisfaction_rate == pytest.approx(4 / 6)
    assert s.effort_rated == len(efforts) == 5
    assert s.mean_effort == pytest.approx(sum(efforts) / len(efforts))
    assert s.duration_timed == len(timed) == 4
    assert s.duration_total == sum(timed) == 150
    assert s.mean_duration == pytest.approx(150 / 4)
    assert (s.date_from, s.date_to) == (FROM, TO)


def _counts(buckets) -> dict[object, int]:
    return {b.key: b.count for b in buckets if b.count}


def test_breakdowns_match_python_counts(ctx, known):
    def by(dim):
        return _counts(visits.breakdown(ctx, dim, FROM, TO))

    assert by("topic") == Counter(t for v in known for t in v["topics"]) | (
        {"": 1})  # the visit without a topic
    assert by("channel") == Counter(v["channel"] for v in known)
    assert by("officer") == Counter(v["officer"] for v in known)
    assert by("region") == Counter(ZONE.get(v["client"], "") for v in known)
    assert by("client_kind") == Counter(KIND.get(v["client"], "") for v in known)
    assert by("item") == Counter(i for v in known for i in v["items"]) | \
        {"": sum(1 for v in known if not v["items"])}
    assert by("month") == Counter(f"{v['day']:%Y-%m}" for v in known)
    assert by("weekday") == Counter(v["day"].isoweekday() for v in known)
    assert by("satisfaction") == Counter(v["satisfaction"] if v["satisfaction"] else ""
                                         for v in known)
    assert by("effort") == Counter(v["effort"] if v["effort"] else "" for v in known)
    assert by("outcome") == Counter(v["outcome"] or "" for v in known)
    hours = Counter(h for d, h, _w, _f in SPECS if FROM <= d <= TO)
    assert by("hour") == hours


def test_breakdown_order_and_labels(ctx, known):
    topics = visits.breakdown(ctx, "topic", FROM, TO)
    assert [b.key for b in topics][:10] == list(visits.TOPICS)  # every topic, 0 included
    assert topics[-1].key == "" and topics[-1].zh == "未填写"
    assert topics[0].zh == "专利" and topics[0].en == "Patents"
    months = visits.breakdown(ctx, "month", D(2026, 1, 1), D(2026, 4, 30))
    assert [(b.key, b.zh, b.count) for b in months] == [
        ("2026-01", "2026年1月", 1), ("2026-02", "2026年2月", 4), ("2026-03", "2026年3月", 4),
        ("2026-04", "2026年4月", 1)]
    officers = visits.breakdown(ctx, "officer", FROM, TO)
    assert [b.key for b in officers] == ["王敏", "李强", "赵磊"]  # by count
    items = visits.breakdown(ctx, "item", FROM, TO)
    assert items[0].key == "XX-002" and "检索与分析" in items[0].zh


def test_crosstabs_match_python_counts(ctx, known):
    tab = visits.crosstab(ctx, "topic", "channel", FROM, TO)
    expected = Counter((t, v["channel"]) for v in known for t in v["topics"])
    for (topic, channel), n in expected.items():
        assert tab.cell(topic, channel) == n
    assert sum(map(sum, tab.counts)) == sum(expected.values()) + 1  # + the topic-less visit
    assert tab.total == len(known)
    assert {c.key: c.count for c in tab.cols} == Counter(v["channel"] for v in known)
    cross = visits.crosstab(ctx, "region", "month", FROM, TO)
    expected = Counter((ZONE.get(v["client"], ""), f"{v['day']:%Y-%m}") for v in known)
    got = {(r.key, c.key): cross.counts[i][j] for i, r in enumerate(cross.rows)
           for j, c in enumerate(cross.cols) if cross.counts[i][j]}
    assert got == expected
    for i, r in enumerate(cross.rows):  # single-valued: a row's cells add up to its total
        assert sum(cross.counts[i]) == r.count
    same = visits.crosstab(ctx, "topic", "topic", FROM, TO)  # co-occurrence
    assert same.cell("patent", "trademark") == 1 and same.cell("patent", "patent") == 4


def test_totals_survive_client_erasure(ctx, known, client_ids):
    before = visits.visit_summary(ctx, FROM, TO)
    regions = visits.breakdown(ctx, "region", FROM, TO)
    kinds = visits.breakdown(ctx, "client_kind", FROM, TO)
    clients.delete_client(ctx, client_ids[GJD])
    clients.delete_client(ctx, client_ids[ZS])
    assert visits.visit_summary(ctx, FROM, TO) == before
    assert visits.breakdown(ctx, "region", FROM, TO) == regions
    assert visits.breakdown(ctx, "client_kind", FROM, TO) == kinds


def test_open_and_empty_ranges(ctx, known):
    everything = visits.visit_summary(ctx, None, None)
    assert everything.consultations == len(SPECS)
    assert visits.visit_summary(ctx, None, D(2026, 1, 31)).consultations == 1
    empty = visits.visit_summary(ctx, D(2020, 1, 1), D(2020, 12, 31))
    assert empty.consultations == empty.distinct_clients == empty.forms == 0
    assert empty.satisfaction_rate is None and empty.mean_effort is None
    assert empty.mean_duration is None


def test_bad_range_and_dimension_name_the_field(ctx):
    with pytest.raises(UserError) as info:
        visits.visit_summary(ctx, D(2026, 3, 1), D(2026, 2, 1))
    assert info.value.field == "date_from"
    with pytest.raises(UserError) as info:
        visits.breakdown(ctx, "colour", None, None)
    assert info.value.field == "dimension" and "colour" in info.value.message("en")
    with pytest.raises(UserError) as info:
        visits.crosstab(ctx, "topic", "weather", None, None)
    assert info.value.field == "col_dim"
