"""Form generation speed.

    python bench/forms_bench.py [RUNS] [BATCH_ROWS]

Prints JSON lines:

- one DOCX (the pledge form with its example: validate, render, write the file): median
  over RUNS, target ≤ 100 ms; the baseline, measured in the same run, is plain docxtpl
  (``DocxTemplate(path).render(ctx, autoescape=True).save()``: re-reads the template and
  re-compiles its Jinja source every time), and the ratio;
- one full ``generate()`` call (also pre-fill, file naming and the history record);
- a batch of BATCH_ROWS (default 1,000) rows read from an XLSX: wall time, target ≤ 60 s;
  the baseline is plain docxtpl per row, timed on a sample of rows in the same run and
  scaled to the batch size (timing it on all rows would take minutes on a shared machine).
"""

from __future__ import annotations

import copy
import datetime as _dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.app import open_folder  # noqa: E402
from desktop.forms.batch import batch_job  # noqa: E402
from desktop.forms.generate import form_registry, generate  # noqa: E402
from desktop.forms.output import DocMeta, template_context, write_docx  # noqa: E402
from desktop.forms.render_docx import render_docx_naive  # noqa: E402
from desktop.forms.validation import validate_form  # noqa: E402
from desktop.jobs import never_cancelled, no_progress  # noqa: E402

FORM = "patent_pledge"
BASELINE_SAMPLE = 50


def emit(**record: object) -> None:
    sys.stdout.write(json.dumps({"bench": "forms", **record}, ensure_ascii=False) + "\n")


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def batch_workbook(path: Path, example: dict, rows: int) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    keys = [k for k in example if k not in ("pledgors", "patents")] + ["pledgors", "patents"]
    ws.append(keys)
    pledgor = "|".join(str(example["pledgors"][0].get(c, "")) for c in
                       ("name", "id_number", "address", "phone"))
    patents = "\n".join("|".join(str(p[c]) for c in ("appno", "title", "patentees",
                                                     "filing_date", "grant_date"))
                        for p in example["patents"])
    for i in range(rows):
        values = [example[k] for k in keys[:-2]]
        values[keys.index("contract_no")] = f"JS-2026-{i:05d}"
        ws.append([("是" if v else "否") if isinstance(v, bool)
                   else "、".join(v) if isinstance(v, list) else v for v in values]
                  + [pledgor, patents])
    wb.save(path)


def main(runs: int = 30, batch_rows: int = 1000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ctx = open_folder(root / "data")
        form = form_registry(ctx).get(FORM)
        example = copy.deepcopy(form.spec.example)
        meta = DocMeta(_dt.date.today(), "基准测试服务站", "客户")
        out = root / "one.docx"

        def ours() -> None:
            write_docx(out, validate_form(form.spec, example), form, meta)

        def naive() -> None:
            res = validate_form(form.spec, example)
            out.write_bytes(render_docx_naive(form.template_path,
                                              template_context(res, form, meta)))

        ours()  # first call compiles and caches the template
        naive()
        ours_times = [timed(ours) for _ in range(runs)]
        naive_times = [timed(naive) for _ in range(runs)]
        med, base = statistics.median(ours_times), statistics.median(naive_times)
        emit(metric="docx_single_median_ms", value=round(med * 1000, 2), runs=runs,
             target_ms=100, ok=med <= 0.1, form=FORM)
        emit(metric="docx_single_baseline_plain_docxtpl_median_ms", value=round(base * 1000, 2),
             runs=runs)
        emit(metric="docx_single_ratio_baseline_to_ours", value=round(base / med, 2))
        gen_times = [timed(lambda: generate(ctx, FORM, example, folder=root / "gen"))
                     for _ in range(runs)]
        emit(metric="generate_call_median_ms", value=round(statistics.median(gen_times) * 1000, 2),
             runs=runs, note="validate + render + write + history record")

        src = root / "batch.xlsx"
        batch_workbook(src, example, batch_rows)
        start = time.perf_counter()
        report = batch_job(ctx, FORM, src, root / "batch")(no_progress, never_cancelled)
        batch_s = time.perf_counter() - start
        assert len(report.generated) == batch_rows and not report.failed, report.failed[:3]
        sample = [timed(naive) for _ in range(BASELINE_SAMPLE)]
        base_batch = statistics.mean(sample) * batch_rows
        emit(metric="batch_s", value=round(batch_s, 2), rows=batch_rows, target_s=60,
             ok=batch_s <= 60, processes=1, note="read XLSX, validate, render, write, record")
        emit(metric="batch_baseline_plain_docxtpl_s", value=round(base_batch, 2),
             rows=batch_rows, measured_rows=BASELINE_SAMPLE,
             note="mean of the measured rows times the batch size")
        emit(metric="batch_ratio_baseline_to_ours", value=round(base_batch / batch_s, 2))
        ctx.close()


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
