"""Structured legal citations: law, version, article, paragraph — and the keyword that proves
the article says what we cite it for.

Printed as ``《中华人民共和国专利法实施细则》（2023年修订）第一百四十六条第二款``.  The same
model serves the catalogue's 设定依据 and the forms' basis lines; :func:`article_text` finds an
article in a law's text so a test (and ``catalogue check --laws``) can verify every citation.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

_DIGITS = "零一二三四五六七八九"
_CN_VALUES = {c: i for i, c in enumerate(_DIGITS)} | {"两": 2, "〇": 0}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_ITEM_RE = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_ONE_RE = re.compile(
    r"第([零〇一二两三四五六七八九十百千\d]+)条"
    r"(?:第([零一二三四五六七八九十\d]+)款)?(?:第([零一二三四五六七八九十\d]+)项)?"
    r"(?:\s*[（(]([^）)]*)[）)])?")
_RANGE_RE = re.compile(r"第([零〇一二两三四五六七八九十百千\d]+)条至第([零〇一二两三四五六七八九十百千\d]+)条")


def chinese_number(n: int) -> str:
    """``146`` → ``一百四十六``; ``10`` → ``十``; ``15`` → ``十五``; ``105`` → ``一百零五``."""
    if n <= 0 or n >= 10000:
        raise ValueError(f"article number out of range: {n}")
    out = ""
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if zero:
                out += "零"
            if not (unit == "十" and digit == 1 and not out):
                out += _DIGITS[digit]
            out += unit
            zero = False
        elif out:
            zero = True
    return out


def parse_chinese_number(text: str) -> int:
    """``一百四十六`` → 146, ``十五`` → 15, also plain digits."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _CN_VALUES:
            current = _CN_VALUES[ch]
        elif ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        else:
            raise ValueError(f"not a Chinese number: {text!r}")
    return total + current


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Citation(_Strict):
    """One article (and paragraph, item) and a word the cited text contains."""

    article: int = Field(ge=1, le=9999)
    paragraph: int | None = Field(None, ge=1, le=99)
    item: int | None = Field(None, ge=1, le=99)
    keyword: str = Field("", pattern=r"^[^\n｜（）()]*$",
                         description="a word of the cited text, checked against the law text")

    def label(self) -> str:
        out = f"第{chinese_number(self.article)}条"
        if self.paragraph:
            out += f"第{chinese_number(self.paragraph)}款"
        if self.item:
            out += f"第{chinese_number(self.item)}项"
        return out


def parse_citations(text: str) -> list[Citation]:
    """``第一百四十六条第二款（著录事项变更）、第十五条`` → citations; ``第五十条至第五十二条``
    is expanded.  Text that names no article gives ``[]``."""
    out: list[Citation] = []
    for m in _RANGE_RE.finditer(text):
        a, b = parse_chinese_number(m.group(1)), parse_chinese_number(m.group(2))
        out += [Citation(article=n, paragraph=None, item=None, keyword="")
                for n in range(a, min(b, a + 50) + 1)]
    rest = _RANGE_RE.sub("", text)
    for m in _ONE_RE.finditer(rest):
        out.append(Citation(
            article=parse_chinese_number(m.group(1)),
            paragraph=parse_chinese_number(m.group(2)) if m.group(2) else None,
            item=parse_chinese_number(m.group(3)) if m.group(3) else None,
            keyword=(m.group(4) or "").strip()))
    return sorted(out, key=lambda c: (c.article, c.paragraph or 0, c.item or 0))


def citations_text(citations: Sequence[Citation], *, keywords: bool = True) -> str:
    """The inverse of :func:`parse_citations` (keywords in brackets, for the spreadsheet)."""
    return "、".join(c.label() + (f"（{c.keyword}）" if keywords and c.keyword else "")
                    for c in citations)


_VERSION_IN_TITLE = re.compile(r"^(?P<title>.+?)（(?P<version>[^（）]*(?:修正|修订|号|试行)[^（）]*)）$")


class LegalBasis(_Strict):
    """A law, regulation or notice in one version, with the articles relied on."""

    title: str = Field(min_length=1, pattern=r"^[^\n｜《》]*$", description="法律法规名称")
    version: str = Field("", pattern=r"^[^\n｜（）]*$",
                         description="版本，如“2023年修订”或文号“财税〔2016〕78号”")
    version_date: _dt.date = Field(description="该版本的通过/修订/发布日期")
    articles: tuple[Citation, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _old_form(cls, data: Any) -> Any:
        """Accept the earlier form: the version inside the title, articles as free text."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        if isinstance(data.get("articles"), str):
            data["articles"] = parse_citations(data["articles"])
        title = str(data.get("title") or "").strip().strip("《》")
        if not data.get("version") and (m := _VERSION_IN_TITLE.match(title)):
            data["title"], data["version"] = m.group("title"), m.group("version")
        elif title:
            data["title"] = title
        return data

    def cite(self) -> str:
        """``《中华人民共和国专利法实施细则》（2023年修订）第一百四十六条第二款``."""
        head = f"《{self.title}》" + (f"（{self.version}）" if self.version else "")
        return head + "、".join(c.label() for c in self.articles)


# -- the law texts (../shared/data/policies/laws: ``专利法实施细则(2023-12-11).md``) ----------
def law_file(root: Path, basis: LegalBasis) -> Path | None:
    """The text of ``basis``'s law in that version under ``root``, if there."""
    name = basis.title.removeprefix("中华人民共和国")
    want = f"{name}({basis.version_date.isoformat()}).md"
    for path in root.rglob("*.md"):
        if path.name == want:
            return path
    return None


def _articles(text: str) -> dict[int, list[str]]:
    """Article number → its paragraphs (item lines ``（一）…`` stay in their paragraph)."""
    out: dict[int, list[str]] = {}
    current: list[str] | None = None
    head = re.compile(r"^第([零〇一二两三四五六七八九十百千]+)条[\s　]*(.*)$")
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            current = None
            continue
        m = head.match(line)
        if m:
            n = parse_chinese_number(m.group(1))
            current = out.setdefault(n, [])
            if current:  # a second "第N条" (e.g. an amending decision quoted): keep the first
                current = None
                continue
            current.append(m.group(2))
        elif current is not None:
            if _ITEM_RE.match(line) and current:
                current[-1] += "\n" + line
            else:
                current.append(line)
    return out


def article_text(law_text: str, citation: Citation) -> str | None:
    """The text of the cited article (or paragraph); None where the law has no such one."""
    paragraphs = _articles(law_text).get(citation.article)
    if not paragraphs:
        return None
    if citation.paragraph is None:
        return "\n".join(paragraphs)
    if citation.paragraph > len(paragraphs):
        return None
    return paragraphs[citation.paragraph - 1]


def check_basis(root: Path, bases: Iterable[LegalBasis]) -> list[str]:
    """Problems with the citations whose law text is under ``root`` (others are skipped):
    an article that does not exist, or one that does not contain its keyword."""
    problems: list[str] = []
    for b in bases:
        if not b.articles:
            continue
        path = law_file(root, b)
        if path is None:
            continue
        text = path.read_text(encoding="utf-8")
        for c in b.articles:
            body = article_text(text, c)
            where = f"《{b.title}》（{b.version_date.isoformat()}）{c.label()}"
            if body is None:
                problems.append(f"{where}：该版本中没有这一条（款）")
            elif not c.keyword:
                problems.append(f"{where}：未记录核对用的关键词")
            elif c.keyword not in body.replace("\n", ""):
                problems.append(f"{where}：条文中找不到关键词“{c.keyword}”")
    return problems
