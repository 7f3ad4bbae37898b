"""Render a docxtpl (Jinja2-in-DOCX) template, fast and safely.

docxtpl re-reads the template, re-cleans its XML and re-compiles the Jinja source on
every render.  :class:`CompiledTemplate` does that preparation once per template file —
docxtpl's own ``patch_xml`` cleaning, so templates behave exactly as with docxtpl — and
afterwards each render is one Jinja call per part plus writing the ZIP, in which the
unchanged parts are copied already deflated.  Autoescaping is
always on, so ``&``, ``<`` and quotes in the data never corrupt the document, and
undefined names raise instead of leaving blanks.
"""

from __future__ import annotations

import io
import logging
import re
import struct
import threading
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta

from desktop.common.limits import xml_text
from desktop.errors import UserError

log = logging.getLogger(__name__)
_PART_RE = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
_RAW_TAG = re.compile(r"\{\{|\}\}|\{%|%\}")


def jinja_env() -> jinja2.Environment:
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined,
                              keep_trailing_newline=True)


@dataclass(frozen=True)
class _Member:
    """One ZIP member, kept deflated so unchanged parts are copied, not recompressed."""

    name: bytes
    date_time: tuple[int, int, int, int, int, int]
    crc: int
    size: int
    data: bytes  # raw deflate stream

    @classmethod
    def deflate(cls, name: str, date_time: tuple[int, ...], raw: bytes,
                level: int) -> _Member:
        comp = zlib.compressobj(level, zlib.DEFLATED, -15)
        data = comp.compress(raw) + comp.flush()
        y, mo, d, h, mi, sec = (tuple(date_time) + (0,) * 6)[:6]
        return cls(name.encode("utf-8"), (max(y, 1980), mo, d, h, mi, sec),
                   zlib.crc32(raw), len(raw), data)


def _zip(members: list[_Member]) -> bytes:
    """A plain ZIP (deflate, no ZIP64: DOCX parts are small) of already-deflated members."""
    out = io.BytesIO()
    central = []
    for m in members:
        y, mo, d, h, mi, sec = m.date_time
        dos_time, dos_date = (h << 11) | (mi << 5) | (sec // 2), ((y - 1980) << 9) | (mo << 5) | d
        flags = 0x800 if not m.name.isascii() else 0
        offset = out.tell()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, flags, 8, dos_time, dos_date,
                              m.crc, len(m.data), m.size, len(m.name), 0))
        out.write(m.name)
        out.write(m.data)
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, flags, 8, dos_time,
                                   dos_date, m.crc, len(m.data), m.size, len(m.name), 0, 0,
                                   0, 0, 0, offset) + m.name)
    start = out.tell()
    for entry in central:
        out.write(entry)
    size = out.tell() - start
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), size,
                          start, 0))
    return out.getvalue()


class CompiledTemplate:
    """A DOCX template prepared once; :meth:`render` fills it into new DOCX bytes."""

    def __init__(self, path: Path) -> None:
        from docxtpl import DocxTemplate

        self.path = path
        self._helper = DocxTemplate(str(path))  # only its string helpers are used
        env = jinja_env()
        self._members: list[tuple[zipfile.ZipInfo, _Member | None]] = []
        self._templates: dict[str, jinja2.Template] = {}
        self.variables: set[str] = set()
        try:
            with zipfile.ZipFile(path) as zf:
                for info in zf.infolist():
                    data = zf.read(info)
                    templated = bool(_PART_RE.match(info.filename))
                    self._members.append((info, None if templated else _Member.deflate(
                        info.filename, info.date_time, data, 6)))
                    if templated:
                        source = self._prepare(data.decode("utf-8"))
                        self.variables |= meta.find_undeclared_variables(env.parse(source))
                        self._templates[info.filename] = env.from_string(source)
        except (zipfile.BadZipFile, OSError, KeyError) as exc:
            raise UserError(f"模板不是有效的DOCX文件（{exc}）",
                            f"the template is not a valid DOCX file ({exc})",
                            file=str(path)) from exc
        except jinja2.TemplateSyntaxError as exc:
            raise UserError(f"模板标签有语法错误（第{exc.lineno}段附近）：{exc.message}",
                            f"template tag syntax error near paragraph {exc.lineno}: "
                            f"{exc.message}", file=str(path)) from exc
        if "word/document.xml" not in self._templates:
            raise UserError("模板缺少正文（word/document.xml）",
                            "the template has no main document part", file=str(path))

    def _prepare(self, xml: str) -> str:
        xml = self._helper.patch_xml(xml)
        return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)

    def _finish(self, xml: str) -> str:
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        xml = (xml.replace("{_{", "{{").replace("}_}", "}}")
               .replace("{_%", "{%").replace("%_}", "%}"))
        if "\n" in xml or "\t" in xml:
            xml = self._helper.resolve_listing(xml)
        return xml

    def render(self, context: dict[str, Any]) -> bytes:
        """The filled DOCX as bytes.  Raises :class:`UserError` for template errors."""
        rendered: dict[str, bytes] = {}
        try:
            for name, tpl in self._templates.items():
                # the write boundary: no character XML forbids reaches the document
                rendered[name] = xml_text(self._finish(tpl.render(context))).encode("utf-8")
        except jinja2.UndefinedError as exc:
            raise UserError(f"模板引用了表单中没有的字段：{exc.message}",
                            f"the template uses a name the form does not define: {exc.message}",
                            file=str(self.path)) from exc
        except jinja2.TemplateError as exc:
            raise UserError(f"模板无法填写：{exc}", f"the template cannot be filled: {exc}",
                            file=str(self.path)) from exc
        return _zip([member or _Member.deflate(info.filename, info.date_time,
                                               rendered[info.filename], 1)
                     for info, member in self._members])


_cache: dict[tuple[str, float, int], CompiledTemplate] = {}
_cache_lock = threading.Lock()


def compiled(path: Path) -> CompiledTemplate:
    """The compiled template for ``path``, cached until the file changes."""
    st = path.stat()
    key = (str(path.resolve()), st.st_mtime, st.st_size)
    with _cache_lock:
        tpl = _cache.get(key)
        if tpl is None:
            tpl = CompiledTemplate(path)
            _cache[key] = tpl
        return tpl


def render_docx_naive(path: Path, context: dict[str, Any]) -> bytes:
    """Plain docxtpl rendering (no caching): the benchmark's baseline and a cross-check."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(path))
    tpl.render(context, jinja_env=jinja_env(), autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


def has_raw_tags(text: str) -> bool:
    return bool(_RAW_TAG.search(text))
