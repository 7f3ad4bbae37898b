"""Render a docxtpl (Jinja2-in-DOCX) template, fast and safely.

docxtpl re-reads the template, re-cleans its XML and re-compiles the Jinja source on
every render.  :class:`CompiledTemplate` does that preparation once per template file —
docxtpl's own ``patch_xml`` cleaning, so templates behave exactly as with docxtpl — and
afterwards each render is one Jinja call per part plus writing the ZIP.  Autoescaping is
always on, so ``&``, ``<`` and quotes in the data never corrupt the document, and
undefined names raise instead of leaving blanks.
"""

from __future__ import annotations

import io
import logging
import re
import threading
import zipfile
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta

from desktop.errors import UserError

log = logging.getLogger(__name__)
_PART_RE = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
_RAW_TAG = re.compile(r"\{\{|\}\}|\{%|%\}")


def jinja_env() -> jinja2.Environment:
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined,
                              keep_trailing_newline=True)


class CompiledTemplate:
    """A DOCX template prepared once; :meth:`render` fills it into new DOCX bytes."""

    def __init__(self, path: Path) -> None:
        from docxtpl import DocxTemplate

        self.path = path
        self._helper = DocxTemplate(str(path))  # only its string helpers are used
        env = jinja_env()
        self._members: list[tuple[zipfile.ZipInfo, bytes]] = []
        self._templates: dict[str, jinja2.Template] = {}
        self.variables: set[str] = set()
        try:
            with zipfile.ZipFile(path) as zf:
                for info in zf.infolist():
                    data = zf.read(info)
                    self._members.append((info, data))
                    if _PART_RE.match(info.filename):
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
                rendered[name] = self._finish(tpl.render(context)).encode("utf-8")
        except jinja2.UndefinedError as exc:
            raise UserError(f"模板引用了表单中没有的字段：{exc.message}",
                            f"the template uses a name the form does not define: {exc.message}",
                            file=str(self.path)) from exc
        except jinja2.TemplateError as exc:
            raise UserError(f"模板无法填写：{exc}", f"the template cannot be filled: {exc}",
                            file=str(self.path)) from exc
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
            for info, data in self._members:
                out.writestr(info, rendered.get(info.filename, data),
                             compress_type=zipfile.ZIP_DEFLATED)
        return buf.getvalue()


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
