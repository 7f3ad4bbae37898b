"""Importing real-world files: XLSX exports, CSV in several encodings, JSONL, CNKI, documents,
and the bad input a desk sees."""

from __future__ import annotations

import json

import pytest
from library_samples import CNIPA_HEADERS, PATENTS, write_xlsx
from sqlalchemy import select

from db.models.library import LibraryRecord
from desktop.errors import UserError
from desktop.library.importers.columns import UnrecognisedColumns, save_mapping
from desktop.library.importers.documents import read_document
from desktop.library.importing import import_paths


def rows(ctx) -> list[LibraryRecord]:  # type: ignore[no-untyped-def]
    with ctx.db.session() as s:
        return list(s.scalars(select(LibraryRecord).order_by(LibraryRecord.id)))


def test_cnipa_xlsx_with_title_row_merged_cells_and_extras(ctx, patent_xlsx):
    rep = import_paths(ctx, [patent_xlsx])
    assert (rep.added, rep.rejected) == (3, 0)
    recs = rows(ctx)
    first = recs[0]
    assert first.application_number == "201710601862.3"
    assert first.applicants == "山西煤炭化学研究所; 太原理工大学"
    assert str(first.application_date) == "2017-07-21" and str(first.publication_date) == "2017-11-24"
    assert first.region == "山西" and first.legal_status == "有效"
    assert json.loads(first.extra) == {"备注": "样品"}  # unknown column kept
    second = recs[1]
    assert second.application_number == "201080063196.9" and str(second.application_date) == "2010-03-05"
    third = recs[2]
    assert third.application_number.startswith("201920012345.") and third.patent_type == "实用新型"
    assert str(third.application_date) == "2019-01-04"
    assert first.collection == "cnipa_export"


def test_rows_with_problems_are_reported_and_good_rows_kept(ctx, tmp_path):
    path = write_xlsx(tmp_path / "half.xlsx", [
        CNIPA_HEADERS, PATENTS[0], [None, "201710601862.3"], [None] * 5, PATENTS[1],
        ["坏校验位专利", "202210123456.7"],
    ])
    rep = import_paths(ctx, [path])
    assert (rep.added, rep.rejected) == (3, 1)
    assert rep.problems[0].row == 3 and rep.problems[0].field == "title"
    assert "第3行" in rep.problems[0].text("zh")
    flagged = [r for r in rows(ctx) if r.title == "坏校验位专利"][0]
    assert flagged.application_number == "202210123456.1" and "校验位" in flagged.flags


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_csv_encodings_are_detected(ctx, tmp_path, encoding):
    path = tmp_path / f"list_{encoding}.csv"
    text = "专利名称,申请号,申请人,主分类号\n一种煤矸石制砖方法,201710601862.3,晋能控股;山西大学,C04B 33/132\n"
    path.write_bytes(text.encode(encoding))
    rep = import_paths(ctx, [path])
    assert rep.added == 1 and rep.files[0].encoding.startswith(
        "utf-8" if encoding.startswith("utf") else "gb18030")
    rec = rows(ctx)[0]
    assert rec.title == "一种煤矸石制砖方法" and rec.applicants == "晋能控股; 山西大学"


def test_csv_with_a_line_in_another_encoding_keeps_it(ctx, tmp_path):
    path = tmp_path / "mixed.csv"
    head = "标题,公开号\n一种太阳能支架,CN209000001U\n".encode()
    gbk_line = "一种风力发电叶片,CN209000002U\n".encode("gbk")
    path.write_bytes(head + gbk_line)
    rep = import_paths(ctx, [path])
    assert rep.added == 2
    assert {r.title for r in rows(ctx)} == {"一种太阳能支架", "一种风力发电叶片"}


def test_jsonl_with_a_broken_line(ctx, tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text('{"title": "甲", "assignee": "A公司", "id": "x1"}\nnot json\n'
                    '{"title": "乙", "assignee": "B公司", "id": "x2"}\n', encoding="utf-8")
    rep = import_paths(ctx, [path])
    assert (rep.added, rep.rejected) == (2, 1) and rep.problems[0].row == 2


def test_cnki_export_crlf_and_wrapped_lines(ctx, tmp_path):
    text = ("[1]张三,李四. 一种乳腺癌标志物检测试剂盒[P]. 江苏：CN105648072A,2016-06-08.\r\n\r\n"
            "[2]E·M·多鲁森,A·M·多荷提,\r\nJ·S·卡藤伯罗恩. 作为α<sub>4</sub>受体配体的化合物[P]. "
            "美国：CN102741239A,2012-10-17.\r\n[3]garbage line\r\n")
    path = tmp_path / "CNKI-1.txt"
    path.write_bytes(text.encode("utf-8"))
    rep = import_paths(ctx, [path])
    assert (rep.added, rep.rejected) == (2, 1)
    recs = rows(ctx)
    assert recs[0].region == "江苏" and recs[0].publication_number == "CN105648072A"
    assert recs[1].title == "作为α4受体配体的化合物"
    assert recs[1].inventors == "E·M·多鲁森; A·M·多荷提; J·S·卡藤伯罗恩"


def test_documents_split_into_articles(tmp_path):
    doc = tmp_path / "专利法(2020-10-17).md"
    doc.write_text("# 中华人民共和国专利法\n\n2020年修正\n\n## 第一章 总则\n\n"
                   "第一条 为了保护专利权人的合法权益，制定本法。"
                   "\n\n第二条 本法所称的发明创造是指发明、实用新型和外观设计。\n\n发明，是指……\n\n"
                   "## 第二章 授予专利权的条件\n\n第二十二条 授予专利权的发明和实用新型，应当具备新颖性。\n",
                   encoding="utf-8")
    recs = list(read_document(doc))
    assert [r.section for r in recs] == ["前言", "第一章 总则 第一条", "第一章 总则 第二条",
                                         "第二章 授予专利权的条件 第二十二条"]
    assert recs[2].title == "中华人民共和国专利法 第二条" and "发明，是指" in recs[2].body
    assert str(recs[1].publication_date) == "2020-10-17"


def test_policy_text_split_at_outline_headings_and_docx(tmp_path):
    import docx

    txt = tmp_path / "纲要.txt"
    txt.write_bytes("知识产权强省建设纲要\n\n一、总体要求\n\n（一）指导思想\n\n坚持创新。\n\n（二）工作原则\n\n"
                    "坚持依法保护。\n\n二、重点任务\n\n加强保护。\n".encode("gb18030"))
    recs = list(read_document(txt))
    assert [r.section for r in recs] == ["前言", "一、总体要求 （一）指导思想", "一、总体要求 （二）工作原则",
                                         "二、重点任务"]
    d = docx.Document()
    d.add_heading("典型案例", level=1)
    d.add_paragraph("案情简介：某公司侵犯专利权。")
    d.add_heading("裁判要旨", level=2)
    d.add_paragraph("判决停止侵权并赔偿损失。")
    path = tmp_path / "案例.docx"
    d.save(path)
    recs = list(read_document(path))
    assert [r.section for r in recs] == ["前言", "裁判要旨"]
    assert recs[0].doc_title == "典型案例"


def test_not_an_xlsx_and_truncated_xlsx(ctx, tmp_path, patent_xlsx):
    fake = tmp_path / "fake.xlsx"
    fake.write_text("this is not a workbook", encoding="utf-8")
    with pytest.raises(UserError) as e:
        import_paths(ctx, [fake])
    assert "XLSX" in e.value.zh and e.value.file == str(fake)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(patent_xlsx.read_bytes()[:2000])
    with pytest.raises(UserError):
        import_paths(ctx, [cut])
    # several files: the bad one is reported, the good one imported
    rep = import_paths(ctx, [fake, patent_xlsx])
    assert rep.added == 3 and len(rep.failed_files) == 1 and not rep.ok


def test_unrecognised_sheet_then_mapping_saved_for_next_time(ctx, tmp_path):
    path = write_xlsx(tmp_path / "odd.xlsx", [["专利题目", "号码", "单位"],
                                               ["一种焦炉煤气净化装置", "201710601862.3", "甲厂"]])
    with pytest.raises(UnrecognisedColumns) as e:
        import_paths(ctx, [path])
    assert e.value.plan.headers == ["专利题目", "号码", "单位"]
    mapping = {"专利题目": "title", "号码": "application_number", "单位": "applicants"}
    save_mapping(ctx.paths.user_dir, e.value.plan.headers, mapping)
    rep = import_paths(ctx, [path])
    assert rep.added == 1 and rows(ctx)[0].applicants == "甲厂"


def test_formula_cells_are_read_as_values_not_formulas(ctx, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["名称", "申请号"])
    ws.append(["=1+1", "201710601862.3"])  # a formula with no cached value
    ws.append(["一种装置", "201080063196.9"])
    wb.save(tmp_path / "f.xlsx")
    rep = import_paths(ctx, [tmp_path / "f.xlsx"])
    assert rep.added == 1 and rep.rejected == 1
