"""The outlet's profile: officers kept with it, 'set' once it has a name."""

from __future__ import annotations

from desktop.settings import api as settings
from desktop.settings.api import Outlet


def test_officers_are_stored_and_split(ctx) -> None:  # type: ignore[no-untyped-def]
    assert not settings.get_outlet(ctx).is_set
    settings.set_outlet(ctx, Outlet(name="示范区服务站", officers="张敏、李华, 王强，"))
    outlet = settings.get_outlet(ctx)
    assert outlet.is_set
    assert outlet.officer_names() == ["张敏", "李华", "王强"]
