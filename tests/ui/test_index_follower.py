"""The GUI's periodic job: this desk's index follows what another desk imports, in the
background, and the change notice refreshes the search page."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from desktop.app import open_folder
from desktop.library import api as library
from desktop.library.search.index import LibraryIndex

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "network"))
from patents import write_patents  # noqa: E402


def test_the_periodic_job_finds_another_desks_import(ui_env, qtbot, tmp_path: Path,
                                                     monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.index_follower import IndexFollower

    ctx = ui_env.ctx
    other = open_folder(tmp_path / "desk_a", ctx.db.url)
    try:
        library.import_files(other, [write_patents(tmp_path / "p.csv", range(3))])
        library.ensure_index(ctx)  # this desk's index, built once

        def refuse(*_a, **k):  # type: ignore[no-untyped-def]
            raise AssertionError(f"full rebuild taken: {k.get('reason')}")

        monkeypatch.setattr(LibraryIndex, "rebuild", refuse)
        notices = []
        ui_env.notices.changed.connect(lambda changes, _src=None: notices.append(changes))
        follower = IndexFollower(ui_env, None, interval_s=0.2)
        follower.start()
        qtbot.waitUntil(lambda: follower.runs >= 1, timeout=10000)
        assert not any(c.library for c in notices)  # nothing new yet: no notice
        started = time.monotonic()
        library.import_files(other, [write_patents(tmp_path / "q.csv", range(3, 6),
                                                   word="新型")])
        qtbot.waitUntil(lambda: any(c.library for c in notices), timeout=30000)
        assert time.monotonic() - started < 30
        assert follower.last is not None and follower.last.action == "update"
        assert library.search(ctx, "新型装置").total == 3
        follower.stop()
    finally:
        ui_env.jobs.wait(10000)
        other.close()


@pytest.mark.parametrize("seconds,expected", [("", 10.0), ("0.5", 0.5), ("x", 10.0)])
def test_interval_from_the_environment(monkeypatch, seconds: str, expected: float) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.index_follower import follow_interval

    monkeypatch.setenv("IPDESK_INDEX_FOLLOW_SECONDS", seconds)
    assert follow_interval() == expected
