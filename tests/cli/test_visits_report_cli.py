"""``visits report`` and ``visits stats`` as a user runs them: exit codes, JSON, the file."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import openpyxl
import pytest

from desktop.app import open_folder
from desktop.clients import api as clients
from desktop.visits import api as visits
from tests.cli.test_cli import run


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder with five visits in March 2026 and one in April."""
    folder = tmp_path / "d"
    ctx = open_folder(folder)
    try:
        cid = clients.save_client(ctx, clients.ClientData(
            name="晋城光机电公司", region="晋城经开区", phone="13812345678")).value.id
        for day, channel, topics, sat in ((2, "walk-in", ["patent"], 5),
                                          (3, "phone", ["patent", "financing"], 4),
                                          (9, "phone", ["trademark"], 2),
                                          (20, "online", ["patent"], None),
                                          (31, "walk-in", ["copyright"], 5)):
            visits.save_visit(ctx, visits.VisitData(
                started_at=_dt.datetime(2026, 3, day, 10), channel=channel, topics=topics,
                satisfaction=sat, client_id=cid if day < 10 else None))
        visits.save_visit(ctx, visits.VisitData(started_at=_dt.datetime(2026, 4, 1, 9),
                                                topics=["patent"]))
    finally:
        ctx.close()
    return folder


def test_report_writes_the_workbook(data_dir, tmp_path):
    out = tmp_path / "接待统计_2026-03.xlsx"
    res = run("visits", "report", "--from", "2026-03-01", "--to", "2026-03-31", "-o", str(out),
              "--json", data_dir=data_dir)
    assert res.returncode == 0, res.stderr
    info = json.loads(res.stdout)
    assert info["rows"] == 5 and info["summary"]["consultations"] == 5
    assert info["summary"]["distinct_clients"] == 1
    assert info["summary"]["satisfaction_rate"] == pytest.approx(3 / 4)
    assert info["include_personal"] is False and "网点名称" in res.stderr  # outlet not set
    wb = openpyxl.load_workbook(out)
    summary = {r[0]: r[1] for r in wb["汇总"].iter_rows(values_only=True) if r[0]}
    assert summary["接待咨询（人次）"] == 5
    phones = [r[-2] for r in wb["明细"].iter_rows(min_row=2, values_only=True)]
    assert phones.count("138****5678") == 3
    full = tmp_path / "full.xlsx"
    res = run("visits", "report", "--from", "20260301", "--to", "2026年3月31日", "-o",
              str(full), "--include-personal", "--officer", "王敏", data_dir=data_dir)
    assert res.returncode == 0 and "已记录" in res.stdout
    phones = [r[-2] for r in openpyxl.load_workbook(full)["明细"].iter_rows(
        min_row=2, values_only=True)]
    assert phones.count("13812345678") == 3


@pytest.mark.parametrize("args, field", [
    (["--from", "2026-02-30", "--to", "2026-03-31"], "--from"),
    (["--from", "2026-03-01", "--to", "2026-13-01"], "--to"),
    (["--from", "2026-03-31", "--to", "2026-03-01"], "--from"),
])
def test_report_bad_dates_exit_2_and_write_nothing(data_dir, tmp_path, args, field):
    out = tmp_path / "r.xlsx"
    res = run("visits", "report", *args, "-o", str(out), data_dir=data_dir)
    assert res.returncode == 2 and field in res.stderr and "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_report_into_a_missing_folder_names_the_file(data_dir, tmp_path):
    out = tmp_path / "nowhere" / "r.xlsx"
    res = run("visits", "report", "-o", str(out), "--from", "2026-03-01", data_dir=data_dir)
    assert res.returncode == 2 and str(out) in res.stderr


def test_stats_summary_breakdown_and_cross(data_dir):
    res = run("visits", "stats", "--from", "2026-03-01", "--to", "2026-03-31", "--by",
              "channel", "--cross", "topic", "channel", "--json", data_dir=data_dir)
    assert res.returncode == 0, res.stderr
    info = json.loads(res.stdout)
    assert info["summary"]["consultations"] == 5 and info["summary"]["anonymous"] == 2
    by = {r["key"]: r["count"] for r in info["by"]["rows"]}
    assert by == {"walk-in": 2, "phone": 2, "online": 1, "onsite": 0}
    cross = info["cross"]
    row = [r["key"] for r in cross["rows"]].index("patent")
    col = [c["key"] for c in cross["cols"]].index("phone")
    assert cross["counts"][row][col] == 1
    default = json.loads(run("visits", "stats", "--from", "2026-04-01", "--json",
                             data_dir=data_dir).stdout)  # --to: the end of April
    assert default["summary"]["consultations"] == 1
    assert default["summary"]["date_to"] == "2026-04-30"
    text = run("visits", "stats", "--from", "2026-03-01", "--to", "2026-03-31", "--by",
               "topic", data_dir=data_dir)
    assert "接待咨询（人次）\t5" in text.stdout and "专利\t3" in text.stdout


@pytest.mark.parametrize("args, field", [
    (["--by", "colour"], "--by"),
    (["--cross", "topic", "weather"], "--cross"),
    (["--from", "2026-02-30"], "--from"),
])
def test_stats_bad_arguments_exit_2(data_dir, args, field):
    res = run("visits", "stats", *args, data_dir=data_dir)
    assert res.returncode == 2 and field in res.stderr and "Traceback" not in res.stderr
    js = run("visits", "stats", *args, "--json", data_dir=data_dir)
    assert js.returncode == 2 and json.loads(js.stdout)["field"] == field
