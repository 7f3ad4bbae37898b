"""``python main.py forms …`` as a user runs it: exit codes, JSON, files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[2]


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir),
                           *args], capture_output=True, text=True, timeout=60, cwd=ROOT)


def test_list_schema_example_fill(tmp_path: Path) -> None:
    d = tmp_path / "data"
    listed = run(d, "forms", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    forms = json.loads(listed.stdout)
    assert {"patent_pledge", "trademark_application"} <= {f["id"] for f in forms}
    assert all({"id", "name", "formats"} <= set(f) for f in forms)
    schema = json.loads(run(d, "forms", "schema", "patent_pledge", "--json").stdout)
    fields = {f["id"]: f for f in schema["fields"]}
    assert fields["patents"]["type"] == "rows"
    assert {c["id"] for c in fields["patents"]["columns"]} >= {"appno", "filing_date"}
    assert {r["kind"] for r in schema["rules"]} >= {"before_patent_expiry"}
    example = run(d, "forms", "example", "patent_pledge")
    assert example.returncode == 0
    data = json.loads(example.stdout)
    (tmp_path / "pledge.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    out = tmp_path / "out" / "pledge.docx"
    filled = run(d, "forms", "fill", "patent_pledge", "--data", str(tmp_path / "pledge.json"),
                 "-o", str(out), "--json")
    assert filled.returncode == 0, filled.stderr
    assert json.loads(filled.stdout)["output"] == str(out.resolve()) and out.exists()
    history = json.loads(run(d, "forms", "history", "--json").stdout)
    assert [h["form_id"] for h in history] == ["patent_pledge"]
    record = run(d, "forms", "record", str(history[0]["id"]))
    assert json.loads(record.stdout)["pledgors"][0]["id_number"] == "91140105MA0K3J7WX4"


def test_fill_with_invalid_data_exits_2_naming_each_field(tmp_path: Path) -> None:
    d = tmp_path / "data"
    data = json.loads(run(d, "forms", "example", "patent_pledge").stdout)
    data["phone"] = "1381234567"
    data["patents"][0]["appno"] = "202210123456.7"
    data["repayment_end"] = "2040-01-01"
    (tmp_path / "bad.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    out = tmp_path / "bad.docx"
    res = run(d, "forms", "fill", "patent_pledge", "--data", str(tmp_path / "bad.json"),
              "-o", str(out))
    assert res.returncode == 2 and not out.exists()
    lines = res.stderr.strip().splitlines()
    assert [line.split("\t")[0] for line in lines] == ["patents[1].appno", "phone",
                                                        "repayment_end"]
    assert lines[1].split("\t")[1] == "1381234567"
    assert "Traceback" not in res.stderr
    broken = run(d, "forms", "fill", "patent_pledge", "--data", str(tmp_path / "none.json"),
                 "-o", str(out))
    assert broken.returncode == 2 and len(broken.stderr.strip().splitlines()) == 1
    unknown = run(d, "forms", "schema", "no_such_form")
    assert unknown.returncode == 2 and "no_such_form" in unknown.stderr


def test_batch(tmp_path: Path) -> None:
    d = tmp_path / "data"
    example = json.loads(run(d, "forms", "example", "gi_mark_use").stdout)
    wb = Workbook()
    ws = wb.active
    keys = list(example)
    ws.append(keys)
    for i in range(3):
        row = [("、".join(v) if isinstance(v, list) else v) for v in example.values()]
        if i == 1:
            row[keys.index("applicant_uscc")] = "123"
        ws.append(row)
    wb.save(tmp_path / "rows.xlsx")
    res = run(d, "forms", "batch", "gi_mark_use", "--data", str(tmp_path / "rows.xlsx"),
              "-o", str(tmp_path / "out"), "--json")
    assert res.returncode == 2, res.stderr
    report = json.loads(res.stdout)
    assert report["generated"] == 2 and report["failed_rows"] == [3]
    assert report["failed"][0]["field"] == "applicant_uscc"
    assert len(list((tmp_path / "out").glob("*.docx"))) == 2
    tpl = run(d, "forms", "batch-template", "gi_mark_use", "-o", str(tmp_path / "t.xlsx"))
    assert tpl.returncode == 0 and (tmp_path / "t.xlsx").exists()


def test_fill_with_warnings_needs_confirmation(tmp_path: Path) -> None:
    d = tmp_path / "data"
    data = json.loads(run(d, "forms", "example", "patent_pledge").stdout)
    data["pledgee_id"] = "91350203M0001QAY9B"  # a real code that fails its check character
    (tmp_path / "warn.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    out = tmp_path / "warn.docx"
    first = run(d, "forms", "fill", "patent_pledge", "--data", str(tmp_path / "warn.json"),
                "-o", str(out))
    assert first.returncode == 2 and not out.exists()
    assert "pledgee_id" in first.stderr and "--confirm" in first.stderr
    confirmed = run(d, "forms", "fill", "patent_pledge", "--data", str(tmp_path / "warn.json"),
                    "-o", str(out), "--confirm")
    assert confirmed.returncode == 0, confirmed.stderr
    assert out.exists()
