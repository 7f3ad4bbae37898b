"""The command line as a user runs it: a separate process, exit codes, JSON, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, str(ROOT / "main.py")]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    return subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=60,
                          cwd=ROOT)


def test_version():
    res = run("--version")
    assert res.returncode == 0 and "IP Desk" in res.stdout


def test_validate_valid_and_invalid():
    ok = run("validate", "appno", "ZL 2017 1 0601862.3")
    assert (ok.returncode, ok.stdout.strip()) == (0, "201710601862.3")
    bad = run("validate", "appno", "202210123456.7")
    assert bad.returncode == 2 and "校验位" in bad.stdout
    js = run("validate", "uscc", "91350203M0001QAY9B", "--json")
    data = json.loads(js.stdout)
    assert js.returncode == 2 and data["valid"] is False and data["warn_only"] is True
    en = run("validate", "idcard", "11010519491231002X", "--json", "--lang", "en")
    assert json.loads(en.stdout)["details"]["birth_date"] == "1949-12-31"


def test_validate_says_a_number_without_check_digit_is_unverifiable():
    res = run("validate", "appno", "201710601862")
    assert (res.returncode, res.stdout.strip()) == (0, "201710601862.3")
    assert "无法校验" in res.stderr
    js = json.loads(run("validate", "appno", "201710601862", "--json").stdout)
    assert js["valid"] is True and js["unverifiable"] is True
    assert js["canonical"] == "201710601862.3"
    full = json.loads(run("validate", "appno", "201710601862.3", "--json").stdout)
    assert full["unverifiable"] is False


def test_validate_ipc_as_cnipa_exports_it():
    res = run("validate", "ipc", "H01M 10/0525(2010.01);G06F16/00(2019.01)", "--json")
    data = json.loads(res.stdout)
    assert res.returncode == 0 and data["canonical"] == "H01M 10/0525; G06F 16/00"
    assert data["details"]["versions"] == ["2010.01", "2019.01"]


def test_bad_arguments_exit_2_with_one_line():
    res = run("validate", "colour", "red")
    assert res.returncode == 2
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr


def test_init_and_clients_round_trip(tmp_path):
    data = tmp_path / "d"
    res = run("init", "--json", data_dir=data)
    assert res.returncode == 0
    info = json.loads(res.stdout)
    assert info["revision"]
    assert (data / "ipdesk.sqlite3").exists() == (not os.environ.get("IPDESK_DB_URL"))
    add = run("clients", "add", "晋城光机电公司", "--id-number", "91350200776049653A",
              "--phone", "13812345678", "--region", "晋城经开区", data_dir=data)
    assert add.returncode == 0, add.stderr
    bad = run("clients", "add", "坏公司", "--phone", "123", data_dir=data)
    assert bad.returncode == 2 and "phone" in bad.stderr
    listed = json.loads(run("clients", "list", "--json", data_dir=data).stdout)
    assert [c["name"] for c in listed] == ["晋城光机电公司"]
    shown = json.loads(run("clients", "show", str(listed[0]["id"]), "--json",
                           data_dir=data).stdout)
    assert shown["region"] == "晋城经开区"
    out = tmp_path / "c.xlsx"
    assert run("clients", "export", str(out), data_dir=data).returncode == 0
    wb = openpyxl.load_workbook(out)
    wb.active.append([None, "新客户", "个人", "110105194912310021"])  # wrong check digit
    wb.save(out)
    imp = run("clients", "import", str(out), "--json", data_dir=data)
    report = json.loads(imp.stdout)
    assert imp.returncode == 2
    assert report["unchanged"] == 1 and report["rejected"][0]["row"] == 3
    missing = run("clients", "show", "999", data_dir=data)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_import_of_a_non_xlsx_names_the_file(tmp_path):
    fake = tmp_path / "客户.xlsx"
    fake.write_bytes("名称\n甲".encode("gbk"))
    res = run("clients", "import", str(fake), data_dir=tmp_path / "d")
    assert res.returncode == 2 and "客户.xlsx" in res.stderr and "Traceback" not in res.stderr


def test_unwritable_data_dir(tmp_path):
    target = tmp_path / "file-not-folder"
    target.write_text("x")
    res = run("clients", "list", data_dir=target / "sub")
    assert res.returncode == 2 and "数据文件夹" in res.stderr
