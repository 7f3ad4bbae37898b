"""Fixtures for the forms tests: the bundled catalogue and DOCX inspection helpers."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from desktop.forms.registry import FormRegistry, load_registry

FIXED_DATE = _dt.date(2026, 11, 25)


@pytest.fixture(scope="session")
def catalog() -> FormRegistry:
    cat = load_registry()
    assert cat.problems == []
    return cat


def docx_text(path: Path) -> str:
    """All text of a DOCX: body paragraphs, tables, headers and footers."""
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    for section in doc.sections:
        parts.extend(p.text for p in section.header.paragraphs)
        parts.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(parts)


def runs_without_east_asia_font(path: Path) -> list[str]:
    """Texts of runs (body, tables, header, footer) lacking an explicit w:eastAsia font."""
    doc = Document(str(path))
    bad = []
    roots = [doc.element.body] + [s.header._element for s in doc.sections] + \
        [s.footer._element for s in doc.sections]
    for root in roots:
        for run in root.iter(qn("w:r")):
            text = "".join(t.text or "" for t in run.iter(qn("w:t")))
            rfonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
            if text.strip() and (rfonts is None or not rfonts.get(qn("w:eastAsia"))):
                bad.append(text)
    return bad


@pytest.fixture
def text_of():  # type: ignore[no-untyped-def]
    return docx_text
