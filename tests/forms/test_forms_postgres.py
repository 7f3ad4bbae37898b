"""Forms history on PostgreSQL (a network of desks sharing one database).

Needs a server: set IPDESK_TEST_PG_URL (``.ci/start_postgres.sh`` starts one; CI does).
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from desktop.app import open_folder
from desktop.clients.model import ClientData
from desktop.clients.service import delete_client, save_client
from desktop.forms.generate import form_registry, generate
from desktop.forms.history import count_documents_for_form, list_documents

pytestmark = pytest.mark.postgres


def test_two_desks_share_the_document_history(pg_url: str, tmp_path: Path) -> None:
    desk1 = open_folder(tmp_path / "desk1", pg_url)
    desk2 = open_folder(tmp_path / "desk2", pg_url)
    try:
        client = save_client(desk1.db, ClientData(name="平遥古城老陈醋坊有限公司",
                                                  id_number="91140728MA0H5N2T2J"))
        data = copy.deepcopy(form_registry(desk1).get("gi_mark_use").spec.example)
        out = generate(desk1, "gi_mark_use", data, client_id=client.id)
        assert count_documents_for_form(desk2.db, "gi_mark_use") == 1
        [rec] = list_documents(desk2.db, client_id=client.id)
        assert rec.id == out.record_id and rec.data["applicant_uscc"] == "91140728MA0H5N2T2J"
        delete_client(desk2.db, client.id)
        [rec] = list_documents(desk1.db, query="醋坊")
        assert rec.client_id is None
    finally:
        desk1.close()
        desk2.close()
