"""Searching: analyzer, identifiers, the query language, facets, order, export."""

from __future__ import annotations

import openpyxl
import pytest

from desktop.library.search.analysis import index_tokens, query_words
from desktop.library.search.engine import Filters


@pytest.fixture
def loaded(lib, patent_xlsx, tmp_path):  # type: ignore[no-untyped-def]
    doc = tmp_path / "专利法(2020-10-17).md"
    doc.write_text("# 中华人民共和国专利法\n\n## 第一章 总则\n\n"
                    "第一条 为了保护专利权人的合法权益，鼓励发明创造，制定本法。\n\n"
                   "第二条 本法所称的发明创造是指发明、实用新型和外观设计。\n", encoding="utf-8")
    rep = lib.import_files([patent_xlsx, doc])
    assert rep.indexed and rep.added == 5
    return lib


def titles(res) -> list[str]:  # type: ignore[no-untyped-def]
    return [h.title for h in res.hits]


def test_analyzer_search_mode_shares_positions():
    toks = index_tokens("锂离子电池正极材料")
    by_pos: dict[int, set[str]] = {}
    for w, p, _s, _e in toks:
        by_pos.setdefault(p, set()).add(w)
    assert {"锂离子电池", "锂离子", "电池"} <= by_pos[0]
    assert query_words("煤炭清洁利用的方法") == ["煤炭清洁利用", "方法"]  # domain dictionary


@pytest.mark.parametrize("number", ["201710601862.3", "201710601862", "CN201710601862.3",
                                    "ZL201710601862.3", "2017 1 0601862.3", "ZL 2017106018623",
                                    "申请号:201710601862", "CN107394112A", "CN107394112",
                                    "公开号:107394112A"])
def test_a_number_finds_its_record_in_any_form(loaded, number):
    res = loaded.search(number)
    assert titles(res) == ["一种锂离子电池正极材料的制备方法"], number


def test_ipc_prefixes(loaded):
    for q in ("IPC:H01M", "IPC:H01M10", 'IPC:"H01M 10/0525"', "ipc:h01m"):
        assert titles(loaded.search(q)) == ["一种锂离子电池正极材料的制备方法"], q
    assert loaded.search("IPC:C10G").total == 1


def test_words_phrases_operators_and_fields(loaded):
    assert loaded.search("锂离子电池 正极").total == 1
    assert loaded.search("电池").total == 1  # a word inside 锂离子电池 (search-mode segmentation)
    assert loaded.search('"正极材料的制备"').total == 1
    assert loaded.search('"制备正极"').total == 0  # phrase order matters
    assert loaded.search("快递柜 OR 液化").total == 2
    assert loaded.search("方法 NOT 液化").total == 1
    assert loaded.search("方法 -液化").total == 1
    assert titles(loaded.search("申请人:神华")) == ["煤直接液化残渣的清洁利用方法"]
    assert loaded.search("发明人:赵六").total == 1
    assert loaded.search("名称:清洁利用").total == 1
    assert loaded.search("法律状态:有效").total == 2
    assert loaded.search("类型:实用新型").total == 1
    assert loaded.search("类型:文档").total == 2
    assert loaded.search("地区:山西省").total == 2
    assert loaded.search("申请日:2017..2019").total == 2
    assert loaded.search("申请日:2019-01").total == 1
    assert loaded.search("公开日:..2012").total == 1
    assert loaded.search("(快递柜 OR 液化) 有限公司").total == 2
    hit = loaded.search("专利法 第二条").hits[0]
    assert hit.type == "document" and hit.section == "第一章 总则 第二条"


@pytest.mark.parametrize("bad", ['"锂离子电池', "(锂离子电池", "锂离子电池)", "NOT", "锂离子电池 NOT",
                                 "名称:", "申请日:abc..", "OR 电池"])
def test_malformed_queries_fall_back_and_say_so(loaded, bad):
    res = loaded.search(bad)
    assert res.fallback and res.notice_zh and "已按普通词语检索" in res.notice_zh
    if "锂离子电池" in bad:
        assert res.total == 1


def test_hits_have_the_json_contract(loaded):
    out = loaded.search("锂离子电池").to_json()
    assert set(out) == {"query", "total", "hits"}
    hit = out["hits"][0]
    for key in ("type", "title", "application_number", "publication_number", "applicants", "ipc",
                "score", "snippet"):
        assert key in hit
    assert hit["application_number"] == "201710601862.3"
    assert hit["applicants"] == ["山西煤炭化学研究所", "太原理工大学"]
    assert hit["ipc"] == ["H01M 4/36", "H01M 10/0525"]
    assert "【锂离子电池】" in hit["snippet"]
    doc = loaded.search("专利权人").to_json()["hits"][0]
    assert doc["type"] == "document" and doc["applicants"] is None and doc["ipc"] is None


def test_facets_filters_and_date_order(loaded):
    res = loaded.search("有限公司 OR 研究所", facets=True, limit=10)
    assert res.total == 3
    facets = dict(res.facets)
    assert ("有效", 2) in facets["legal"]
    assert {"H01M", "C10G", "G07F"} == {v for v, _ in facets["ipc"]}
    assert ("2017", 1) in facets["year"]
    by_date = loaded.search("有限公司 OR 研究所", sort="date")
    assert [h.date for h in by_date.hits] == ["2019-01-04", "2017-07-21", "2010-03-05"]
    assert loaded.search("有限公司 OR 研究所", filters=Filters(year_from=2015)).total == 2
    assert loaded.search("有限公司 OR 研究所", filters=Filters(legal="失效")).total == 1
    assert loaded.search("", filters=Filters(region="山西省")).total == 2
    assert loaded.search("", filters=Filters(kinds=("document",))).total == 2


def test_result_set_pages_and_export_all_hits(loaded, tmp_path):
    rs = loaded.open_results("", filters=Filters(kinds=("patent",)))
    assert rs.total == 3 and len(rs.hits(1, 10)) == 2
    out = loaded.export(rs, tmp_path / "导出.xlsx")
    wb = openpyxl.load_workbook(out)
    sheet, summary = wb.worksheets
    assert sheet.max_row == 4 and sheet["B1"].value == "名称"
    assert summary["A1"].value == "分面"
    values = [[c.value for c in row] for row in summary.iter_rows()]
    assert ["法律状态", "有效", 2] in values


def test_export_cells_are_safe_from_formula_injection(lib, tmp_path):
    path = tmp_path / "evil.csv"
    path.write_text('名称,申请人\n=HYPERLINK("http://x"),"@SUM(1)"\n', encoding="utf-8")
    lib.import_files([path])
    rs = lib.open_results("")
    out = lib.export(rs, tmp_path / "e.xlsx")
    ws = openpyxl.load_workbook(out).worksheets[0]
    assert ws["B2"].value.startswith("'=") and ws["G2"].value.startswith("'@")


def test_title_matches_rank_first(lib, tmp_path):
    path = tmp_path / "rank.jsonl"
    path.write_text('{"title": "一种输送带", "abstract": "本装置用于煤矿，含有液压支架和液压支架控制器。"}\n'
                    '{"title": "液压支架", "abstract": "一种用于煤矿开采的设备。"}\n', encoding="utf-8")
    lib.import_files([path])
    assert titles(lib.search("液压支架")) == ["液压支架", "一种输送带"]


def test_a_single_character_finds_it_inside_words_and_words_rank_first(lib, tmp_path):
    path = tmp_path / "coal.jsonl"
    path.write_text('{"title": "一种煤炭开采装置"}\n{"title": "褐煤提质工艺"}\n'
                    '{"title": "用煤发电的系统"}\n{"title": "地方法规汇编系统"}\n',
                    encoding="utf-8")
    lib.import_files([path])
    res = lib.search("煤")
    assert res.total == 3 and res.hits[0].title == "用煤发电的系统"
    assert {h.title for h in res.hits} == {"一种煤炭开采装置", "褐煤提质工艺", "用煤发电的系统"}
    assert lib.search("方法").total == 1  # inside 地方法规 (no word 方法 there)
    assert lib.search("名称:提质").total == 1 and lib.search("名称:质工").total == 1
    assert lib.search("炭开采").total == 1 and lib.search("炭采").total == 0


def test_optional_scores_add_up_inside_an_and(tmp_path):
    """whoosh's AndMaybe lost its optional score after a skip inside an AND (fixed in
    whoosh_speedups): every hit scores required + optional parts."""
    from whoosh import query as wq
    from whoosh.fields import TEXT, Schema
    from whoosh.filedb.filestore import RamStorage

    import desktop.library.search  # noqa: F401  (applies the fix)

    ix = RamStorage().create_index(Schema(a=TEXT(stored=True), b=TEXT))
    with ix.writer() as w:
        for i in range(300):
            w.add_document(a=f"xx {'zz' if i % 7 == 0 else 'qq'} n{i}", b="yy" if i % 3 == 0 else "ww")
    with ix.searcher() as s:
        maybe = wq.AndMaybe(wq.Term("a", "xx"), wq.Term("b", "yy"))
        both = s.search(wq.And([maybe, wq.Term("a", "zz")]), limit=None)
        alone = {h.docnum: h.score for h in s.search(wq.Term("b", "yy"), limit=None)}
        base = {h.docnum: h.score for h in s.search(wq.And([wq.Term("a", "xx"), wq.Term("a", "zz")]),
                                                    limit=None)}
        assert len(both) == len(base) == 43
        for h in both:
            assert h.score == pytest.approx(base[h.docnum] + alone.get(h.docnum, 0.0))


def test_not_excludes_the_first_record_when_the_excluded_word_starts_earlier():
    """whoosh's AND NOT kept its first record when the excluded side began on an earlier
    document (fixed in whoosh_speedups)."""
    from whoosh import query as wq
    from whoosh.fields import TEXT, Schema
    from whoosh.filedb.filestore import RamStorage

    import desktop.library.search  # noqa: F401  (applies the fix)

    ix = RamStorage().create_index(Schema(a=TEXT(stored=True)))
    with ix.writer() as w:
        for text in ("bb", "aa bb", "aa", "aa bb", "cc"):
            w.add_document(a=text)
    with ix.searcher() as s:
        kept = [h["a"] for h in s.search(wq.AndNot(wq.Term("a", "aa"), wq.Term("a", "bb")))]
        assert kept == ["aa"]


@pytest.mark.parametrize("typed", ["专利号:201710601862.3", "专利号：201710601862.3",
                                   "专利号 201710601862.3", "申请号 ２０１７１０６０１８６２．３",
                                   "2017 1060 1862.3", "公开号：CN 1073 9411 2A"])
def test_a_number_in_any_written_form_is_recognised_and_said(loaded, typed):
    res = loaded.search(typed)
    assert titles(res) == ["一种锂离子电池正极材料的制备方法"], typed
    assert res.notice_zh.startswith("已识别为"), res.notice_zh
    assert "notice" in res.to_json()


def test_a_wrong_check_digit_finds_the_record_and_names_the_right_one(loaded):
    res = loaded.search("201710601862.5")
    assert titles(res) == ["一种锂离子电池正极材料的制备方法"]
    assert "校验位应为 3" in res.notice_zh and "check digit" in res.notice_en
    assert "校验位应为 3" in loaded.search("申请号:201710601862.5").notice_zh
    assert "校验位" not in loaded.search("201710601862.3").notice_zh


def test_an_empty_result_explains_itself(loaded, lib, tmp_path):
    res = loaded.search("申请日:2019..2017")
    assert res.total == 2 and "日期范围前后颠倒" in res.notice_zh and "2017..2019" in res.notice_zh
    missing = loaded.search("专利号 202110987654.8")
    assert missing.total == 0 and "没有申请号为 202110987654.8" in missing.notice_zh
    typo = loaded.search("锂电子电池")
    assert typo.total == 0 and "您是不是要找“锂离子电池”" in typo.notice_zh
    assert "did you mean" in typo.to_json("en")["notice"]
    assert "没有“发明人”符合“钱七”" in loaded.search("发明人:钱七 电池").notice_zh
    path = tmp_path / "pub_only.csv"  # records with a publication date only
    path.write_text("名称,公开日\n一种光伏支架,2021-05-06\n一种光伏逆变器,2022-01-02\n",
                    encoding="utf-8")
    lib.import_files([path])
    res = lib.search("光伏 申请日:2020..2023")
    assert res.total == 0
    assert "2 条记录都没有“申请日”，可改用“公开日:”" in res.notice_zh, res.notice_zh
    assert lib.search("光伏 公开日:2020..2023").total == 2
    assert "notice" not in lib.search("光伏").to_json()


def test_export_has_full_records_real_dates_a_filter_and_no_marks(loaded, tmp_path):
    import datetime as dt

    rs = loaded.open_results("锂离子电池 OR 液化")
    out = loaded.export(rs, tmp_path / "out.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb.worksheets[0]
    head = [c.value for c in ws[1]]
    for name in ("名称", "申请号", "申请日", "公开（公告）日", "发明人", "IPC分类号", "法律状态", "摘要"):
        assert name in head, name
    rows = [dict(zip(head, [c.value for c in r], strict=True)) for r in ws.iter_rows(min_row=2)]
    assert len(rows) == rs.total == 2
    first = next(r for r in rows if r["申请号"] == "201710601862.3")
    assert first["申请日"] == dt.datetime(2017, 7, 21)  # a real date cell
    assert ws.cell(row=2, column=head.index("申请日") + 1).is_date
    assert first["公开（公告）日"] == dt.datetime(2017, 11, 24)
    assert first["发明人"] == "张三; 李四" and first["法律状态"] == "有效"
    assert first["摘要"] == "本发明公开了一种锂离子电池正极材料的制备方法，属于储能技术领域。"
    assert first["IPC分类号"] == "H01M 4/36; H01M 10/0525"
    assert not any("【" in str(v) for r in rows for v in r.values())
    assert ws.auto_filter.ref == "A1:P3" and ws.freeze_panes == "A2"


def test_default_export_name_is_the_query_and_the_day():
    import datetime as dt

    from desktop.library.export import default_name

    name = default_name("申请人:华为 电池/储能")
    assert name == f"检索结果_申请人_华为_电池_储能_{dt.date.today():%Y%m%d}.xlsx"


def test_navigation_report_charts_and_numbers_are_the_facets(loaded, tmp_path):
    import zipfile

    import docx

    rs = loaded.open_results("有限公司 OR 研究所")
    facets = rs.facets(top=200)
    out, sheet = loaded.report(rs, tmp_path / "导航.docx")
    assert out.suffix == ".docx" and sheet == out.with_suffix(".xlsx")
    doc = docx.Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "命中记录：3 条" in text and "主要申请人" in text
    tables = {t.rows[0].cells[0].text: [[c.text for c in r.cells] for r in t.rows[1:]]
              for t in doc.tables}
    assert tables["主要申请人"] == [[k, str(n)] for k, n in facets["applicant"][:10]]
    assert tables["主要IPC小类"] == [[k, str(n)] for k, n in facets["ipc"][:10]]
    assert tables["历年申请量"] == [[k, str(n)] for k, n in sorted(facets["year"])]
    charts = [t for t in ("历年申请量", "主要申请人", "主要IPC小类", "地区分布", "法律状态", "专利类型")
              if t in tables]
    assert len(charts) == 6 and len(doc.inline_shapes) == 6  # one picture per chart
    assert [r[1] for r in tables["序号"]][0] in {h.title for h in rs.hits(0, 3)}
    with zipfile.ZipFile(sheet) as z:
        assert len([n for n in z.namelist() if n.startswith("xl/charts/chart")]) == 6
    wb = openpyxl.load_workbook(sheet)
    rows = [[c.value for c in r] for r in wb["主要申请人"].iter_rows(min_row=2)]
    assert [(k, n) for k, n in rows] == facets["applicant"][:10]


def test_a_result_set_counts_every_hit_now_or_later(lib, tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_text("".join(f'{{"title": "一种储能装置{i}"}}\n' for i in range(450)), encoding="utf-8")
    lib.import_files([path])
    for text in ("", "储能"):
        assert lib.open_results(text).total == 450
        later = lib.open_results(text, count=False)
        assert later.count() == 450 and later.total == 450 and len(later.hits(0, 500)) == 450
    assert lib.search("储能", count=False).total == -1 and lib.search("储能").total == 450


def test_numbers_are_joined_only_when_they_are_numbers():
    from desktop.library.search.numbers import normalise_numbers

    assert normalise_numbers("2020 2023") == ("2020 2023", [])  # two years stay two words
    assert normalise_numbers("电池 2020 1035 8721.5")[0] == "电池 202010358721.5"
    assert normalise_numbers("公告号：CN 1073 9411 2A")[0] == "公开号:CN107394112A"
    assert normalise_numbers("专利号 ZL 2017 1 0601862.3")[0] == "申请号:ZL201710601862.3"


def test_segment_files_are_read_in_place_not_copied():
    """whoosh's BufferFile copied each memory-mapped segment file into a BytesIO (whoosh_speedups
    reads it in place): opening one over 64 MB allocates next to nothing, and reads, lines,
    seeks and pickles read as before."""
    import pickle
    import tracemalloc

    from whoosh.filedb.structfile import BufferFile

    import desktop.library.search  # noqa: F401  (applies the fix)

    big = bytearray(64 * 1024 * 1024)
    tracemalloc.start()
    f = BufferFile(memoryview(big), name="big")
    _now, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 1024 * 1024
    data = b"first line\nsecond\n" + pickle.dumps({"k": [1, 2, 3]}) + b"tail"
    g = BufferFile(memoryview(data))
    assert g.read(5) == b"first" and g.tell() == 5
    assert g.file.readline() == b" line\n" and g.file.readline() == b"second\n"
    assert g.read_pickle() == {"k": [1, 2, 3]}
    assert g.read() == b"tail" and g.read(3) == b""
    g.seek(-4, 2)
    assert g.read(2) == b"ta" and g.get(0, 5) == b"first"
    f.close()
