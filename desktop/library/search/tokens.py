"""The query language's tokens: words, phrases, brackets, operators and ``field:value``
(field names in Chinese or English, half- or full-width colons and brackets)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.library.search.numbers import QuerySyntaxError

FIELD_ALIASES: dict[str, str] = {
    "名称": "title", "标题": "title", "题名": "title", "title": "title",
    "摘要": "body", "正文": "body", "内容": "body", "全文": "all", "abstract": "body",
    "text": "body",
    "申请人": "applicants", "权利人": "applicants", "专利权人": "applicants", "applicant": "applicants",
    "assignee": "applicants",
    "发明人": "inventors", "inventor": "inventors",
    "ipc": "ipc", "分类号": "ipc",
    "申请号": "appno", "appno": "appno",
    "公开号": "pubno", "公告号": "pubno", "公开公告号": "pubno", "pubno": "pubno",
    "法律状态": "legal", "状态": "legal", "status": "legal",
    "类型": "type", "type": "type",
    "地区": "region", "region": "region",
    "来源": "collection", "collection": "collection",
    "申请日": "app_date", "appdate": "app_date",
    "公开日": "pub_date", "公告日": "pub_date", "pubdate": "pub_date",
    "年份": "year", "year": "year", "日期": "date", "date": "date",
}
QUOTES = {'"': '"', "“": "”", "”": "”", "「": "」", "『": "』"}
_APPNO_SPACED = re.compile(r"(?<![\w.])((?:CN|ZL)?\s?\d{4}\s\d\s\d{7}(?:\s?\.\s?[\dXx])?)")
@dataclass
class Tok:
    kind: str  # word | phrase | lp | rp | or | and | not | field
    text: str
    field: str | None = None


def tokenize(text: str) -> list[Tok]:
    text = re.sub(r"(?i)(?<![A-Za-z0-9])(CN|ZL)\s+(?=\d{6})", r"\1", text)
    text = _APPNO_SPACED.sub(lambda m: re.sub(r"\s", "", m.group(1)), text)
    toks: list[Tok] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace() or ch == "\u3000":
            i += 1
            continue
        if ch in "(（":
            toks.append(Tok("lp", ch))
            i += 1
            continue
        if ch in ")）":
            toks.append(Tok("rp", ch))
            i += 1
            continue
        if ch in QUOTES:
            end = text.find(QUOTES[ch], i + 1)
            if end < 0 and ch in "“”":
                end = text.find('"', i + 1)
            if end < 0:
                raise QuerySyntaxError("unbalanced quote")
            toks.append(Tok("phrase", text[i + 1:end]))
            i = end + 1
            continue
        if ch == "|":
            toks.append(Tok("or", ch))
            i += 1
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] not in "()（）\"“”「」『』|\u3000":
            j += 1
        word = text[i:j]
        i = j
        m = re.match(r"^([^:：]+)[:：](.*)$", word)
        if m and m.group(1).lower() in FIELD_ALIASES:
            fname = FIELD_ALIASES[m.group(1).lower()]
            rest = m.group(2)
            if rest:
                toks.append(Tok("field", rest, fname))
            elif i < n and text[i] in QUOTES:
                end = text.find(QUOTES[text[i]], i + 1)
                if end < 0:
                    raise QuerySyntaxError("unbalanced quote")
                toks.append(Tok("field", text[i:end + 1], fname))
                i = end + 1
            elif i < n and text[i] in "(（":
                toks.append(Tok("field", "", fname))  # field group: field:(a OR b)
            else:
                raise QuerySyntaxError("empty field")
            continue
        if word in ("OR", "或"):
            toks.append(Tok("or", word))
        elif word in ("AND", "&&", "与"):
            toks.append(Tok("and", word))
        elif word in ("NOT", "非"):
            toks.append(Tok("not", word))
        elif word.startswith("-") and len(word) > 1:
            toks.append(Tok("not", "-"))
            toks.append(Tok("word", word[1:]))
        else:
            toks.append(Tok("word", word))
    return toks
