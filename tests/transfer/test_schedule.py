"""Automatic backups of a SQLite desk: made when the newest backup is older than the
interval, only the newest K automatic ones kept, manual and pre-migrate ones never pruned."""

from __future__ import annotations

import datetime as _dt
import json
import os
from pathlib import Path

import pytest

from desktop.app import open_folder
from desktop.cli import main as cli_main
from desktop.context import make_backup
from desktop.errors import ValidationFailed
from desktop.transfer import api as transfer


def _age(path: Path, hours: float) -> None:
    """Make ``path`` look ``hours`` old."""
    t = (_dt.datetime.now() - _dt.timedelta(hours=hours)).timestamp()
    os.utime(path, (t, t))


def test_due_made_recent_and_pruned(ctx) -> None:  # type: ignore[no-untyped-def]
    first = transfer.auto_backup(ctx)
    assert first.made is not None and "-auto-" in first.made.name and first.reason == ""
    again = transfer.auto_backup(ctx)
    assert again.made is None and again.reason == "recent"
    transfer.set_auto_backup(ctx, transfer.AutoBackupSettings(hours=6, keep=2))
    manual = make_backup(ctx.paths)
    pre = ctx.paths.backups_dir / "ipdesk-pre-migrate-20200101-000000-000000.sqlite3"
    pre.write_bytes(first.made.read_bytes())
    for p, h in ((pre, 100), (first.made, 90), (manual, 80)):
        _age(p, h)
    made = []
    for i in range(3):
        r = transfer.auto_backup(ctx)
        assert r.made is not None, r
        made.append(r.made)
        _age(r.made, 7 * (3 - i))  # older than the 6 hours: the next one is due
    left = sorted(p.name for p in ctx.paths.backups_dir.iterdir())
    autos = [n for n in left if "-auto-" in n]
    assert len(autos) == 2 and made[-1].name in autos and made[-2].name in autos
    assert manual.name in left and pre.name in left  # never pruned
    status = transfer.backup_status(ctx)
    assert status.last_path == made[-1] and status.settings.keep == 2


def test_off_invalid_and_not_for_postgresql(ctx, pg_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    transfer.set_auto_backup(ctx, transfer.AutoBackupSettings(hours=0, keep=5))
    assert transfer.auto_backup(ctx).reason == "off"
    assert list(ctx.paths.backups_dir.iterdir()) == []
    with pytest.raises(ValidationFailed):
        transfer.set_auto_backup(ctx, transfer.AutoBackupSettings(hours=-1, keep=0))
    pg = open_folder(tmp_path / "pg", pg_url)
    assert transfer.auto_backup(pg).reason == "not-sqlite"
    pg.close()


def test_cli_auto_backup_for_cron(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = str(tmp_path / "d")
    open_folder(data).close()
    assert cli_main(["--data-dir", data, "db", "auto-backup", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["made"] and Path(first["made"]).is_file()
    assert cli_main(["--data-dir", data, "--lang", "en", "db", "auto-backup"]) == 0
    assert "none needed" in capsys.readouterr().out
    assert cli_main(["--data-dir", data, "db", "auto-backup", "--every", "0", "--keep",
                     "3", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["reason"] == "off"
    assert cli_main(["--data-dir", data, "db", "auto-backup", "--keep", "0"]) == 2
    # the existing backup commands still list them
    assert cli_main(["--data-dir", data, "db", "backups", "--json"]) == 0
    assert [Path(r["file"]).name for r in json.loads(capsys.readouterr().out)] == [
        Path(first["made"]).name]
