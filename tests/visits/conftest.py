"""Fixtures for the visit log tests: clients to visit and a helper to record visits."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

import pytest

from desktop.clients import api as clients
from desktop.context import AppContext
from desktop.visits import api as visits


@pytest.fixture
def client_ids(ctx: AppContext) -> dict[str, int]:
    """Three clients: two enterprises in two zones and one individual."""
    made = [
        clients.ClientData(name="晋城光机电公司", kind="enterprise", region="晋城经开区",
                           id_number="91350200776049653A", phone="13812345678",
                           email="ip@gjd.example.cn"),
        clients.ClientData(name="太行新材料有限公司", kind="enterprise", region="高平园区",
                           phone="03563456789"),
        clients.ClientData(name="张三", kind="individual", region="晋城经开区",
                           id_number="11010519491231002X", phone="13900001111"),
    ]
    return {c.name: clients.save_client(ctx, c).value.id or 0 for c in made}


AddVisit = Callable[..., visits.VisitData]


@pytest.fixture
def add_visit(ctx: AppContext) -> AddVisit:
    """``add_visit(day, **fields)``: save one visit on ``day`` (a date) at 10:00."""

    def add(day: _dt.date, hour: int = 10, **fields: object) -> visits.VisitData:
        data = visits.VisitData(started_at=_dt.datetime.combine(day, _dt.time(hour)),
                                **fields)  # type: ignore[arg-type]
        return visits.save_visit(ctx, data).value

    return add
