"""The hostile-input corpus (``tests/hostile_corpus.py``) against the command line: every
case ends with its expected exit code (2 for bad input), a sentence and never a traceback
or an internal error; written files are well-formed XML; a file name with a newline gives
a one-line message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hostile_corpus as hc  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[hc.Case]:
    root = tmp_path_factory.mktemp("hostile")
    cases = hc.build(root)
    hc.seed_library(root / "data")
    return cases


def _failures(case: hc.Case) -> list[str]:
    code, out = hc.capture_run(["--data-dir", str(case.data_dir), *case.argv], case.stdin)
    bad = []
    if code not in case.exits:
        bad.append(f"exit {code}, expected {case.exits}")
    if "Traceback" in out:
        bad.append("a traceback")
    if "internal error" in out or "内部错误" in out:
        bad.append("an internal error")
    bad += [f"output lacks {m!r}" for m in case.must if m not in out]
    if "one-line" in case.tags and len(out.strip().splitlines()) != 1:
        bad.append(f"{len(out.strip().splitlines())} lines of output")
    if case.after is not None and (why := case.after()):
        bad.append(why)
    return [f"{case.name}: {b} -- {out.strip()[:200]!r}" for b in bad]


def test_every_hostile_case_is_a_sentence_not_a_stack(corpus: list[hc.Case]) -> None:
    kinds = {t for c in corpus for t in c.tags}
    assert {"import", "forms", "search", "sheets", "database", "writer", "memory"} <= kinds
    assert len(corpus) >= 80
    failures = [f for case in corpus for f in _failures(case)]
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize("name", ["random bytes .docx", "XLSX sheet XML breaks off",
                                  "database file garbage"])
def test_a_real_process_prints_no_traceback(corpus: list[hc.Case], name: str) -> None:
    case = next(c for c in corpus if c.name == name)
    res = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir",
                          str(case.data_dir), *case.argv], capture_output=True, text=True,
                         timeout=120, cwd=ROOT)
    assert res.returncode == 2 and "Traceback" not in res.stderr + res.stdout
    assert len(res.stderr.strip().splitlines()) == 1, res.stderr
