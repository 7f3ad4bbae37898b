"""``visits ask|star|anonymise|export-client|personal-exports`` as a user runs them."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

from desktop.app import open_folder
from desktop.clients import api as clients
from desktop.settings import api as settings
from desktop.visits import api as visits
from tests.cli.test_cli import run


def _seed(data: Path) -> dict[str, int]:
    ctx = open_folder(data)
    try:
        cid = clients.save_client(ctx, clients.ClientData(
            name="晋城光机电公司", phone="13812345678")).value.id or 0
        settings.set_retention_days(ctx, 365)
        pledge = visits.save_visit(ctx, visits.VisitData(
            started_at=_dt.datetime(2026, 1, 5, 10), client_id=cid, items=["ZL-008"],
            question="公司专利想去银行做质押贷款，需要什么材料，电话13812345678",
            answer="办理专利权质押登记：质押合同、身份证明、申请表。")).value.id or 0
        return {"client": cid, "pledge": pledge}
    finally:
        ctx.close()


def test_ask_star_anonymise_export(tmp_path: Path) -> None:
    data = tmp_path / "d"
    ids = _seed(data)
    found = run("visits", "ask", "专利质押", "贷款材料", "--json", data_dir=data)
    assert found.returncode == 0, found.stderr
    answers = json.loads(found.stdout)
    assert answers[0]["visit_id"] == ids["pledge"] and answers[0]["model"] is False
    starred = run("visits", "star", str(ids["pledge"]), "--item", "ZL-008", data_dir=data)
    assert starred.returncode == 0 and "ZL-008" in starred.stdout
    text = run("visits", "ask", "专利贷款", data_dir=data)
    assert text.returncode == 0 and "【范例】" in text.stdout
    anon = run("visits", "anonymise", "--as-of", "2027-03-01", "--json", data_dir=data)
    assert json.loads(anon.stdout) == {"anonymised": 1, "retention_days": 365,
                                       "as_of": "2027-03-01"}
    out = tmp_path / "client.json"
    exported = run("visits", "export-client", str(ids["client"]), "-o", str(out), "--json",
                   data_dir=data)
    assert exported.returncode == 0, exported.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["client"]["phone"] == "13812345678"
    # the anonymised visit is no longer the client's: the profile alone is exported
    assert json.loads(out.read_text(encoding="utf-8"))["visits"] == []
    record = json.loads(run("visits", "personal-exports", "--json", data_dir=data).stdout)
    assert [(r["kind"], r["path"], r["rows"]) for r in record] == [
        ("client_data", str(out), 1)]
    masked = json.loads(run("visits", "ask", "专利贷款", "--json", data_dir=data).stdout)
    assert "13812345678" not in masked[0]["question"] and masked[0]["model"] is True


def test_bad_input_exits_2_naming_the_field(tmp_path: Path) -> None:
    data = tmp_path / "d"
    ids = _seed(data)
    for args, field in ((["visits", "ask", "专利", "--limit", "x"], "limit"),
                        (["visits", "star", "abc"], "visit_id"),
                        (["visits", "star", str(ids["pledge"]), "--item", "XX-1"],
                         "answer_item"),
                        (["visits", "anonymise", "--as-of", "2026-02-30"], "as_of"),
                        (["visits", "export-client", str(ids["client"]), "-o",
                          str(tmp_path / "c.txt")], "path")):
        res = run(*args, data_dir=data)
        assert res.returncode == 2, (args, res.stderr)
        assert field in res.stderr and "Traceback" not in res.stderr
    assert json.loads(run("visits", "personal-exports", "--json", data_dir=data).stdout) == []
