"""Architecture rules that a test can enforce (see docs/architecture.md)."""

from __future__ import annotations

import ast
import inspect
import typing
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = ROOT / "desktop"
UI_PACKAGE = DESKTOP / "ui"
FACES = (DESKTOP / "ui", DESKTOP / "cli")
CAPABILITIES = ("access", "catalogue", "clients", "forms", "library", "settings", "transfer",
                "validators", "visits")
KERNEL = {"desktop", "desktop.errors", "desktop.jobs", "desktop.paths", "desktop.context",
          "desktop.changes", "desktop.options", "desktop.wiring", "desktop.logging_setup",
          "desktop.audit", "desktop.connection",
          "desktop.common"}
COMPOSITION_ROOT = DESKTOP / "app.py"
MUTATING_VERBS = ("save_", "delete_", "import_", "apply_", "set_", "generate_", "run_batch",
                  "rebuild_", "update_", "ensure_index", "record_")


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports (function-local imports too), as dotted names;
    ``from pkg import name`` counts as ``pkg.name`` as well as ``pkg``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def _python_files(*dirs: Path) -> list[Path]:
    return [p for d in dirs for p in d.rglob("*.py")]


def _capability_of(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) >= 2 and parts[0] == "desktop" and parts[1] in CAPABILITIES:
        return parts[1]
    return None


def _is_module(dotted: str) -> bool:
    rel = Path(*dotted.split("."))
    return (ROOT / rel).with_suffix(".py").exists() or (ROOT / rel / "__init__.py").exists()


def _module_imports(path: Path) -> set[str]:
    """The imported names that are modules of this project (drops imported attributes)."""
    return {n for n in _imports(path) if n.split(".")[0] in ("desktop", "db") and _is_module(n)}


def test_only_the_ui_package_imports_qt() -> None:
    offenders = []
    for path in _python_files(DESKTOP, ROOT / "db"):
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
    forbidden = {"sqlalchemy", "openpyxl", "docx", "docxtpl", "whoosh", "csv", "db"}
    offenders = []
    for path in _python_files(UI_PACKAGE):
        bad = {n for n in _imports(path) if n.split(".")[0] in forbidden}
        if bad:
            offenders.append(f"{path.relative_to(ROOT)}: {sorted(bad)}")
    assert offenders == [], "; ".join(offenders)


def _face_offences(path: Path) -> list[str]:
    bad = []
    for name in _module_imports(path):
        cap = _capability_of(name)
        if cap is not None and name not in (f"desktop.{cap}", f"desktop.{cap}.api"):
            bad.append(name)
        elif name.startswith("db"):
            bad.append(name)
    return bad


def test_faces_import_only_the_capabilities_front_doors() -> None:
    """desktop/ui and desktop/cli reach a capability only through ``desktop.<cap>.api``."""
    offenders = []
    for path in _python_files(*FACES):
        bad = _face_offences(path)
        if bad:
            offenders.append(f"{path.relative_to(ROOT)}: {sorted(bad)}")
    assert offenders == [], "; ".join(offenders)


def test_face_rule_would_catch_a_submodule_import(tmp_path: Path) -> None:
    bad = tmp_path / "page.py"
    bad.write_text("def f():\n    from desktop.catalogue.store import get_item\n",
                   encoding="utf-8")
    assert _face_offences(bad) == ["desktop.catalogue.store"]


def test_capabilities_reach_each_other_only_through_front_doors() -> None:
    offenders = []
    for cap in CAPABILITIES:
        for path in _python_files(DESKTOP / cap):
            for name in _module_imports(path):
                other = _capability_of(name)
                if other not in (None, cap) and name not in (f"desktop.{other}",
                                                             f"desktop.{other}.api"):
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == [], "; ".join(offenders)


def _capability_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {cap: set() for cap in CAPABILITIES}
    for cap in CAPABILITIES:
        for path in _python_files(DESKTOP / cap):
            for name in _module_imports(path):
                other = _capability_of(name)
                if other not in (None, cap):
                    graph[cap].add(other)
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycles_between_capabilities() -> None:
    """Function-local imports count too: a cycle cannot be hidden inside a function."""
    assert _cycle(_capability_graph()) is None


def test_cycle_check_would_catch_one() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_kernel_modules_know_no_capability() -> None:
    """Shared pieces stay below the capabilities; only the composition root wires them."""
    offenders = []
    kernel_files = [p for p in DESKTOP.glob("*.py") if p != COMPOSITION_ROOT]
    kernel_files += _python_files(DESKTOP / "common")
    for path in kernel_files:
        caps = {n for n in _module_imports(path) if _capability_of(n)}
        if caps:
            offenders.append(f"{path.relative_to(ROOT)}: {sorted(caps)}")
    assert offenders == [], "; ".join(offenders)


def test_no_importlib_strings_in_capabilities() -> None:
    offenders = [str(p.relative_to(ROOT)) for cap in CAPABILITIES
                 for p in _python_files(DESKTOP / cap) if "importlib" in _imports(p)]
    assert offenders == []


def _api_functions() -> list[tuple[str, str, object]]:
    import importlib

    out = []
    for cap in CAPABILITIES:
        module = importlib.import_module(f"desktop.{cap}.api")
        for name, fn in vars(module).items():
            if inspect.isfunction(fn) and fn.__module__ == module.__name__ \
                    and not name.startswith("_"):
                out.append((cap, name, fn))
    return out


def test_mutations_report_what_they_changed() -> None:
    """A public function that changes data returns an ``Op`` (value + change notice)."""
    from desktop.changes import Op

    offenders = []
    for cap, name, fn in _api_functions():
        if not name.startswith(MUTATING_VERBS):
            continue
        hints = typing.get_type_hints(fn)
        ret = hints.get("return")
        if typing.get_origin(ret) is not Op:
            offenders.append(f"{cap}.api.{name} -> {ret}")
    assert offenders == [], "; ".join(offenders)


def test_public_functions_take_the_context_first() -> None:
    """One convention: a front-door function that needs data takes ``ctx`` first, never
    a bare database."""
    from db.session import Database

    offenders = []
    for cap, name, fn in _api_functions():
        hints = typing.get_type_hints(fn)
        params = list(inspect.signature(fn).parameters)
        if any(h is Database for h in hints.values()):
            offenders.append(f"{cap}.api.{name} takes a Database")
        if "ctx" in params and params[0] != "ctx":
            offenders.append(f"{cap}.api.{name}: ctx is not first")
    assert offenders == [], "; ".join(offenders)


def test_pages_use_the_typed_preferences() -> None:
    """Preferences go through desktop.ui.prefs (stored in the data folder): no page opens
    QSettings or names a raw key."""
    offenders = []
    for path in _python_files(UI_PACKAGE):
        if path.name == "prefs.py":
            continue
        text = path.read_text(encoding="utf-8")
        if "QSettings" in text or ".prefs.value(" in text or ".prefs.setValue(" in text:
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


@pytest.mark.parametrize("folder, limit", [(UI_PACKAGE / "pages", 400), (DESKTOP, 450),
                                           (ROOT / "db", 400)])
def test_modules_stay_small(folder: Path, limit: int) -> None:
    big = {str(p.relative_to(ROOT)): n for p in _python_files(folder)
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > limit}
    assert big == {}


def test_core_modules_do_not_print() -> None:
    offenders = []
    for path in _python_files(DESKTOP, ROOT / "db"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
                if path.name != "env.py":  # the CLI's output helper
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == [], "use logging (or CommandEnv.out in the CLI), not print: " + \
        ", ".join(offenders)
