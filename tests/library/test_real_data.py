"""The real records in ../shared/data: everything imports, and searches an officer would type
find what they should."""

from __future__ import annotations

import pytest

from desktop.app import open_folder
from desktop.library.service import Library

pytestmark = pytest.mark.shared_data


@pytest.fixture(scope="module")
def real(shared_data, tmp_path_factory):  # type: ignore[no-untyped-def]
    ctx = open_folder(tmp_path_factory.mktemp("real") / "data")
    lib = Library(ctx)
    patents = shared_data / "patents"
    report = lib.import_files([patents / "bdci_cn_patents.jsonl",
                               patents / "cn_patent_titles_ipc.csv", patents / "cnki_exports",
                               shared_data / "policies"])
    yield lib, report
    lib.close()
    ctx.close()


def test_everything_imports_without_rejections(real):
    lib, report = real
    assert report.ok and report.rejected == 0 and report.indexed
    kinds = {f.kind for f in report.files}
    assert kinds == {"patents", "cnki", "documents"}
    # 4,097 + 9,740 + 12,829 rows; repeated CNKI records and duplicate lines merge
    articles = sum(f.rows for f in report.files if f.kind == "documents")
    assert articles > 1500  # laws split into articles
    assert 26000 < report.added - articles < 26700
    assert report.added + report.unchanged + report.updated > 26600
    st = lib.status()
    assert st.consistent and st.records_in_db == report.added


def test_real_searches(real):
    lib, _ = real
    hit = lib.search("CN114081026A").hits[0]
    assert hit.title == "一种水电站高压输电线路驱鸟保护装置"
    assert hit.ipc == ["A01M", "G06F", "H02G"]
    assert lib.search("IPC:H01M").total > 50
    huawei = lib.search("申请人:华为技术有限公司", facets=True)
    assert huawei.total > 50 and huawei.facets["applicant"][0][0] == "华为技术有限公司"
    assert lib.search("乳腺癌 地区:美国").total > 20
    law = lib.search('"专利权的保护范围" 类型:文档')
    assert law.total >= 1 and any("第六十四条" in (h.section or "") for h in law.hits)
    art = lib.search("专利法 第二十二条 新颖性")
    assert "第二十二条" in (art.hits[0].section or "")
    common = lib.search("制备 方法")
    assert common.total > 1000 and all(h.snippet is None or "【" in h.snippet
                                       for h in common.hits)
