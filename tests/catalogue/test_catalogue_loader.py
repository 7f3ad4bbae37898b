"""Broken item files are reported with the file, the item and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.catalogue.loader import item_to_yaml, load_directory, load_item_file, parse_yaml
from desktop.errors import UserError


def _message(exc: pytest.ExceptionInfo[UserError]) -> str:
    return exc.value.message("zh")


def test_valid_item_round_trips_through_yaml(item_data: dict, tmp_path: Path,
                                              write_yaml) -> None:
    item = load_item_file(write_yaml(tmp_path, "ZL-008.yaml", item_data))
    assert parse_yaml(item_to_yaml(item))["materials"][0]["name"] == item.materials[0].name


def test_missing_field_names_file_item_and_field(item_data: dict, tmp_path: Path,
                                                 write_yaml) -> None:
    del item_data["time_limit"]
    path = write_yaml(tmp_path, "ZL-008.yaml", item_data)
    with pytest.raises(UserError) as exc:
        load_item_file(path)
    msg = _message(exc)
    assert str(path) in msg and "ZL-008" in msg and "办理时限" in msg and "缺少" in msg


def test_wrong_type_in_a_nested_field_names_its_position(item_data: dict, tmp_path: Path,
                                                         write_yaml) -> None:
    item_data["materials"][1]["copies"] = "两份"
    with pytest.raises(UserError) as exc:
        load_item_file(write_yaml(tmp_path, "ZL-008.yaml", item_data))
    assert "申请材料[2].份数" in _message(exc) and "整数" in _message(exc)


def test_unknown_field_and_bad_values_are_all_listed(item_data: dict, tmp_path: Path,
                                                     write_yaml) -> None:
    item_data["handling_time"] = "5天"
    item_data["category"] = "杂项"
    item_data["conditions"] = []
    with pytest.raises(UserError) as exc:
        load_item_file(write_yaml(tmp_path, "ZL-008.yaml", item_data))
    msg = _message(exc)
    assert "handling_time" in msg and "类别" in msg and "受理条件" in msg


def test_malformed_yaml_reports_the_line(tmp_path: Path) -> None:
    path = tmp_path / "ZL-099.yaml"
    path.write_text("code: ZL-099\nname: [不闭合\nfees: 1\n", encoding="utf-8")
    with pytest.raises(UserError) as exc:
        load_item_file(path)
    assert exc.value.file == str(path) and exc.value.row is not None
    assert "YAML" in _message(exc)


def test_non_utf8_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ZL-099.yaml"
    path.write_bytes("code: ZL-099\nname: 专利\n".encode("gbk"))
    with pytest.raises(UserError, match="UTF-8"):
        load_item_file(path)


def test_duplicate_codes_across_files(item_data: dict, tmp_path: Path, write_yaml) -> None:
    write_yaml(tmp_path, "a.yaml", item_data)
    write_yaml(tmp_path, "b.yaml", item_data)
    with pytest.raises(UserError) as exc:
        load_directory(tmp_path)
    assert "重复" in _message(exc) and "a.yaml" in _message(exc)


def test_bad_code_pattern(item_data: dict, tmp_path: Path, write_yaml) -> None:
    item_data["code"] = "zl8"
    with pytest.raises(UserError) as exc:
        load_item_file(write_yaml(tmp_path, "x.yaml", item_data))
    assert "事项编码" in _message(exc)


def test_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="没有找到"):
        load_directory(tmp_path)
