"""The typed registry of this desk's preferences.

Every preference a page keeps (language, last folders, window geometry, search history, …)
is declared here once, with its type and default; the GUI stores them in one INI file in the
data folder (``<data>/settings.ini``, see ``desktop.ui.prefs``), so one ``--data-dir`` is
one desk — nothing goes to the user's home configuration.  Outlet-wide data shared by all
desks on a database (the outlet's name and contact) is not here: see :mod:`.outlet`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")

PREFS_FILE = "settings.ini"


@dataclass(frozen=True)
class Pref(Generic[T]):
    key: str
    default: T
    zh: str
    en: str

    @property
    def kind(self) -> type:
        return type(self.default)


LANGUAGE: Pref[str] = Pref("ui/language", "zh", "界面语言", "Interface language")
GEOMETRY: Pref[bytes] = Pref("ui/geometry", b"", "窗口位置与大小", "Window position and size")
LAST_FOLDER: Pref[str] = Pref("ui/last_folder", "", "上次使用的文件夹", "Last folder used")
FORMS_FOLDER: Pref[str] = Pref("forms/folder", "", "表单输出文件夹", "Forms output folder")
EXPORT_FOLDER: Pref[str] = Pref("search/export_folder", "", "检索结果导出文件夹",
                              "Search results export folder")
SEARCH_HISTORY: Pref[list[str]] = Pref("search/history", [], "检索历史（本机）",
                                       "Search history (this desk)")
SEARCH_HISTORY_MAX = 30

ALL: tuple[Pref[Any], ...] = (LANGUAGE, GEOMETRY, LAST_FOLDER, FORMS_FOLDER, EXPORT_FOLDER,
                              SEARCH_HISTORY)
