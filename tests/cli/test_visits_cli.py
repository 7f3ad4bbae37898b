"""``visits …`` as a user runs it: exit codes, JSON, and nothing written on bad input."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import openpyxl
import pytest

from tests.cli.test_cli import run

TODAY = _dt.date.today()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    d = tmp_path / "d"
    assert run("init", data_dir=d).returncode == 0
    return d


def _state(d: Path) -> tuple[list[dict], list[dict]]:
    visits = json.loads(run("visits", "list", "--json", data_dir=d).stdout)
    clients = json.loads(run("clients", "list", "--json", data_dir=d).stdout)
    return visits, clients


@pytest.mark.parametrize("args, field", [
    (["--date", "2026-02-30"], "started_at"),
    (["--time", "25:10"], "started_at"),
    (["--topic", "天气"], "topics"),
    (["--channel", "fax"], "channel"),
    (["--satisfaction", "7"], "satisfaction"),
    (["--satisfaction", "0"], "satisfaction"),
    (["--effort", "9"], "effort"),
    (["--item", "ZZ-999"], "items"),
    (["--follow-up", "2026-13-01"], "follow_up"),
    (["--duration", "abc"], "duration_min"),
])
def test_bad_add_exits_2_names_the_field_writes_nothing(data, args, field):
    res = run("visits", "add", "--client", "从未见过的新公司", "--topic", "专利", *args,
              "--json", data_dir=data)
    assert res.returncode == 2, res.stdout
    out = json.loads(res.stdout)
    assert out["saved"] is False and field in [p["field"] for p in out["problems"]]
    assert "Traceback" not in res.stderr and field in res.stderr
    assert _state(data) == ([], [])  # no visit, and no quick profile either


def test_add_list_show_edit_follow_up_delete(data):
    add = run("visits", "add", "--client", "晋城光机电有限公司", "--topic", "专利",
              "--topic", "financing", "--channel", "电话", "--date", "2026-03-05",
              "--time", "14:30", "--officer", "王敏", "--satisfaction", "非常满意",
              "--effort", "3", "--outcome", "需跟进", "--follow-up", TODAY.isoformat(),
              "--duration", "25", "--question", "专利能贷款吗", "--answer", "可以质押",
              "--tag", "质押", "--json", data_dir=data)
    assert add.returncode == 0, add.stderr
    v = json.loads(add.stdout)
    assert (v["started_at"], v["channel"], v["topics"], v["satisfaction"], v["outcome"]) == (
        "2026-03-05T14:30:00", "phone", ["patent", "financing"], 5, "follow_up")
    visits, clients = _state(data)
    assert [c["name"] for c in clients] == ["晋城光机电有限公司"]
    assert clients[0]["kind"] == "enterprise" and visits[0]["client_id"] == clients[0]["id"]
    anon = run("visits", "add", "--topic", "trademark", "--question", "商标续展", "--json",
               data_dir=data)
    assert json.loads(anon.stdout)["client_id"] is None
    same = run("visits", "add", "--client", "晋城光机电有限公司", "--date", "2026-03-04",
               data_dir=data)
    assert same.returncode == 0 and len(_state(data)[1]) == 1  # the profile is reused
    listed = json.loads(run("visits", "list", "--topic", "专利", "--json", data_dir=data).stdout)
    assert [x["id"] for x in listed] == [v["id"]]
    ranged = json.loads(run("visits", "list", "--from", "2026-03-04", "--to", "2026-03-04",
                            "--json", data_dir=data).stdout)
    assert len(ranged) == 1 and ranged[0]["started_at"].startswith("2026-03-04")
    shown = run("visits", "show", str(v["id"]), data_dir=data)
    assert "咨询内容: 专利能贷款吗" in shown.stdout and "满意度: 5 非常满意" in shown.stdout
    fu = json.loads(run("visits", "follow-ups", "--json", data_dir=data).stdout)
    assert [x["id"] for x in fu["due_today"]] == [v["id"]] and fu["overdue"] == []
    bad_edit = run("visits", "edit", str(v["id"]), "--satisfaction", "6", data_dir=data)
    assert bad_edit.returncode == 2 and "satisfaction" in bad_edit.stderr
    assert json.loads(run("visits", "show", str(v["id"]), "--json",
                          data_dir=data).stdout)["satisfaction"] == 5
    ok_edit = run("visits", "edit", str(v["id"]), "--answer", "见质押登记指南", "--json",
                  data_dir=data)
    assert json.loads(ok_edit.stdout)["answer"] == "见质押登记指南"
    closed = run("visits", "close-follow-up", str(v["id"]), data_dir=data)
    assert closed.returncode == 0
    assert json.loads(run("visits", "follow-ups", "--json", data_dir=data).stdout)[
        "due_today"] == []
    assert run("visits", "delete", str(v["id"]), data_dir=data).returncode == 0
    missing = run("visits", "show", str(v["id"]), data_dir=data)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert len(_state(data)[0]) == 2


def test_export_import_and_bad_files(data, tmp_path):
    run("visits", "add", "--client", "张三", "--topic", "专利", "--date", "2026-03-01",
        data_dir=data)
    out = tmp_path / "log.xlsx"
    ex = run("visits", "export", str(out), "--include-personal", "--json", data_dir=data)
    assert ex.returncode == 0 and json.loads(ex.stdout)["rows"] == 1
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    header = [c.value for c in ws[1]]
    assert header[-1] == "电子邮箱"
    ws.append([None, "2026-03-02", "王敏", "李四", None, None, "窗口", "商标"])
    ws.append([None, "2026-02-30", "王敏", "王五", None, None, "窗口", "商标"])
    wb.save(out)
    imp = run("visits", "import", str(out), "--json", data_dir=data)
    report = json.loads(imp.stdout)
    assert imp.returncode == 0  # good rows kept; the bad one is reported
    assert (report["added"], report["clients_created"]) == (1, 1)
    assert [(p["row"], p["field"]) for p in report["rejected"]] == [(4, "started_at")]
    names = {c["name"] for c in _state(data)[1]}
    assert names == {"张三", "李四"}
    fake = tmp_path / "旧台账.xlsx"
    fake.write_bytes("日期,客户\n".encode("gbk"))
    res = run("visits", "import", str(fake), data_dir=data)
    assert res.returncode == 2 and "旧台账.xlsx" in res.stderr and "Traceback" not in res.stderr
    all_bad = tmp_path / "bad.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["日期", "客户", "满意度"])
    wb.active.append(["2026-02-30", "赵六", 7])
    wb.save(all_bad)
    res = run("visits", "import", str(all_bad), data_dir=data)
    assert res.returncode == 2 and "第2行" in res.stdout
    assert len(_state(data)[0]) == 2 and "赵六" not in {c["name"] for c in _state(data)[1]}
