"""``db copy --to URL``: a desk's data merged into a shared database without duplicates,
on SQLite → PostgreSQL and SQLite → SQLite."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select
from transfer_sample import _ins, dump, fill

from db.models import (
    CatalogueItem,
    CatalogueItemHistory,
    ChangeLog,
    Client,
    FormDocument,
    LibraryRecord,
    Setting,
    Visit,
)
from db.session import sqlite_url
from desktop.app import open_folder
from desktop.cli import main as cli_main
from desktop.errors import UserError
from desktop.transfer import api as transfer

T_OLD = _dt.datetime(2020, 1, 1, 8, 0, 0)


def _target_url(kind: str, tmp_path: Path, request) -> str:  # type: ignore[no-untyped-def]
    if kind == "postgresql":
        return str(request.getfixturevalue("pg_url"))
    (tmp_path / "shared").mkdir()
    return sqlite_url(tmp_path / "shared" / "ipdesk.sqlite3")


def _seed_target(url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A shared database that already holds some of the desk's data (and its own)."""
    ctx = open_folder(tmp_path / "server", url)
    with ctx.db.engine.begin() as c:
        _ins(c, Client, [
            {"id": 50, "name": "太行新材料有限公司（旧名）", "kind": "enterprise",
             "id_number": "91140100MA0GRX1234", "phone": "13900000000", "created_at": T_OLD,
             "updated_at": T_OLD},
            {"id": 51, "name": "李华A", "kind": "individual", "created_at": T_OLD,
             "updated_at": T_OLD},
            {"id": 52, "name": "别的公司", "kind": "enterprise", "id_number": "X1",
             "created_at": T_OLD, "updated_at": T_OLD},
            {"id": 53, "name": "晋城光伏科技有限公司", "kind": "enterprise", "created_at": T_OLD,
             "updated_at": T_OLD}])
        base = {"kind": "patent", "title": "已有", "content_hash": "c0", "extra": "{}",
                "flags": "[]", "created_at": T_OLD, "updated_at": T_OLD}
        _ins(c, LibraryRecord, [
            base | {"appno_key": "A201710601800", "pubno_key": None, "ident_hash": "x0"},
            base | {"appno_key": None, "pubno_key": "CNA1A", "ident_hash": "x1"},
            base | {"appno_key": None, "pubno_key": None, "ident_hash": "hA2",
                    "content_hash": "different"}])
        _ins(c, CatalogueItem, [{"code": "TA01", "name": "旧名称", "category": "专利",
                                 "version": "2019", "effective_date": _dt.date(2019, 1, 1),
                                 "data": {"steps": ["old"]}, "created_at": T_OLD,
                                 "updated_at": T_OLD}])
        _ins(c, Visit, [{"started_at": T_OLD, "channel": "phone", "idem_key": "k-A-1",
                         "created_at": T_OLD, "updated_at": T_OLD}])
        _ins(c, Setting, [{"key": "outlet.test_A", "value": "服务器的值", "created_at": T_OLD,
                           "updated_at": T_OLD}])
    return ctx


@pytest.mark.parametrize("kind", ["postgresql", "sqlite"])
def test_copy_merges_remaps_and_adds_nothing_the_second_time(kind: str, tmp_path: Path,
                                                              request) -> None:  # type: ignore[no-untyped-def]
    url = _target_url(kind, tmp_path, request)
    server = _seed_target(url, tmp_path)
    desk = open_folder(tmp_path / "desk")
    fill(desk.db, tag="A")
    from desktop.clients import api as clients

    clients.save_client(desk, clients.ClientData(name="晋城光伏科技有限公司",
                                                 id_number="91350200776049653A"))
    clients.save_client(desk, clients.ClientData(name="阳泉新客户有限公司"))
    before = dump(server.db)

    dry = transfer.copy_to_database(desk, url, dry_run=True)
    assert dump(server.db) == before  # a dry run writes nothing
    with desk.db.session() as s:  # nor does it give the local visits keys
        assert s.execute(select(Visit.idem_key).where(Visit.id == 2)).scalar() is None

    rep = transfer.copy_to_database(desk, url)
    counts = {t.table: (t.added, t.matched, t.skipped) for t in rep.tables}
    assert counts == {t.table: (t.added, t.matched, t.skipped) for t in dry.tables}
    assert counts["clients"] == (1, 3, 0)
    assert counts["library_records"] == (27, 3, 0)
    assert counts["library_batches"] == (1, 0, 0)
    assert counts["visits"] == (1, 1, 0)
    assert counts["visit_topics"] == (0, 2, 0)  # the matched visit keeps the target's topics
    assert counts["visit_items"] == (1, 0, 0)
    assert counts["form_documents"] == (1, 0, 0)
    assert counts["catalogue_items"] == (1, 1, 0)
    assert counts["catalogue_item_history"] == (2, 0, 0)
    # the outlet setting that differs and the database identity (each database its own): the
    # server's are kept
    assert counts["settings"] == (0, 0, 2)
    assert counts["desk_profiles"] == (0, 0, 1) and counts["change_log"][0] == 29  # 27 records, 2 items
    assert rep.table("clients").conflicts == [
        "太行新材料有限公司（旧名）（#50）: name, phone — kept the target's"]
    assert rep.table("library_records").conflict_count == 2  # #2 and #3: different content
    assert "kept the target's" in rep.table("settings").conflicts[0]

    with server.db.session() as s:
        # the desk's client 1 is the server's 50: visits, documents follow it
        cl = s.get(Client, 50)
        assert cl is not None and cl.phone == "13900000000" and cl.notes.startswith("line1")
        assert cl.lock_version == 2
        numbered = s.get(Client, 53)  # matched by name, and given the desk's number
        assert numbered is not None and numbered.id_number == "91350200776049653A"
        assert s.execute(select(Client.id).where(Client.name == "阳泉新客户有限公司")).scalar()
        new_visit = s.execute(select(Visit).where(Visit.channel == "phone",
                                                  Visit.idem_key != "k-A-1")).scalar_one()
        assert new_visit.client_id == 51 and [i.item_code for i in new_visit.items] == ["TA01"]
        doc = s.execute(select(FormDocument)).scalar_one()
        assert doc.client_id == 50
        batch_ids = set(s.execute(select(LibraryRecord.batch_id)
                                  .where(LibraryRecord.title.like("一种%"))).scalars())
        assert len(batch_ids) == 1 and None not in batch_ids
        added = s.get(CatalogueItem, "TA02")
        assert added is not None and added.data == {"steps": []} and added.version == "2025"
        item = s.get(CatalogueItem, "TA01")
        assert item is not None and item.version == "2024" and item.lock_version == 2
        hist = {(h.version, h.note[:8]) for h in s.execute(select(CatalogueItemHistory))
                .scalars()}
        assert ("2019", "db copy:") in hist and ("2023", "") in hist
        assert s.get(Setting, "outlet.test_A").value == "服务器的值"  # type: ignore[union-attr]
        logged = set(s.execute(select(ChangeLog.kind)).scalars())
        assert logged == {"library", "catalogue"}
    with desk.db.session() as s:  # the local visit got its key, so a second copy knows it
        assert s.execute(select(Visit.idem_key).where(Visit.id == 2)).scalar()

    after = dump(server.db)
    again = transfer.copy_to_database(desk, url)
    assert again.added == 0 and again.table("change_log").added == 0
    assert dump(server.db) == after
    desk.close()
    server.close()


def test_copy_cli_report_and_refusals(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "shared").mkdir()
    url = sqlite_url(tmp_path / "shared" / "ipdesk.sqlite3")
    _seed_target(url, tmp_path).close()
    desk = tmp_path / "desk"
    ctx = open_folder(desk)
    fill(ctx.db, tag="A")
    ctx.close()
    assert cli_main(["--data-dir", str(desk), "--lang", "en", "db", "copy", "--to", url,
                     "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "dry run (nothing written)" in out and "library_records" in out
    assert "name, phone — kept the target's" in out
    assert cli_main(["--data-dir", str(desk), "db", "copy", "--to", url, "--json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["dry_run"] is False and rep["added"] > 0
    by = {t["table"]: t for t in rep["tables"]}
    assert by["library_records"]["added"] == 27
    assert cli_main(["--data-dir", str(desk), "db", "copy", "--to", url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"] == 0
    # the desk's own database, an unreachable server: one line, exit 2
    own = sqlite_url(desk / "ipdesk.sqlite3")
    ctx = open_folder(desk)
    with pytest.raises(UserError) as exc:
        transfer.copy_to_database(ctx, own)
    assert "own database" in exc.value.message("en")
    ctx.close()
    assert cli_main(["--data-dir", str(desk), "--lang", "en", "db", "copy", "--to",
                     "postgresql://nobody@127.0.0.1:1/none"]) == 2
    err = capsys.readouterr().err
    assert "error" in err and "Traceback" not in err


def test_a_copy_that_fails_half_way_writes_nothing(tmp_path: Path, pg_url: str) -> None:
    server = _seed_target(pg_url, tmp_path)
    before = dump(server.db)
    desk = open_folder(tmp_path / "desk")
    fill(desk.db, tag="A")
    from desktop.clients import api as clients

    clients.save_client(desk, clients.ClientData(name="有NUL\x00的名称"))  # PostgreSQL refuses it
    with pytest.raises(UserError) as exc:
        transfer.copy_to_database(desk, pg_url)
    assert "nothing was written" in exc.value.message("en")
    assert dump(server.db) == before
    desk.close()
    server.close()
