"""Sample patent rows and a small XLSX writer shared by the library tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

CNIPA_HEADERS = ["发明名称", "申请号", "申请日", "公开（公告）号", "公开（公告）日", "IPC分类号",
                 "申请（专利权）人", "发明人", "摘要", "法律状态", "申请人所在国（省）", "备注"]
PATENTS = [
    ["一种锂离子电池正极材料的制备方法", "201710601862.3", "2017-07-21", "CN107394112A",
     "2017.11.24", "H01M 4/36; H01M 10/0525", "山西煤炭化学研究所；太原理工大学", "张三、李四",
     "本发明公开了一种锂离子电池正极材料的制备方法，属于储能技术领域。", "有效", "山西省", "样品"],
    ["煤直接液化残渣的清洁利用方法", "CN201080063196.9", 20100305, "CN102822194A", "20121212",
     "C10G 1/06", "中国神华能源股份有限公司", "王五", "煤炭清洁利用：本方法将煤直接液化残渣气化。",
     "失效", "北京", None],
    ["一种智能快递柜", "2019 2 0012345", "2019年1月4日", "CN209000001U", "2019/9/3",
     "G07F 17/12", "太原某某科技有限公司", "赵六", "一种智能快递柜，包括柜体和控制装置。", "有效",
     "山西", "=HYPERLINK(\"x\")"],
]


def write_xlsx(path: Path, rows: list[list[Any]], *, title_row: str | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    if title_row:
        ws.append([title_row])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=4)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path
