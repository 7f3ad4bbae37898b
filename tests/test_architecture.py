"""Architecture rules that a test can enforce."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_PACKAGE = ROOT / "desktop" / "ui"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _python_files(*dirs: Path) -> list[Path]:
    return [p for d in dirs for p in d.rglob("*.py")]


def test_only_the_ui_package_imports_qt() -> None:
    offenders = []
    for path in _python_files(ROOT / "desktop", ROOT / "db"):
        if UI_PACKAGE in path.parents:
            continue
        qt = {n for n in _imports(path) if n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6",
                                                               "shiboken6")}
        if qt:
            offenders.append(f"{path.relative_to(ROOT)}: {sorted(qt)}")
    assert offenders == [], "Qt imported outside desktop/ui: " + "; ".join(offenders)


def test_rule_would_catch_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imports(bad)


def test_ui_pages_do_not_write_sql_or_parse_files() -> None:
    """Pages call the Qt-free core; they never build SQL or open spreadsheets themselves."""
    forbidden = {"sqlalchemy", "openpyxl", "docx", "docxtpl", "whoosh", "csv"}
    offenders = []
    for path in _python_files(UI_PACKAGE):
        bad = {n for n in _imports(path) if n.split(".")[0] in forbidden}
        if bad:
            offenders.append(f"{path.relative_to(ROOT)}: {sorted(bad)}")
    assert offenders == [], "; ".join(offenders)


def test_core_modules_do_not_print() -> None:
    offenders = []
    for path in _python_files(ROOT / "desktop", ROOT / "db"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
                if path.name != "env.py":  # the CLI's output helper
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == [], "use logging (or CommandEnv.out in the CLI), not print: " + \
        ", ".join(offenders)
