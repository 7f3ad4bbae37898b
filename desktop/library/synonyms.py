"""The maintained synonym list (``resources/synonyms.yaml``): groups of words a visitor uses
for the same thing, plus the everyday filler words a question carries.

:func:`load_synonyms` validates the file and names the group and word at fault; the bundled
list is read once per process (:func:`bundled_synonyms`).
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from desktop.errors import UserError
from desktop.paths import resource

_LATIN = re.compile(r"^[a-z0-9][a-z0-9 .+\-]*$")


@dataclass(frozen=True)
class Synonyms:
    """Validated synonym groups (words lower-cased); ``group_of`` maps a word to its group."""

    version: str
    date: _dt.date
    groups: tuple[tuple[str, ...], ...]
    filler: frozenset[str]

    @functools.cached_property
    def group_of(self) -> dict[str, int]:
        return {w: n for n, g in enumerate(self.groups) for w in g}

    def words(self) -> list[str]:
        return [w for g in self.groups for w in g]


def bundled_path() -> Path:
    return resource("synonyms.yaml")


def _word(value: Any, file: str, where: str) -> str:
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise UserError(f"{where}：词语必须是文字", f"{where}: a word must be text",
                        file=file, field="groups")
    word = str(value).strip().lower()
    if not word:
        raise UserError(f"{where}：有空词语", f"{where}: an empty word", file=file, field="groups")
    if len(word) > 20:
        raise UserError(f"{where}：词语“{word}”过长", f"{where}: the word '{word}' is too long",
                        file=file, field="groups")
    return word


def parse_synonyms(data: Any, file: str) -> Synonyms:
    """Validate the parsed YAML of a synonym file; every error names the group and word."""
    if not isinstance(data, dict):
        raise UserError("同义词文件应为包含 version、date、groups 的映射",
                        "the synonym file must be a mapping with version, date and groups",
                        file=file)
    version = data.get("version")
    if not isinstance(version, str | int | float) or not str(version).strip():
        raise UserError("缺少版本号", "the version is missing", file=file, field="version")
    date = data.get("date")
    if isinstance(date, str):
        try:
            date = _dt.date.fromisoformat(date)
        except ValueError:
            date = None
    if not isinstance(date, _dt.date):
        raise UserError("日期应写作 YYYY-MM-DD", "the date must be YYYY-MM-DD", file=file,
                        field="date")
    raw_groups = data.get("groups")
    if not isinstance(raw_groups, list) or not raw_groups:
        raise UserError("没有同义词组", "there are no synonym groups", file=file, field="groups")
    seen: dict[str, int] = {}
    groups: list[tuple[str, ...]] = []
    for n, raw in enumerate(raw_groups, 1):
        where_zh = f"第{n}组"
        if not isinstance(raw, list) or len(raw) < 2:
            raise UserError(f"{where_zh}：一组至少要有两个词", f"group {n}: a group needs two "
                            "words or more", file=file, field="groups")
        group: list[str] = []
        for value in raw:
            word = _word(value, file, where_zh)
            if word in seen:
                first = seen[word]
                raise UserError(
                    f"{where_zh}：词语“{word}”重复（已在第{first}组）",
                    f"group {n}: the word '{word}' is repeated (already in group {first})",
                    file=file, field="groups")
            seen[word] = n
            group.append(word)
        groups.append(tuple(group))
    raw_filler = data.get("filler") or []
    if not isinstance(raw_filler, list):
        raise UserError("filler 应为词语列表", "filler must be a list of words", file=file,
                        field="filler")
    filler = frozenset(_word(v, file, "filler") for v in raw_filler)
    clash = sorted(filler & seen.keys())
    if clash:
        raise UserError(f"filler 中的“{clash[0]}”也在同义词组中",
                        f"the filler word '{clash[0]}' is also in a synonym group",
                        file=file, field="filler")
    return Synonyms(str(version).strip(), date, tuple(groups), filler)


def load_synonyms(path: str | Path | None = None) -> Synonyms:
    """Read and validate a synonym file (default: the bundled list)."""
    target = Path(path) if path is not None else bundled_path()
    try:
        text = target.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise UserError(f"无法读取同义词文件（{exc.strerror}）",
                        f"cannot read the synonym file ({exc.strerror})",
                        file=str(target)) from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = mark.line + 1 if mark is not None else None
        raise UserError("同义词文件不是有效的YAML", "the synonym file is not valid YAML",
                        file=str(target), row=row) from exc
    return parse_synonyms(data, str(target))


@functools.lru_cache(maxsize=1)
def bundled_synonyms() -> Synonyms:
    return load_synonyms()


def is_latin(word: str) -> bool:
    return bool(_LATIN.match(word))
