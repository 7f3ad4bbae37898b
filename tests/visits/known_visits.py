"""A known set of visits for the statistics and report tests: ten visits, two outside the
range 2026-02-01..2026-03-31 and two on its edges, with every figure varied."""

from __future__ import annotations

import datetime as _dt
from typing import Any

D = _dt.date
FROM, TO = D(2026, 2, 1), D(2026, 3, 31)
GJD, TH, ZS = "晋城光机电公司", "太行新材料有限公司", "张三"
ZONE = {GJD: "晋城经开区", TH: "高平园区", ZS: "晋城经开区"}
KIND = {GJD: "enterprise", TH: "enterprise", ZS: "individual"}

# (day, hour, client name or None, fields) — two outside the range, two on its edges
SPECS: list[tuple[_dt.date, int, str | None, dict[str, Any]]] = [
    (D(2026, 1, 31), 23, GJD, {"topics": ["patent"], "satisfaction": 1}),  # before
    (D(2026, 2, 1), 0, GJD, {"topics": ["financing", "patent"], "items": ["ZL-008"],
                             "channel": "phone", "officer": "王敏", "satisfaction": 5,
                             "effort": 3, "duration_min": 25, "searches": ["光机电 专利"],
                             "document_ids": [4, 9], "outcome": "prepared"}),
    (D(2026, 2, 3), 10, None, {"topics": ["trademark"], "officer": "李强",
                               "satisfaction": 3, "duration_min": 5, "outcome": "answered"}),
    (D(2026, 2, 14), 15, ZS, {"topics": ["search"], "items": ["XX-002", "XX-001"],
                              "officer": "王敏", "searches": ["a", "b", "c"],
                              "satisfaction": 4, "effort": 5, "duration_min": 90,
                              "follow_up": D(2026, 2, 20), "follow_up_done": True,
                              "outcome": "follow_up"}),
    (D(2026, 2, 28), 9, TH, {"topics": ["patent", "policy"], "channel": "online",
                             "items": ["XX-003"], "officer": "李强", "effort": 2,
                             "follow_up": D(2026, 3, 10), "outcome": "follow_up"}),
    (D(2026, 3, 2), 11, GJD, {"topics": ["patent"], "channel": "onsite", "officer": "王敏",
                              "satisfaction": 2, "document_ids": [12],
                              "question": "=1+1 这样的公式是什么"}),
    (D(2026, 3, 5), 14, None, {"topics": [], "officer": "王敏", "effort": 1}),
    (D(2026, 3, 18), 16, TH, {"topics": ["copyright"], "items": ["XX-002", "ZL-008"],
                              "officer": "赵磊", "satisfaction": 5, "duration_min": 30,
                              "follow_up": D(2026, 4, 1), "outcome": "referred",
                              "referred_to": "省知识产权保护中心"}),
    (D(2026, 3, 31), 23, ZS, {"topics": ["patent", "trademark"], "channel": "phone",
                              "officer": "李强", "satisfaction": 4, "effort": 4}),
    (D(2026, 4, 1), 0, TH, {"topics": ["patent"], "satisfaction": 5}),  # after
]


def insert_known(client_ids: dict[str, int], add_visit: Any) -> list[dict[str, Any]]:
    """Insert SPECS; return the in-range ones as plain dicts (the expected side)."""
    inside = []
    for day, hour, who, fields in SPECS:
        saved = add_visit(day, hour, client_id=client_ids[who] if who else None, **fields)
        if FROM <= day <= TO:
            row = {"topics": [], "items": [], "channel": "walk-in", "officer": "",
                   "satisfaction": None, "effort": None, "duration_min": None,
                   "searches": [], "document_ids": [], "follow_up": None,
                   "follow_up_done": False, "outcome": None, **fields}
            row.update(client=who, day=day, id=saved.id)
            inside.append(row)
    return inside
