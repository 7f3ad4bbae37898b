"""The settings capability's front door (the only module the GUI and CLI import).

- the outlet's profile, shared by every desk on the database: :func:`get_outlet`,
  :func:`set_outlet`;
- this desk's preferences: the typed registry :mod:`desktop.settings.prefs` (``prefs.LANGUAGE``
  …) and the file they live in, :func:`prefs_path`.
"""

from __future__ import annotations

from pathlib import Path

from desktop.changes import Changes, Op
from desktop.context import AppContext
from desktop.paths import DataPaths
from desktop.settings import prefs, privacy
from desktop.settings.outlet import Outlet
from desktop.settings.outlet import get_outlet as _get_outlet
from desktop.settings.outlet import set_outlet as _set_outlet
from desktop.settings.prefs import Pref

SETTINGS_CHANGED = Changes(settings=True)


def get_outlet(ctx: AppContext) -> Outlet:
    return _get_outlet(ctx.db)


def set_outlet(ctx: AppContext, outlet: Outlet) -> Op[Outlet]:
    _set_outlet(ctx.db, outlet)
    return Op(_get_outlet(ctx.db), SETTINGS_CHANGED)


def get_retention_days(ctx: AppContext) -> int:
    """Days a visit keeps the personal data of the person served (default three years)."""
    return privacy.get_retention_days(ctx.db)


def set_retention_days(ctx: AppContext, days: int) -> Op[int]:
    """Set the retention period (at least 30 days); ``ValidationFailed`` otherwise."""
    return Op(privacy.set_retention_days(ctx.db, days), SETTINGS_CHANGED)


def prefs_path(paths: DataPaths) -> Path:
    """This desk's preferences file (INI), inside the data folder."""
    return paths.root / prefs.PREFS_FILE


__all__ = ["SETTINGS_CHANGED", "Outlet", "Pref", "get_outlet", "get_retention_days", "prefs",
           "prefs_path", "set_outlet", "set_retention_days"]
