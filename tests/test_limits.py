"""The guards at the boundaries: XML-illegal characters, JSON depth, CSV records, merged
cells, a damaged database and its backup, a full disk, the bulk index path."""

from __future__ import annotations

import errno
import io
import sqlite3
import sys
from pathlib import Path

import pytest

from desktop.common.limits import json_depth_over, one_line, xml_text
from desktop.common.xlsx import fill_merged, read_shared_strings
from desktop.errors import RowProblem, UserError
from desktop.library.importers.tables import csv_records

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile_corpus import capture_run  # noqa: E402


def test_xml_text_removes_what_xml_cannot_hold_and_keeps_the_rest() -> None:
    assert xml_text("a\x00b\x0bc\ufffed\uffff\ud800e\U0010ffff") == "abcde"
    assert xml_text("制表\t换行\n表情😀") == "制表\t换行\n表情😀"


def test_one_line_shows_control_characters() -> None:
    assert one_line("两行\n名字.csv") == "两行\\n名字.csv"


def test_json_depth_is_measured_without_recursion_and_ignores_strings() -> None:
    assert json_depth_over("[" * 100_000 + "]" * 100_000)
    assert not json_depth_over('{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}')
    assert not json_depth_over("[[[1]]]", limit=3) and json_depth_over("[[[[1]]]]", limit=3)


def _lines(text: str) -> list[tuple[int, str | None]]:
    return list(enumerate(io.StringIO(text).readlines(), start=1))


def test_an_unclosed_quote_is_reported_and_the_next_rows_are_kept() -> None:
    text = 'a,b\n"unclosed,1\nx,2\ny,3\n'
    out = list(csv_records(iter(_lines(text)), ","))
    assert [n for n, _ in out] == [1, 2, 3, 4]
    assert isinstance(out[1][1], RowProblem) and "unclosed" in out[1][1].reason_en
    assert out[2][1] == ["x", "2"] and out[3][1] == ["y", "3"]


def test_a_quoted_field_over_lines_is_one_record() -> None:
    out = list(csv_records(iter(_lines('a,b\n"two\nlines",1\nz,2\n')), ","))
    assert out == [(1, ["a", "b"]), (2, ["two\nlines", "1"]), (4, ["z", "2"])]


def test_merged_ranges_fill_every_row_they_cover() -> None:
    rows = [("A", "x"), ("B", None), ("C", None), ("D", None)]
    assert [r[1] for r in fill_merged(rows, [(2, 1, 2, 3)])] == ["x", "x", "x", None]


def test_shared_strings_over_the_cell_limit_are_not_kept() -> None:
    xml = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           f'<si><t>短</t></si><si><t>{"长" * 40000}</t></si>'
           '<si><r><t>富</t></r><r><t>文本</t></r><rPh><t>ふり</t></rPh></si></sst>')
    strings = read_shared_strings(io.BytesIO(xml.encode()))
    assert strings[0] == "短" and strings[2] == "富文本"
    assert len(strings[1]) == 1 and strings[1].length == 40000


def test_a_damaged_database_names_its_backup_and_restore_brings_it_back(tmp_path) -> None:
    data = str(tmp_path / "d")
    assert capture_run(["--data-dir", data, "clients", "add", "山西某科技有限公司"])[0] == 0
    assert capture_run(["--data-dir", data, "db", "backup"])[0] == 0
    db = tmp_path / "d" / "ipdesk.sqlite3"
    for side in ("-wal", "-shm"):
        Path(str(db) + side).unlink(missing_ok=True)
    db.write_bytes(db.read_bytes()[:8192])
    code, out = capture_run(["--data-dir", data, "clients", "list"])
    assert code == 2 and "Traceback" not in out
    assert "backups" in out and "db restore-backup" in out
    assert capture_run(["--data-dir", data, "db", "restore-backup"])[0] == 0
    code, out = capture_run(["--data-dir", data, "clients", "list"])
    assert code == 0 and "山西某科技有限公司" in out
    kept = list((tmp_path / "d" / "backups").glob("*-damaged-*"))
    assert len(kept) == 1 and kept[0].stat().st_size == 8192  # the damaged file, untouched


def test_a_full_disk_during_import_says_nothing_was_written(ctx, tmp_path, monkeypatch) -> None:
    from desktop.library import api as library
    from desktop.library import store

    src = tmp_path / "a.csv"
    src.write_text("发明名称,申请号\n一种电池,201710601862.3\n", encoding="utf-8")

    def full(self):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store.BatchWriter, "finish", full)
    with pytest.raises(UserError) as err:
        library.import_files(ctx, [src])
    assert "磁盘已满" in err.value.message("zh") and "rolled back" in err.value.message("en")
    assert library.is_empty(ctx)


def test_a_full_disk_while_indexing_keeps_the_import_and_says_so(ctx, tmp_path,
                                                                 monkeypatch) -> None:
    from desktop.library import api as library

    src = tmp_path / "a.csv"
    src.write_text("发明名称,申请号\n一种电池,201710601862.3\n", encoding="utf-8")

    def full(self, *a, **k):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("whoosh.writing.SegmentWriter.commit", full)
    report = library.import_files(ctx, [src]).value
    assert report.added == 1 and not report.ok and report.index_error_zh
    assert "磁盘已满" in report.index_error_zh and "已提交" in report.index_error_zh
    monkeypatch.undo()
    assert library.search(ctx, "电池").total == 1  # caught up on the next search


def test_a_bulk_update_takes_the_rebuild_path(ctx, tmp_path, monkeypatch) -> None:
    from desktop.library import api as library
    from desktop.library.search import index

    assert index.bulk_rebuild_pays(100_000, 100_000) == (index.default_procs(100_000) > 1)
    assert not index.bulk_rebuild_pays(20_000, 1_000_000)
    assert not index.bulk_rebuild_pays(100, 100)
    library.ensure_index(ctx)
    src = tmp_path / "a.csv"
    src.write_text("发明名称,申请号\n一种电池,201710601862.3\n", encoding="utf-8")
    library.import_files(ctx, [src], update_index=False)
    monkeypatch.setattr(index, "bulk_rebuild_pays", lambda pending, total: True)
    change = library.update_index(ctx).value
    assert change.action == "rebuild" and library.search(ctx, "电池").total == 1
