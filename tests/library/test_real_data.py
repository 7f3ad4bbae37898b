"""The real records in ../shared/data: everything imports, and searches an officer would type
find what they should."""

from __future__ import annotations

import pytest

from desktop.app import open_folder
from desktop.library.search.engine import Filters
from desktop.library.service import Library

pytestmark = pytest.mark.shared_data
# the imported records only: the module-wide library also indexes the catalogue's items
RECORDS = Filters(kinds=("patent", "document"))


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


def _searchable_texts(lib) -> list[str]:  # type: ignore[no-untyped-def]
    """Each record's searchable text (title, abstract/body, claims, applicants), from the db."""
    from desktop.library import store

    with lib.ctx.db.session() as s:
        return ["\n".join(x for x in (r["title"], r.get("abstract"), r.get("body"),
                                      r.get("claims"), r.get("applicants")) if x)
                for r in store.iter_rows(s)]


def test_any_chinese_substring_finds_every_record_holding_it(real):
    """Recall you can state: hits equal a plain substring count, for 1-4 character queries
    drawn from the real records (the three one-character operators 与 或 非 left out)."""
    import random
    import re

    lib, _ = real
    texts = _searchable_texts(lib)
    rnd = random.Random(2026)
    queries: set[str] = set()
    for length in (1, 2, 3, 4):
        picked = 0
        while picked < 12:
            runs = [r for r in re.findall(r"[\u4e00-\u9fff]+", rnd.choice(texts))
                    if len(r) >= length]
            if not runs:
                continue
            run = rnd.choice(runs)
            start = rnd.randrange(len(run) - length + 1)
            q = run[start:start + length]
            if q in ("与", "或", "非") or q in queries:
                continue
            queries.add(q)
            picked += 1
    for q in ("煤", "煤炭", "煤矸石", "煤气化", "地方法规"):
        queries.add(q)
    wrong = {}
    for q in sorted(queries):
        expected = sum(1 for t in texts if q in t)
        got = lib.search(q, limit=0, filters=RECORDS).total
        if got != expected:
            wrong[q] = (got, expected)
    assert not wrong, wrong
    assert lib.search("煤", limit=0, filters=RECORDS).total > 39  # the case: 3 before n-grams


def test_a_compound_never_finds_fewer_than_its_parts(real):
    lib, _ = real
    texts = _searchable_texts(lib)
    for compound, parts in (("煤炭清洁利用", ("煤炭", "清洁", "利用")),
                            ("锂离子电池", ("锂离子", "电池")), ("图像处理方法", ("图像", "处理", "方法"))):
        adjacent = sum(1 for t in texts if "".join(parts) in t)
        got = lib.search(compound, limit=0, filters=RECORDS).total
        assert got == adjacent
        assert got <= lib.search(" ".join(parts), limit=0, filters=RECORDS).total
        assert lib.search(" ".join(parts), limit=0).total <= lib.search(
            " ".join(parts[:2]), limit=0).total
