"""This desk's preferences, typed: the registry :mod:`desktop.settings.prefs` stored in one
INI file in the data folder (``<data>/settings.ini``) through QSettings.

Pages read and write preferences only through :class:`Prefs` with a declared ``Pref``; a
test keeps raw QSettings keys out of the pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

from desktop.settings.api import Pref

T = TypeVar("T")


class Prefs:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, pref: Pref[T]) -> T:
        raw = self._qs.value(pref.key, None)
        if raw is None:
            return pref.default
        return cast(T, _convert(raw, pref.default))

    def set(self, pref: Pref[T], value: T) -> None:
        if isinstance(value, bytes):
            self._qs.setValue(pref.key, QByteArray(value))
        else:
            self._qs.setValue(pref.key, value)

    def remove(self, pref: Pref[Any]) -> None:
        self._qs.remove(pref.key)

    def sync(self) -> None:
        self._qs.sync()


def _convert(raw: object, default: object) -> object:
    """A stored value in the type of the preference's default (INI stores text)."""
    if isinstance(default, bool):
        return raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")
    if isinstance(default, int):
        try:
            return int(str(raw))
        except ValueError:
            return default
    if isinstance(default, bytes):
        if isinstance(raw, QByteArray):
            return raw.data()
        return raw if isinstance(raw, bytes) else default
    if isinstance(default, list):
        if isinstance(raw, str):
            return [raw] if raw else []
        return [str(v) for v in raw] if isinstance(raw, (list, tuple)) else default
    return str(raw)
