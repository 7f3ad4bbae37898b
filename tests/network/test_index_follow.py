"""Search at every desk: desk B's own index follows what desk A writes to the shared
database (the change log), without a full rebuild; deletions too; out-of-order commits."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from patents import appno_key, write_patents
from sqlalchemy.orm import Session

from desktop.app import open_folder
from desktop.context import AppContext
from desktop.library import api as library
from desktop.library import store
from desktop.library.search import follow
from desktop.library.search.index import LibraryIndex

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["sqlite", "postgres"])
def url(request, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def desks(url: str, tmp_path: Path) -> Iterator[tuple[AppContext, AppContext]]:
    a = open_folder(tmp_path / "desk_a", url)
    b = open_folder(tmp_path / "desk_b", url)
    a.desk, b.desk = "desk-a", "desk-b"
    yield a, b
    a.close()
    b.close()


def no_rebuild(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """From now on a full rebuild fails the test (the follower must not take that path)."""
    taken: list[str] = []

    def refuse(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        taken.append(str(kwargs.get("reason")))
        raise AssertionError(f"full rebuild taken: {kwargs.get('reason')}")

    monkeypatch.setattr(LibraryIndex, "rebuild", refuse)
    return taken


def titles(ctx: AppContext, text: str) -> list[str]:
    return [h.title for h in library.search(ctx, text, limit=100).hits]


def test_a_record_imported_at_a_is_found_at_b_without_a_rebuild(desks, tmp_path: Path,
                                                                 monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a, b = desks
    library.import_files(a, [write_patents(tmp_path / "first.csv", range(20))])
    library.ensure_index(b)  # B's own index, built once
    assert len(titles(b, "测试装置")) == 20
    no_rebuild(monkeypatch)
    started = time.monotonic()
    library.import_files(a, [write_patents(tmp_path / "new.csv", range(20, 25), word="新型")])
    change = library.sync_index(b).value
    assert change.action == "update" and change.indexed == 5
    assert sorted(titles(b, "新型装置")) == sorted(f"一种新型装置第{i}号" for i in range(20, 25))
    assert time.monotonic() - started < 30
    assert library.sync_index(b).value.action == "none"  # nothing new: nothing done
    st = library.index_status(b)
    assert st.consistent and st.indexed_seq == st.last_seq


def test_a_deletion_at_a_propagates_to_b(desks, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a, b = desks
    library.import_files(a, [write_patents(tmp_path / "p.csv", range(10))])
    library.ensure_index(b)
    no_rebuild(monkeypatch)
    with a.db.session() as s:
        gone = [r["id"] for r in store.iter_rows(s) if r["appno_key"] in
                {appno_key(1000003), appno_key(1000004)}]
    assert len(gone) == 2
    assert library.delete_records(a, gone).value == 2
    assert "一种测试装置第3号" not in titles(a, "测试装置")  # A's own index at once
    assert "一种测试装置第3号" in titles(b, "测试装置")  # B not synced yet
    change = library.sync_index(b).value
    assert change.action == "update"
    left = titles(b, "测试装置")
    assert len(left) == 8 and "一种测试装置第3号" not in left and "一种测试装置第4号" not in left
    assert library.index_status(b).consistent


def test_index_of_another_database_is_rebuilt(tmp_path: Path) -> None:
    one = open_folder(tmp_path / "desk", f"sqlite:///{tmp_path / 'one.sqlite3'}")
    library.import_files(one, [write_patents(tmp_path / "p.csv", range(3))])
    one.close()
    other = open_folder(tmp_path / "desk", f"sqlite:///{tmp_path / 'two.sqlite3'}")
    try:
        assert library.index_status(other).reason == "index built from another database"
        change = library.sync_index(other).value
        assert change.action == "rebuild" and change.reason == "index built from another database"
        assert titles(other, "测试装置") == []
    finally:
        other.close()


def test_out_of_order_commits_are_not_missed(pg_url: str, tmp_path: Path, monkeypatch) -> None:
    """A transaction that took its change-log number before another one but commits after
    it: B reads the later number first, remembers the gap and picks the earlier one up on a
    later sync."""
    a = open_folder(tmp_path / "desk_a", pg_url)
    b = open_folder(tmp_path / "desk_b", pg_url)
    try:
        library.import_files(a, [write_patents(tmp_path / "p.csv", range(3))])
        library.ensure_index(b)
        no_rebuild(monkeypatch)
        slow = Session(a.db.engine)  # a desk's import, written but not committed yet
        writer = store.BatchWriter(slow, kind="patents", collection="slow", sources=[],
                                   origin="desk-slow")
        _add_rows(writer, write_patents(tmp_path / "slow.csv", range(100, 102), word="迟到"))
        writer.finish()  # its change-log rows have their numbers now
        library.import_files(a, [write_patents(tmp_path / "fast.csv", range(200, 202),
                                               word="先到")])
        first = library.sync_index(b).value
        assert first.action == "update" and len(titles(b, "先到装置")) == 2
        meta = json.loads((b.paths.index_dir / "library" / "library.json").read_text())
        assert meta["gaps"], "the numbers of the uncommitted transaction are watched"
        assert titles(b, "迟到装置") == []
        slow.commit()
        slow.close()
        second = library.sync_index(b).value
        assert second.action == "update" and len(titles(b, "迟到装置")) == 2
        meta = json.loads((b.paths.index_dir / "library" / "library.json").read_text())
        assert meta["gaps"] == []
    finally:
        a.close()
        b.close()


def _add_rows(writer: store.BatchWriter, path: Path) -> None:
    from desktop.library.importing import open_patent_table
    from desktop.library.normalise import normalise_patent
    from desktop.library.records import RawRow

    table = open_patent_table(path)
    for item in table.rows:
        assert isinstance(item, RawRow)
        rec = normalise_patent(item, source_file=str(path))
        assert not isinstance(rec, Exception) and hasattr(rec, "title")
        writer.add(rec, "slow")  # type: ignore[arg-type]
    table.close()


def test_gaps_expire(ctx: AppContext) -> None:
    with ctx.db.session() as s:
        state = follow.FollowState("x", 10, [follow.Gap(4, 6, 0.0)])
        assert follow.pending(s, state, now=follow.GAP_TTL_SECONDS - 1).state.gaps == \
            [follow.Gap(4, 6, 0.0)]
        assert follow.pending(s, state, now=follow.GAP_TTL_SECONDS + 1).state.gaps == []


def test_cli_index_sync_and_search_follow_the_database(url: str, tmp_path: Path) -> None:
    def run(desk: str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir",
                               str(tmp_path / desk), "--db", url, *args],
                              capture_output=True, text=True, timeout=300)

    assert run("desk_a", "import", str(write_patents(tmp_path / "p.csv", range(5)))).returncode == 0
    assert json.loads(run("desk_b", "search", "测试装置", "--json").stdout)["total"] == 5
    assert run("desk_a", "import", str(write_patents(tmp_path / "q.csv", range(5, 8),
                                                         word="新型"))).returncode == 0
    synced = run("desk_b", "index", "sync", "--json")
    assert synced.returncode == 0, synced.stderr
    assert json.loads(synced.stdout)["action"] == "update"
    assert json.loads(run("desk_b", "search", "新型装置", "--json").stdout)["total"] == 3
    assert run("desk_a", "import", str(write_patents(tmp_path / "r.csv", range(8, 9),
                                                         word="另一"))).returncode == 0
    found = run("desk_b", "search", "另一装置", "--json")  # search syncs before it runs
    assert json.loads(found.stdout)["total"] == 1
    assert "重建" not in found.stderr


def test_a_desk_far_behind_rebuilds_instead(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    a = open_folder(tmp_path / "desk_a", url)
    b = open_folder(tmp_path / "desk_b", url)
    try:
        library.ensure_index(b)
        library.import_files(a, [write_patents(tmp_path / "p.csv", range(5))])
        monkeypatch.setattr(follow, "MAX_ROWS", 2)
        change = library.sync_index(b).value
        assert change.action == "rebuild" and "far behind" in change.reason
        assert len(titles(b, "测试装置")) == 5
    finally:
        a.close()
        b.close()
