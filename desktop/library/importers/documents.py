"""Policies, laws, judgments and cases as TXT, Markdown or DOCX, split into articles.

A text with ``第X条`` articles becomes one record per article (its chapter kept in the
record); otherwise it is split at headings (Markdown ``#``, ``一、``, ``（一）``); a text with
neither is one record.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.common.containers import CONTAINER_ERRORS, check_zip, damaged
from desktop.common.dates import parse_date
from desktop.errors import UserError
from desktop.library.importers.tables import detect_encoding, read_head
from desktop.library.records import Record

DOC_SUFFIXES = (".txt", ".md", ".markdown", ".docx")
_NUM = "一二三四五六七八九十百千零〇两0-9"
_ARTICLE = re.compile(rf"^\s*(第[{_NUM}]+条(?:之[{_NUM}]+)?)[\s　:：]*")
_CHAPTER = re.compile(rf"^\s*#*\s*(第[{_NUM}]+[编章节](?:\s+\S.*)?)\s*$")
_HEADING = re.compile(rf"^\s*(#{{1,6}}\s+.+|[{_NUM}]+、.{{1,40}}|[（(][{_NUM}]+[)）].{{1,40}})$")
_DATE_IN_NAME = re.compile(r"[（(](\d{4}-\d{1,2}-\d{1,2})[)）]")
MAX_SECTION_CHARS = 20000


@dataclass
class Section:
    label: str | None
    chapter: str | None
    lines: list[str]


def read_text(path: Path) -> str:
    if path.suffix.lower() == ".docx":
        return _docx_text(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"无法读取文件（{exc.strerror}）", f"cannot read the file ({exc.strerror})",
                        file=str(path)) from exc
    if b"\x00" in data[:4096]:
        raise UserError("文件不是文本文件", "the file is not a text file", file=str(path))
    enc = detect_encoding(data[:65536])
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return data.decode("utf-8" if enc == "gb18030" else "gb18030", errors="replace")


def _docx_text(path: Path) -> str:
    import docx
    from docx.opc.exceptions import OpcError

    head = read_head(path, 4)
    if head != b"PK\x03\x04":
        raise UserError("文件不是DOCX格式（扩展名与内容不符，或文件已损坏）",
                        "the file is not a DOCX document (wrong extension or damaged)",
                        file=str(path))
    check_zip(path, "DOCX")
    try:
        return _paragraph_lines(docx.Document(str(path)))
    except CONTAINER_ERRORS + (OpcError,) as exc:  # OpcError: e.g. PackageNotFoundError
        raise damaged(path, "DOCX", exc) from exc


def _paragraph_lines(document: Any) -> str:
    lines = []
    for p in document.paragraphs:
        style = (p.style.name if p.style is not None else "") or ""
        text = p.text.strip()
        if not text:
            continue
        if style.lower().startswith(("heading", "title")) or style.startswith("标题"):
            lines.append("# " + text)
        else:
            lines.append(text)
    return "\n".join(lines)


def doc_title(path: Path, lines: list[str]) -> str:
    for line in lines[:5]:
        s = line.strip()
        if s.startswith("# "):
            return s.lstrip("# ").strip()
    stem = _DATE_IN_NAME.sub("", path.stem).strip()
    return stem or path.stem


def split_sections(lines: list[str]) -> list[Section]:
    has_articles = sum(1 for ln in lines if _ARTICLE.match(ln)) >= 2
    sections: list[Section] = []
    chapter: str | None = None
    current = Section(None, None, [])
    for line in lines:
        s = line.strip()
        if not s or s.startswith("<!--"):
            continue
        ch = _CHAPTER.match(s)
        if has_articles:
            art = _ARTICLE.match(s)
            if ch and not art:
                chapter = ch.group(1).strip()
                continue
            if art:
                sections.append(current)
                current = Section(art.group(1), chapter, [s])
                continue
        elif _HEADING.match(s) or ch:
            sections.append(current)
            label = s.lstrip("#").strip()
            if re.match(rf"^[（(][{_NUM}]+[)）]", label) and chapter:
                current = Section(label, chapter, [])
            else:
                chapter = label
                current = Section(label, None, [])
            continue
        current.lines.append(s)
    sections.append(current)
    return [sec for sec in sections if sec.lines]


def read_document(path: Path) -> Iterator[Record]:
    text = read_text(path)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title = doc_title(path, lines)
    m = _DATE_IN_NAME.search(path.stem)
    date = parse_date(m.group(1)) if m else None
    sections = split_sections([ln for ln in lines if ln.strip().lstrip("#").strip() != title])
    if not sections:
        raise UserError("文件中没有文字", "the file holds no text", file=str(path))
    seen: dict[str, int] = {}
    for sec in sections:
        body = "\n".join(sec.lines)[:MAX_SECTION_CHARS]
        label = sec.label or ("正文" if len(sections) == 1 else "前言")
        full_label = f"{sec.chapter} {label}" if sec.chapter else label
        seen[full_label] = seen.get(full_label, 0) + 1
        if seen[full_label] > 1:
            full_label = f"{full_label} ({seen[full_label]})"
        ident = hashlib.sha1(f"document\x1f{path.stem}\x1f{full_label}".encode()).hexdigest()
        yield Record(
            kind="document", title=f"{title} {label}" if label != "正文" else title,
            body=body, section=full_label, doc_title=title, publication_date=date,
            source_file=str(path), extra={"ident": ident},
        )
