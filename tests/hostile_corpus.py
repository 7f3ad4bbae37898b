"""A generator of hostile inputs for the command line (nothing large is kept in git).

``build(root)`` writes every file under ``root`` and returns the :class:`Case` list: the
command to run, the exit codes a correct program gives, and text the output must (or must
not) hold.  ``tests/test_hostile_inputs.py`` runs them; ``bench/hostile_bench.py`` measures
peak memory on the largest.  Kinds: damaged containers (DOCX, XLSX, zip, XML), CSV quoting,
huge cells and fields, merged cells, implausible dates, deep and huge JSON, long and deeply
nested queries, XML-illegal characters in data that is written back out, file names with
newlines, a garbage or truncated database.
"""

from __future__ import annotations

import io
import json
import os
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HEADERS = ["发明名称", "申请号", "申请日", "申请（专利权）人", "摘要"]
GOOD = [
    ["一种锂离子电池正极材料", "201710601862.3", "2017-07-21", "山西煤化所", "储能技术"],
    ["煤直接液化残渣的清洁利用方法", "CN201080063196.9", "2010-03-05", "中国神华", "煤炭清洁利用"],
    ["一种智能快递柜", "2019 2 0012345", "2019-01-04", "太原某科技", "快递柜"],
]
ILLEGAL = "控制\x01字符\x0b与\ufffe非字符\uffff及\x7f"  # XML 1.0 forbids most of these


@dataclass
class Case:
    name: str
    argv: list[str]
    data_dir: Path
    exits: tuple[int, ...] = (2,)
    must: tuple[str, ...] = ()  # substrings the output (stdout+stderr) must contain
    stdin: str | None = None
    after: Callable[[], str | None] | None = None  # extra check: a failure message or None
    tags: set[str] = field(default_factory=set)


# -- writers ---------------------------------------------------------------------------

def _xlsx(path: Path, rows: list[list[object]], merge: str | None = None) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    if merge:
        ws.merge_cells(merge)
    wb.save(path)
    return path


def _rewrite_zip(src: Path, dst: Path, change: Callable[[str, bytes], bytes | None]) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info.filename))
            if data is not None:
                zout.writestr(info.filename, data, compress_type=zipfile.ZIP_DEFLATED,
                              compresslevel=9)
    return dst


def _shared_strings(src: Path, dst: Path, blow_up: tuple[str, str] | None = None) -> Path:
    """``src`` rewritten with its inline strings moved to a shared-string table (as Excel
    writes them); ``blow_up=(old, new)`` replaces one string's text."""
    import re

    found: list[str] = []

    def cell(m: re.Match[str]) -> str:
        text = m.group(3)
        if blow_up and text == blow_up[0]:
            text = blow_up[1]
        found.append(text)
        return f'<c {m.group(1)}t="s"{m.group(2)}><v>{len(found) - 1}</v></c>'

    def change(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            return re.sub(r'<c ([^>]*?)t="inlineStr"([^>]*)><is><t[^>]*>(.*?)</t></is></c>', cell,
                          data.decode()).encode()
        if name == "[Content_Types].xml":
            return data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" '
                                b'ContentType="application/vnd.openxmlformats-officedocument.'
                                b'spreadsheetml.sharedStrings+xml"/></Types>')
        if name == "xl/_rels/workbook.xml.rels":
            return data.replace(b"</Relationships>", b'<Relationship Id="rIdSS" Type="http://'
                                b'schemas.openxmlformats.org/officeDocument/2006/relationships/'
                                b'sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        return data

    _rewrite_zip(src, dst, change)
    table = "".join(f"<si><t>{t}</t></si>" for t in found)
    with zipfile.ZipFile(dst, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("xl/sharedStrings.xml", '<sst xmlns="http://schemas.openxmlformats.org/'
                   f'spreadsheetml/2006/main" count="{len(found)}" uniqueCount="{len(found)}">'
                   f"{table}</sst>")
    return dst


def _shared_string_bomb(path: Path, chars: int) -> Path:
    """A small XLSX whose one shared string expands to ``chars`` characters."""
    base = _xlsx(path.with_suffix(".base.xlsx"), [HEADERS, ["x", "201710601862.3"]])
    _shared_strings(base, path, ("x", "专" * chars))
    base.unlink()
    return path


def _sheet_bomb(path: Path, rows: int) -> Path:
    """A small XLSX whose sheet XML repeats one row ``rows`` times (a zip bomb)."""
    base = _xlsx(path.with_suffix(".base.xlsx"), [HEADERS, GOOD[0]])

    def change(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            text = data.decode()
            start, end = text.index('<row r="2"'), text.index("</sheetData>")
            row = text[start:end]
            return (text[:start] + row * rows + text[end:]).encode()
        return data

    _rewrite_zip(base, path, change)
    base.unlink()
    return path


def _docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(str(path))
    return path


def _csv(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes("\n".join(lines).encode(encoding) + b"\n")
    return path


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


# -- the corpus ------------------------------------------------------------------------

def build(root: Path, *, big: bool = False) -> list[Case]:
    """Write the hostile files under ``root``; ``big`` adds the memory-hungry ones (bench)."""
    root.mkdir(parents=True, exist_ok=True)
    f = root / "files"
    f.mkdir(exist_ok=True)
    (root / "out").mkdir(exist_ok=True)
    data = root / "data"  # one data folder for the import/search/forms cases
    rnd = random.Random(13)
    cases: list[Case] = []

    def imp(name: str, path: Path, *extra: str, exits: tuple[int, ...] = (2,),
            must: tuple[str, ...] = (), tags: set[str] | None = None) -> None:
        cases.append(Case(name, ["import", str(path), *extra], data, exits, must,
                          tags=tags or {"import"}))

    # containers that are not what their name says
    garbage = bytes(rnd.getrandbits(8) for _ in range(4096))
    good_docx = _docx(f / "good.docx", ["第一条 为了保护专利权人的合法权益。", "第二条 本法所称发明。"])
    good_xlsx = _shared_strings(_xlsx(f / "inline.xlsx", [HEADERS, *GOOD]), f / "good.xlsx")
    for suffix in (".docx", ".xlsx", ".csv", ".jsonl", ".txt", ".md"):
        p = f / f"random{suffix}"
        p.write_bytes(garbage)
        imp(f"random bytes {suffix}", p)
        e = f / f"empty{suffix}"
        e.write_bytes(b"")
        imp(f"empty {suffix}", e)
    (f / "text_as.docx").write_text("这只是一段文字，不是Word文档。\n", encoding="utf-8")
    imp("plain text renamed .docx", f / "text_as.docx")
    (f / "text_as.xlsx").write_text("发明名称,申请号\n一种电池,201710601862.3\n", encoding="utf-8")
    imp("CSV renamed .xlsx", f / "text_as.xlsx")
    for src in (good_docx, good_xlsx):
        cut = f / f"truncated{src.suffix}"
        cut.write_bytes(src.read_bytes()[: src.stat().st_size // 2])
        imp(f"truncated {src.suffix}", cut)
    zip_only = f / "zip_no_parts.docx"
    with zipfile.ZipFile(zip_only, "w") as z:
        z.writestr("hello.txt", "not a document")
    imp("zip without Word parts", zip_only)
    xlsx_zip = f / "zip_no_parts.xlsx"
    with zipfile.ZipFile(xlsx_zip, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    imp("zip without workbook parts", xlsx_zip)

    def cut_sheet(name: str, data: bytes) -> bytes:
        return data[: len(data) * 2 // 3] if name == "xl/worksheets/sheet1.xml" else data

    imp("XLSX sheet XML breaks off", _rewrite_zip(good_xlsx, f / "broken_sheet.xlsx", cut_sheet))

    def cut_strings(name: str, data: bytes) -> bytes:
        return data[: len(data) // 2] if name == "xl/sharedStrings.xml" else data

    imp("XLSX shared strings break off",
        _rewrite_zip(good_xlsx, f / "broken_strings.xlsx", cut_strings))

    def bad_doc_xml(name: str, data: bytes) -> bytes:
        return data[: len(data) // 2] if name == "word/document.xml" else data

    imp("DOCX document XML breaks off", _rewrite_zip(good_docx, f / "broken_xml.docx",
                                                     bad_doc_xml), "--kind", "documents")
    raw = bytearray(good_xlsx.read_bytes())
    for i in range(200, min(len(raw), 2000), 7):
        raw[i] ^= 0x5A
    (f / "flipped.xlsx").write_bytes(bytes(raw))
    imp("XLSX with flipped bytes (bad CRC / deflate)", f / "flipped.xlsx")
    imp("XLSX shared string 64 MB (bomb)", _shared_string_bomb(f / "ss_bomb.xlsx", 2 ** 22 * 4),
        tags={"import", "memory"})
    imp("XLSX shared string 18 MB (under the bomb limit)",
        _shared_string_bomb(f / "ss_big.xlsx", 6_000_000), must=("第2行", "32,767"),
        tags={"import", "memory"})
    imp("XLSX sheet zip bomb", _sheet_bomb(f / "sheet_bomb.xlsx", 60_000 if not big else 400_000),
        exits=(0, 2), tags={"import", "memory"})
    base = _xlsx(f / "huge_base.xlsx", [HEADERS, GOOD[0], ["BIG", "201920012345"], GOOD[1]])
    imp("XLSX cell over the cell limit (shared string)",
        _shared_strings(base, f / "huge_cell.xlsx", ("BIG", "很长" * 20000)), must=("第3行",))

    def inline_big(name: str, data: bytes) -> bytes:
        return data.replace(b"<t>BIG</t>", ("<t>" + "长" * 40000 + "</t>").encode()) \
            if name == "xl/worksheets/sheet1.xml" else data

    imp("XLSX cell over the cell limit (inline string)",
        _rewrite_zip(base, f / "huge_inline.xlsx", inline_big), must=("第3行",))

    # CSV quoting and sizes
    imp("CSV unclosed quote", _csv(f / "unclosed.csv", [
        ",".join(HEADERS), ",".join(GOOD[0]), '"一种没有闭合引号的名称,201310000001.X,2013-01-01',
        *[f"一种装置{i},2014100000{i:02d},2014-01-01,某公司,摘要" for i in range(13)]]),
        must=("第3行",))
    imp("CSV 5 MB cell", _csv(f / "huge_cell.csv", [
        ",".join(HEADERS), ",".join(GOOD[0]), "一种大单元格," + "2015100000011,2015-01-01,某公司,"
        + "长" * 5_000_000, ",".join(GOOD[1])]), must=("第3行",))
    imp("CSV NUL bytes", _csv(f / "nul.csv", [",".join(HEADERS), "a\x00b,1,2,3,4"]))
    imp("CSV mixed encodings", f / "mixed.csv", must=())
    (f / "mixed.csv").write_bytes(",".join(HEADERS).encode() + b"\n" + "一种电池,201710601862.3"
                                  .encode("gb18030") + b"\n\xff\xfe\xfa\n")
    imp("CSV implausible dates", _csv(f / "dates.csv", [
        ",".join(HEADERS), "一种未来的电池,201710601862.3,2189-01-01,某公司,x",
        "一种古老的电池,201910012345,1066-10-14,某公司,x"]), exits=(0, 2), must=("日期",))
    imp("CSV only a header", _csv(f / "header_only.csv", [",".join(HEADERS)]), exits=(0, 2))
    imp("CSV control characters", _csv(f / "control.csv", [
        ",".join(HEADERS), f"一种{ILLEGAL}电池,201710601862.3,2017-07-21,某公司,摘要"]), exits=(0,))

    # JSON lines
    jl = f / "hostile.jsonl"
    jl.write_text("\n".join([
        json.dumps({"title": "一种电池", "application_number": "201710601862.3"}, ensure_ascii=False),
        _nested(100_000), "9" * 5000, '{"title": ' + "9" * 5000 + "}",
        '{"title": "未闭合', json.dumps({"title": "长" * 100_000}, ensure_ascii=False),
        json.dumps({"title": {"a": [1, {"b": 2}]}}, ensure_ascii=False),
    ]), encoding="utf-8")
    imp("JSONL deep, huge number, broken, huge field", jl, must=("第2行",))
    long_line = f / "long_line.jsonl"
    with long_line.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"title": "一种电池", "application_number": "201710601862.3"},
                            ensure_ascii=False) + "\n")
        fh.write('{"title": "' + "长" * (120_000_000 if big else 6_000_000) + '"}\n')
        fh.write(json.dumps({"title": "一种智能快递柜", "application_number": "201920012345"},
                            ensure_ascii=False) + "\n")
    imp("JSONL with one line of 18 MB (or 360 MB)", long_line, must=("第2行",),
        tags={"import", "memory"})

    # merged cells over several rows
    merged = _xlsx(f / "merged.xlsx", [HEADERS, ["一种电池A", "201710601862.3", "", "合并申请人"],
                                       ["一种电池B", "201910012345"], ["一种电池C", "201080063196.9"]],
                   merge="D2:D4")
    cases.append(Case("XLSX merged cells", ["import", str(merged), "--json"], root / "merged",
                      (0,), ('"added": 3',), after=_search_count(root / "merged", "申请人:合并申请人", 3),
                      tags={"import"}))

    # a file name with a newline
    nl = f / "两行\n名字.csv"
    nl.write_bytes(garbage)
    cases.append(Case("file name with newline", ["import", str(nl)], data, (2,),
                      tags={"import", "one-line"}))

    # documents
    big_md = f / "huge_line.md"
    big_md.write_text("# 标题\n" + "很长的一行" * 400_000 + "\n", encoding="utf-8")
    imp("Markdown with a 2M-char line", big_md, "--kind", "documents", exits=(0, 2))

    # a DOCX whose document part is a zip bomb
    def docx_bomb(name: str, data: bytes) -> bytes:
        if name == "word/document.xml":
            return data.replace(b"</w:body>", b"<w:p/>" * 5_000_000 + b"</w:body>")
        return data

    imp("DOCX zip bomb", _rewrite_zip(good_docx, f / "bomb.docx", docx_bomb), "--kind",
        "documents", tags={"import", "memory"})
    cnki = f / "cnki_garbage.txt"
    cnki.write_text("[1]张三. 一种电池[P]. 山西：CN1234567A,2020-01-01.\n[2" + "乱码" * 5000 + "\n",
                    encoding="utf-8")
    imp("CNKI export with a broken entry", cnki, "--kind", "patents", exits=(0, 2))
    mixed = f / "mixed_folder"
    mixed.mkdir(exist_ok=True)
    for src in ("random.docx", "truncated.xlsx", "unclosed.csv", "good.xlsx"):
        (mixed / src).write_bytes((f / src).read_bytes())
    imp("a folder of good and hostile files", mixed, must=("random.docx", "truncated.xlsx"))

    # forms --data
    form = "bibliographic_change"
    for name, text in [("forms: 100,000 nested brackets", _nested(100_000)),
                       ("forms: 100,000 nested objects", '{"a":' * 100_000 + "1" + "}" * 100_000),
                       ("forms: 5,000-digit number", '{"appno": ' + "9" * 5000 + "}"),
                       ("forms: not an object", "[1, 2, 3]"),
                       ("forms: huge file", '{"title": "' + "长" * 3_000_000 + '"}'),
                       ("forms: invalid UTF-8", None)]:
        p = f / f"form_{len(cases)}.json"
        if text is None:
            p.write_bytes(b'{"title": "\xff\xfe"}')
        else:
            p.write_text(text, encoding="utf-8")
        cases.append(Case(name, ["forms", "fill", form, "--data", str(p), "-o",
                                 str(root / "out" / f"f{len(cases)}.docx")], data, (2,),
                          tags={"forms"}))
    example = {"appno": "202220678901.6", "title": f"一种{ILLEGAL}醋坛密封盖",
               "change_item": "申请人或专利权人", "reason": "转让", "before": "郭志强",
               "after": "平遥古城老陈醋坊有限公司", "requester_name": f"平遥{ILLEGAL}老陈醋坊",
               "requester_id": "91140000701012345B", "contact_person": "郭经理",
               "phone": "0354-5671234", "address": "山西省晋中市平遥县古陶镇南大街12号"}
    ctl = f / "form_control.json"
    ctl.write_text(json.dumps(example, ensure_ascii=False), encoding="utf-8")
    for fmt in ("docx", "xlsx"):
        out = root / "out" / f"control.{fmt}"
        cases.append(Case(f"forms: control and non-characters -> {fmt}",
                          ["forms", "fill", form, "--data", str(ctl), "-o", str(out)], data,
                          (0, 2), after=_well_formed(out), tags={"forms", "writer"}))

    # queries
    cases.append(Case("query: 10,000 characters", ["search", "专利" * 5000], data, (0, 2),
                      tags={"search"}))
    cases.append(Case("query: 100,000 characters", ["search", "a " * 50_000], data, (0, 2),
                      tags={"search"}))
    cases.append(Case("query: 5,000 nested brackets", ["search", "(" * 5000 + "电池" + ")" * 5000],
                      data, (0, 2), tags={"search"}))
    for label, q in (("400 nested brackets", "(" * 400 + "电池" + ")" * 400),
                     ("unbalanced brackets", "((((电池 OR 锂电"), ("400 NOTs", "NOT " * 400 + "电池"),
                     ("350 distinct words", " ".join(f"w{i}" for i in range(350))),
                     ("one word 900 times", "专利" * 900),
                     ("control characters", f"电池{ILLEGAL}")):
        cases.append(Case(f"query: {label}", ["search", q], data, (0,), tags={"search"}))
    cases.append(Case("query: 3,000 NOTs", ["search", "NOT " * 3000 + "电池"], data, (0, 2),
                      tags={"search"}))
    cases.append(Case("query: field group nesting", ["search", "名称:(" * 2000 + "电池"], data,
                      (0, 2), tags={"search"}))
    batch = f / "queries.txt"
    batch.write_text("\n".join(["(" * 3000 + "x", "专利" * 6000, '"' * 999, "名称:", "申请日:99999..",
                                "IPC:" + "H" * 5000, "a OR " * 2000 + "b", f"电池{ILLEGAL}",
                                "-" * 3000, "申请日:2020-13..2021", "年份:0000"]),
                     encoding="utf-8")
    cases.append(Case("query batch: hostile lines", ["search", "--batch", str(batch), "--json"],
                      data, (0, 2), tags={"search"}))
    cases.append(Case("search export with control characters in titles",
                      ["search", "电池", "--export", str(root / "out" / "export.xlsx")], data,
                      (0,), after=_well_formed(root / "out" / "export.xlsx"),
                      tags={"search", "writer"}))

    cases.append(Case("search export into a missing folder",
                      ["search", "电池", "--export", str(root / "no" / "such" / "x.xlsx")], data,
                      (0, 2), tags={"search", "writer"}))
    client_big = _shared_strings(_xlsx(f / "clients_base.xlsx", [["名称", "电话"], ["BIG", "13812345678"],
                                                                  ["山西某科技有限公司", "13812345679"]]),
                                 f / "clients_huge.xlsx", ("BIG", "名" * 40_000))
    cases.append(Case("clients import: cell over the limit", ["clients", "import", str(client_big)],
                      data, (0, 2), ("32,767",), tags={"sheets"}))

    # other importers of spreadsheets
    for cmd in (["clients", "import"], ["visits", "import"], ["catalogue", "import", "--dry-run"],
                ["forms", "batch", form, "-o", str(root / "out" / "batch")]):
        for label, path in (("random bytes", f / "random.xlsx"), ("truncated", f / "truncated.xlsx"),
                            ("broken sheet XML", f / "broken_sheet.xlsx"),
                            ("shared-string bomb", f / "ss_bomb.xlsx")):
            argv = [*cmd[:2], str(path), *cmd[2:]] if cmd[0] != "forms" else \
                [*cmd[:3], "--data", str(path), *cmd[3:]]
            cases.append(Case(f"{' '.join(cmd[:2])}: {label}", argv, data, (2,),
                              tags={"sheets"}))
    huge_item = f / "catalogue_huge.xlsx"
    capture_run(["--data-dir", str(data), "catalogue", "export", str(huge_item)])
    import openpyxl

    wb = openpyxl.load_workbook(huge_item)
    ws = wb.worksheets[0]
    col = [c.value for c in ws[1]].index("事项名称") + 1
    ws.cell(2, col).value = "名" * (16_000_000 if big else 40_000)
    wb.save(huge_item)
    cases.append(Case("catalogue: huge item name", ["catalogue", "import", str(huge_item),
                                                    "--dry-run"], data, (2,), ("100",),
                      tags={"sheets"}))

    # a damaged database, each in its own data folder
    for label, content in (("garbage", garbage * 8), ("truncated", None)):
        d = root / f"db_{label}"
        d.mkdir(exist_ok=True)
        cases.append(Case(f"database file {label}", ["clients", "list"], d, (2,),
                          must=("backups",), tags={"database"}))
        if content is None:
            content = _truncated_database(root / "db_source")
        (d / "ipdesk.sqlite3").write_bytes(content)
    return cases


def _truncated_database(folder: Path) -> bytes:
    """A real, migrated database file cut after its first third."""
    from desktop.app import open_folder

    ctx = open_folder(folder)
    ctx.close()
    blob = (folder / "ipdesk.sqlite3").read_bytes()
    return blob[: max(4096, len(blob) // 3)]


def _well_formed(path: Path) -> Callable[[], str | None]:
    def check() -> str | None:
        if not path.exists():
            return None  # refused with a message: fine
        from xml.dom import minidom

        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.endswith(".xml") or name.endswith(".rels"):
                    try:
                        minidom.parseString(z.read(name))
                    except Exception as exc:  # noqa: BLE001 - any parse failure is the finding
                        return f"{name} in {path.name} is not well-formed XML: {exc}"
        return None

    return check


def _search_count(data_dir: Path, query: str, expected: int) -> Callable[[], str | None]:
    def check() -> str | None:
        code, out = capture_run(["--data-dir", str(data_dir), "search", query, "--json"])
        total = json.JSONDecoder().raw_decode(out[out.index("{"):])[0].get("total") \
            if code == 0 else None
        return None if total == expected else f"{query!r} found {total}, expected {expected}"

    return check


def seed_library(data_dir: Path) -> None:
    """Records whose titles hold XML-illegal characters (for the export case)."""
    from desktop.app import open_folder
    from desktop.library import api as library

    p = data_dir.parent / "files" / "seed.csv"
    p.write_text(",".join(HEADERS) + "\n" + f"一种{ILLEGAL}电池,201710601862.3,2017-07-21,某公司,"
                 f"摘要{ILLEGAL}\n", encoding="utf-8")
    ctx = open_folder(data_dir)
    try:
        library.import_files(ctx, [p])
    finally:
        ctx.close()


def capture_run(argv: list[str], stdin: str | None = None) -> tuple[int, str]:
    """Run the CLI in this process; the exit code and everything it wrote."""
    import contextlib
    import sys

    from desktop.cli import main

    out, err = io.StringIO(), io.StringIO()
    old_in = sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:
                code = int(exc.code or 0)
    finally:
        sys.stdin = old_in
    return code, out.getvalue() + err.getvalue()


__all__ = ["Case", "build", "capture_run", "seed_library"]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
