"""The maintained synonym list: valid, versioned, every group's words non-empty and unique."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
import yaml

from desktop.errors import UserError
from desktop.library.synonyms import bundled_path, load_synonyms, parse_synonyms


def test_the_bundled_list_is_valid_versioned_and_large_enough() -> None:
    syn = load_synonyms()
    assert syn.version and isinstance(syn.date, _dt.date)
    assert len(syn.groups) >= 30
    raw = yaml.safe_load(bundled_path().read_text(encoding="utf-8"))
    for n, group in enumerate(raw["groups"], 1):
        words = [str(w).strip().lower() for w in group]
        assert all(words), f"group {n} has an empty word"
        assert len(words) == len(set(words)) >= 2, f"group {n} repeats a word: {group}"
    everywhere = [w for g in syn.groups for w in g]
    assert len(everywhere) == len(set(everywhere)), "a word is in two groups"
    assert not syn.filler & set(everywhere)


def test_the_issue_groups_are_there() -> None:
    syn = load_synonyms()
    same = [("贷款", "质押"), ("融资", "质押"), ("改名", "更名"), ("更名", "变更"),
            ("软著", "软件著作权"), ("软著", "计算机软件著作权"), ("地标", "地理标志"),
            ("到期", "续展"), ("侵权", "被仿冒"), ("商标", "牌子"), ("商标", "logo"),
            ("专利", "实用新型")]
    for a, b in same:
        assert syn.group_of[a] == syn.group_of[b], (a, b)


def _data(**changes: object) -> dict:
    data: dict = {"version": "1", "date": "2026-01-01", "groups": [["甲", "乙"], ["丙", "丁"]]}
    data.update(changes)
    return data


@pytest.mark.parametrize("changes, says", [
    ({"groups": [["甲", "乙"], ["丙", "甲"]]}, "重复"),
    ({"groups": [["甲", " "]]}, "空词语"),
    ({"groups": [["甲"]]}, "两个词"),
    ({"groups": []}, "没有同义词组"),
    ({"version": ""}, "版本"),
    ({"date": "yesterday"}, "YYYY-MM-DD"),
    ({"filler": ["甲"]}, "filler"),
])
def test_a_broken_list_is_refused_naming_the_group(changes: dict, says: str) -> None:
    with pytest.raises(UserError) as err:
        parse_synonyms(_data(**changes), "synonyms.yaml")
    assert says in err.value.message("zh") and "synonyms.yaml" in err.value.message("zh")


def test_a_file_that_is_not_yaml_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "s.yaml"
    bad.write_text("version: 1\ngroups: [[甲, 乙]\n", encoding="utf-8")
    with pytest.raises(UserError) as err:
        load_synonyms(bad)
    assert err.value.file == str(bad) and err.value.row is not None
