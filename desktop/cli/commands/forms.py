"""``forms``: list, describe, fill and batch-generate the filing forms.

    forms list [--json]
    forms schema FORM_ID [--json]
    forms example FORM_ID
    forms fill FORM_ID --data FILE.json [--client ID] -o OUT.docx|OUT.xlsx
    forms batch FORM_ID --data FILE.xlsx -o DIR [--format docx|xlsx] [--client ID]
    forms batch-template FORM_ID -o FILE.xlsx
    forms history [--form FORM_ID] [--client ID] [--json]
    forms record RECORD_ID
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from desktop.cli.env import CommandEnv
from desktop.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    from desktop.cli import add_command

    p = add_command(sub, "forms", "常用申请表单 / filing forms (list, schema, example, fill, "
                    "batch, batch-template, history, record)")
    inner = p.add_subparsers(dest="forms_command", metavar="ACTION", parser_class=type(p))
    p.set_defaults(handler=lambda env: _usage(p))
    c = add_command(inner, "list", "列出表单 / list the forms")
    c.set_defaults(handler=run_list)
    c = add_command(inner, "schema", "表单字段与规则 / fields and rules of a form")
    c.add_argument("form_id", metavar="FORM_ID")
    c.set_defaults(handler=run_schema)
    c = add_command(inner, "example", "完整有效的示例数据（JSON）/ a complete valid example as JSON")
    c.add_argument("form_id", metavar="FORM_ID")
    c.set_defaults(handler=run_example)
    c = add_command(inner, "fill", "校验数据并生成文档 / validate data and generate the document")
    c.add_argument("form_id", metavar="FORM_ID")
    c.add_argument("--data", required=True, type=Path, metavar="FILE.json")
    c.add_argument("--client", type=int, metavar="ID", help="客户编号，用于预填 / client to pre-fill from")
    c.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.docx|OUT.xlsx")
    c.add_argument("--confirm", action="store_true",
                   help="已核对提醒项，照此生成 / the warnings were checked: generate anyway")
    c.set_defaults(handler=run_fill)
    c = add_command(inner, "batch", "按表格每行生成一份文档 / one document per spreadsheet row")
    c.add_argument("form_id", metavar="FORM_ID")
    c.add_argument("--data", required=True, type=Path, metavar="FILE.xlsx")
    c.add_argument("-o", "--output", required=True, type=Path, metavar="DIR")
    c.add_argument("--format", choices=("docx", "xlsx"), default="docx")
    c.add_argument("--client", type=int, metavar="ID")
    c.set_defaults(handler=run_batch)
    c = add_command(inner, "batch-template", "批量生成用的表格模板 / a workbook to fill for "
                    "'forms batch'")
    c.add_argument("form_id", metavar="FORM_ID")
    c.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    c.set_defaults(handler=run_batch_template)
    c = add_command(inner, "history", "已生成的文档 / generated documents")
    c.add_argument("--form", metavar="FORM_ID")
    c.add_argument("--client", type=int, metavar="ID")
    c.add_argument("--limit", type=int, default=50)
    c.set_defaults(handler=run_history)
    c = add_command(inner, "record", "一份已生成文档的数据（JSON，可修改后再 fill）/ the data of a "
                    "generated document, as JSON to edit and fill again")
    c.add_argument("record_id", type=int, metavar="RECORD_ID")
    c.set_defaults(handler=run_record)


def _usage(p: argparse.ArgumentParser) -> int:
    p.print_help()
    return 2


def _catalog(env: CommandEnv):
    from desktop.forms import api as forms

    cat = forms.form_registry(env.context())
    for problem in cat.problems:
        env.err(env.t("警告：表单定义未加载：", "warning: form spec not loaded: ")
                + problem.text(env.lang))
    return cat


def run_list(env: CommandEnv) -> int:
    from desktop.forms import api as forms

    summaries = [forms.form_summary(d) for d in _catalog(env).ordered()]
    if env.json:
        env.emit_json(summaries)
        return 0
    for f in summaries:
        name = f["name"] if env.lang == "zh" else f["name_en"]
        env.out(f"{f['id']:<26} {'/'.join(f['formats']):<10} {name}")
    return 0


def run_schema(env: CommandEnv) -> int:
    from desktop.forms import api as forms

    schema = forms.form_schema(_catalog(env).get(env.args.form_id))
    if env.json:
        env.emit_json(schema)
        return 0
    env.out(f"{schema['id']}  {schema['name']} / {schema['name_en']}  v{schema['version']}")
    for f in schema["fields"]:
        _print_field(env, f, "  ")
        for c in f.get("columns", []):
            _print_field(env, c, "      ")
    for r in schema["rules"]:
        env.out("  rule: " + json.dumps(r, ensure_ascii=False))
    return 0


def _print_field(env: CommandEnv, f: dict[str, Any], indent: str) -> None:
    label = f["label"] if env.lang == "zh" else f["label_en"]
    extra = []
    if f["required"]:
        extra.append(env.t("必填", "required"))
    if "max_length" in f:
        extra.append(f"≤{f['max_length']}")
    if "choices" in f:
        extra.append("|".join(c["value"] for c in f["choices"]))
    env.out(f"{indent}{f['id']:<24} {f['type']:<11} {label}  {'; '.join(extra)}".rstrip())


def run_example(env: CommandEnv) -> int:
    from desktop.forms import api as forms

    env.emit_json(forms.example_data(_catalog(env).get(env.args.form_id)))
    return 0


def _problem_dicts(env: CommandEnv, problems: list[Any], data: dict[str, Any]) -> list[dict]:
    from desktop.forms import api as forms

    return [{"field": p.field, "value": forms.value_at(data, p.field), "reason": p.text(env.lang),
             "reason_zh": p.zh, "reason_en": p.en} for p in problems]


def _value_text(value: Any) -> str:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else str(value)


def run_fill(env: CommandEnv) -> int:
    from desktop.forms import api as forms

    args = env.args
    ctx = env.context()
    form = _catalog(env).get(args.form_id)
    forms.format_of(args.output)
    data = forms.read_data_file(args.data)
    result = forms.check_form(ctx, form.id, data, args.client)
    if not result.ok:
        problems = _problem_dicts(env, result.problems, data)
        if env.json:
            env.emit_json({"ok": False, "problems": problems}, compact=True)
        for p in problems:
            env.err(f"{p['field']}\t{_value_text(p['value'])}\t{p['reason']}")
        return 2
    if result.warnings and not args.confirm:  # warn and confirm, as in the GUI
        warnings = _problem_dicts(env, result.warnings, data)
        if env.json:
            env.emit_json({"ok": False, "needs_confirmation": True, "warnings": warnings},
                          compact=True)
        for w in warnings:
            env.err(env.t("提醒：", "warning: ") + f"{w['field']}\t{_value_text(w['value'])}\t"
                    f"{w['reason']}")
        env.err(env.t("请核对以上提醒；确认无误后加 --confirm 再生成（未生成文件）",
                      "check the warnings above; add --confirm to generate anyway "
                      "(no file written)"))
        return 2
    out = forms.generate_document(ctx, form.id, data, client_id=args.client,
                                  out_path=args.output).value
    warnings = _problem_dicts(env, out.warnings, data)
    if env.json:
        env.emit_json({"ok": True, "output": str(out.path), "record_id": out.record_id,
                       "attachments": [str(a) for a in out.attachments],
                       "warnings": warnings})
        return 0
    for w in warnings:
        env.err(env.t("提醒：", "warning: ") + f"{w['field']}\t{_value_text(w['value'])}\t"
                f"{w['reason']}")
    env.out(str(out.path))
    for a in out.attachments:
        env.out(str(a))
    return 0


def run_batch(env: CommandEnv) -> int:
    from desktop.forms import api as forms

    args = env.args
    ctx = env.context()
    _catalog(env).get(args.form_id)
    report = forms.run_batch(ctx, args.form_id, args.data, args.output, fmt=args.format,
                             client_id=args.client, progress=env.progress).value
    failed = [{"row": p.row, "field": p.field,
               "value": report.failed_values.get((p.row, p.field), ""),
               "reason": p.reason_zh if env.lang == "zh" else p.reason_en}
              for p in report.failed]
    if env.json:
        env.emit_json({"generated": len(report.generated), "failed_rows": report.failed_rows,
                       "failed": failed, "output_dir": str(args.output),
                       "report": str(report.report_path) if report.report_path else None})
    else:
        env.out(env.t(f"已生成 {len(report.generated)} 份文档到 {args.output}",
                      f"generated {len(report.generated)} document(s) in {args.output}"))
        if failed:
            env.out(env.t(f"{len(report.failed_rows)} 行未生成（错误报告：{report.report_path}）：",
                          f"{len(report.failed_rows)} row(s) not generated (report: "
                          f"{report.report_path}):"))
            for f in failed:
                env.out(f"  {env.t('第', 'row ')}{f['row']}{env.t('行', '')}\t{f['field']}\t"
                        f"{f['value']}\t{f['reason']}")
    return 2 if failed else 0


def run_batch_template(env: CommandEnv) -> int:
    from desktop.forms import api as forms

    if forms.format_of(env.args.output) != "xlsx":
        raise UserError("模板文件应以 .xlsx 结尾", "the template must end in .xlsx",
                        file=str(env.args.output))
    env.args.output.parent.mkdir(parents=True, exist_ok=True)
    path = forms.write_batch_template(_catalog(env).get(env.args.form_id), env.args.output)
    env.out(str(path))
    return 0


def run_history(env: CommandEnv) -> int:
    from desktop.forms import api as forms

    docs = forms.list_documents(env.context(), form_id=env.args.form,
                                client_id=env.args.client, limit=env.args.limit)
    if env.json:
        env.emit_json([{"id": d.id, "form_id": d.form_id, "form_version": d.form_version,
                        "client_id": d.client_id, "client_name": d.client_name,
                        "created_at": d.created_at.isoformat(timespec="seconds"),
                        "output_path": d.output_path, "attachments": d.attachments}
                       for d in docs])
        return 0
    for d in docs:
        env.out(f"{d.id:>5}  {d.created_at:%Y-%m-%d %H:%M}  {d.form_name}  {d.client_name}  "
                f"{d.output_path}")
    return 0


def run_record(env: CommandEnv) -> int:
    from desktop.forms import api as forms

    rec = forms.get_document(env.context(), env.args.record_id)
    env.emit_json(rec.data)
    return 0
