"""The import, search and index commands as a user runs them (separate processes)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from library_samples import CNIPA_HEADERS, PATENTS, write_xlsx

ROOT = Path(__file__).resolve().parents[2]


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), *args],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_import_search_batch_and_index_commands(tmp_path):
    data = tmp_path / "d"
    xlsx = write_xlsx(tmp_path / "list.xlsx", [CNIPA_HEADERS, *PATENTS, [None, "201710601862.3"]])
    imp = run(data, "import", str(xlsx), "--json")
    assert imp.returncode == 2, imp.stderr  # one row rejected: reported, good rows kept
    report = json.loads(imp.stdout)
    assert (report["added"], report["rejected"]) == (3, 1)
    assert report["problems"][0]["row"] == 5 and "Traceback" not in imp.stderr

    res = run(data, "search", "锂离子电池", "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert set(out) == {"query", "total", "hits"} and out["total"] == 1
    assert out["hits"][0]["application_number"] == "201710601862.3"

    batch = tmp_path / "numbers.txt"
    batch.write_text("ZL201710601862.3\nCN102822194A\n201920012345\n\"锂离子电池\n2099 9 9999999.9\n",
                     encoding="utf-8")
    b = run(data, "search", "--batch", str(batch), "--json", "--limit", "1")
    lines = [json.loads(x) for x in b.stdout.splitlines()]
    assert [x["total"] for x in lines] == [1, 1, 1, 1, 0]
    assert lines[1]["hits"][0]["title"] == "煤直接液化残渣的清洁利用方法"
    assert "notice" in lines[3]

    plain = run(data, "search", "IPC:H01M", "--facets")
    assert plain.returncode == 0 and "一种锂离子电池正极材料的制备方法" in plain.stdout

    status = json.loads(run(data, "index", "status", "--json").stdout)
    assert status["consistent"] and status["records_in_db"] == 3
    assert status["documents"] == 3 + status["service_items"]
    rebuilt = run(data, "index", "rebuild")
    assert rebuilt.returncode == 0 and str(status["documents"]) in rebuilt.stdout

    exported = tmp_path / "out.xlsx"
    ex = run(data, "search", "有限公司 OR 研究所", "--export", str(exported))
    assert ex.returncode == 0 and exported.exists()
    handout = tmp_path / "导航.docx"
    rep = run(data, "search", "有限公司 OR 研究所", "--report", str(handout))
    assert rep.returncode == 0, rep.stderr
    assert handout.exists() and handout.with_suffix(".xlsx").exists() and "导航.docx" in rep.stdout


def test_bad_input_gives_one_line_and_exit_2(tmp_path):
    data = tmp_path / "d"
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook")
    res = run(data, "import", str(fake))
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1
    assert "fake.xlsx" in res.stderr and "Traceback" not in res.stderr
    odd = write_xlsx(tmp_path / "odd.xlsx", [["甲", "乙"], ["1", "2"]])
    res = run(data, "import", str(odd))
    assert res.returncode == 2 and "--map" in res.stderr
    mapped = run(data, "import", str(odd), "--map", "甲=title", "--map", "乙=applicants")
    assert mapped.returncode == 0, mapped.stderr
    empty = run(data, "search")
    assert empty.returncode == 2
