"""The whoosh schema and the conversion of stored records into index documents.

Text fields use :class:`~desktop.library.search.analysis.ChineseAnalyzer`; identifiers are
keyword fields holding lookup keys (application number body, publication number digits, every
IPC prefix without spaces) so numbers match whatever way they are written.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from whoosh.columns import NumericColumn
from whoosh.fields import COLUMN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from desktop.library.records import number_keys
from desktop.library.search.analysis import ChineseAnalyzer
from desktop.library.search.grams import GRAM_FIELD, GramAnalyzer
from desktop.validators.api import check_ipc, ipc_prefixes

SCHEMA_VERSION = 10
# "all" holds title, abstract/body, claims and applicants: one posting list per word, so a
# query is a plain intersection.  The title is written into it twice: BM25F then ranks a title
# match above an abstract match (measured about twice as fast as an optional title clause).
MATCH_FIELD = "all"
TITLE_REPEAT = 2
# beside it, the character grams of the same text (once): any run of Chinese characters is
# found as a substring (see grams.py)


# Keyword facts of a record share one field, ``tags``, each value prefixed with its kind: one
# field instead of eleven roughly halves the per-document cost of writing them (measured).
TAG = {
    "kind": "k:", "legal": "l:", "ptype": "t:", "region": "r:", "collection": "c:",
    "year": "y:", "appno": "a:", "pubno": "p:", "ipc": "i:", "applicant": "ap:",
    "inventor": "in:", "has": "h:",
}
# "h:<name>": the record has this field (an empty result can then say which field is missing)
HAS = ("app", "pub", "legal", "region", "ipc", "inv", "ap", "year")


def tag(name: str, value: str) -> str:
    return TAG[name] + value.replace(",", " ").strip()


def build_schema() -> Schema:
    ana = ChineseAnalyzer()
    grams = GramAnalyzer()
    return Schema(
        rid=ID(stored=True, unique=True),
        all=TEXT(analyzer=ana),
        gram=TEXT(analyzer=grams),
        title=TEXT(analyzer=ana, stored=True, phrase=False),
        tags=KEYWORD(commas=True),
        app_date=NUMERIC(int, bits=32, shift_step=16),
        pub_date=NUMERIC(int, bits=32, shift_step=16),
        date=COLUMN(NumericColumn("I", default=0)),
        kind=STORED(),
        body=STORED(),
        applicants=STORED(),
        ipc=STORED(),
        legal=STORED(),
        ptype=STORED(),
        region=STORED(),
        collection=STORED(),
        appno_text=STORED(),
        pubno_text=STORED(),
        date_text=STORED(),
        section=STORED(),
        stamp=STORED(),
    )


def all_text(title: str, *rest: str | None) -> str:
    """The text of the ``all`` field: the title (repeated, to weigh it), then the rest."""
    parts = [title, *[r for r in rest if r]] + [title] * (TITLE_REPEAT - 1)
    return "\n".join(parts)


def text_fields(title: str, *rest: str | None) -> dict[str, str]:
    """The searchable text of a document: the word field and the gram field."""
    return {MATCH_FIELD: all_text(title, *rest),
            GRAM_FIELD: "\n".join([title, *[r for r in rest if r]])}


def date_int(value: _dt.date | None) -> int | None:
    return value.year * 10000 + value.month * 100 + value.day if value else None


def ipc_keys(ipc_list: list[str]) -> list[str]:
    keys: list[str] = []
    for raw in ipc_list:
        chk = check_ipc(raw)
        if chk.ok and chk.canonical:
            keys += [p.replace(" ", "") for p in ipc_prefixes(chk.canonical)]
    return list(dict.fromkeys(keys))


def split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


def doc_for_row(row: dict[str, Any]) -> dict[str, Any]:
    """The index document for one stored record (a dict of ``library_records`` columns)."""
    applicants = split(row.get("applicants"))
    ipcs = split(row.get("ipc"))
    app_d = date_int(row.get("application_date"))
    pub_d = date_int(row.get("publication_date") or row.get("grant_date"))
    when = app_d or pub_d
    body = "\n".join(x for x in (row.get("abstract"), row.get("body"), row.get("claims")) if x)
    pubnos = number_keys(row.get("publication_number"), row.get("grant_number"))
    ipc = ipc_keys(ipcs)
    tags = [tag("kind", row["kind"])]
    tags += [tag("applicant", a) for a in applicants]
    tags += [tag("inventor", i) for i in split(row.get("inventors"))]
    tags += [tag("ipc", k) for k in ipc]
    tags += [tag("pubno", k) for k in dict.fromkeys(pubnos)]
    for name, value in (("appno", row.get("appno_key")), ("legal", row.get("legal_status")),
                        ("ptype", row.get("patent_type")), ("region", row.get("region")),
                        ("collection", row.get("collection")),
                        ("year", str(when // 10000) if when else None)):
        if value:
            tags.append(tag(name, value))
    present = (app_d, pub_d, row.get("legal_status"), row.get("region"), ipc,
               row.get("inventors"), applicants, when)
    tags += [tag("has", h) for h, v in zip(HAS, present, strict=True) if v]
    doc: dict[str, Any] = {
        "rid": f"r{row['id']}",
        "kind": row["kind"],
        "title": row["title"],
        "body": body or None,
        **text_fields(row["title"], body, "; ".join(applicants)),
        "tags": ",".join(tags),
        "applicants": "; ".join(applicants) or None,
        "ipc": ",".join(ipc) or None,
        "legal": row.get("legal_status") or None,
        "ptype": row.get("patent_type") or None,
        "region": row.get("region") or None,
        "collection": row.get("collection") or None,
        "app_date": app_d,
        "pub_date": pub_d,
        "date": when or 0,
        "appno_text": row.get("application_number"),
        "pubno_text": row.get("publication_number") or row.get("grant_number"),
        "date_text": (row.get("application_date") or row.get("publication_date")
                      or row.get("grant_date")),
        "section": row.get("section"),
        "stamp": row.get("content_hash"),
    }
    if isinstance(doc["date_text"], _dt.date):
        doc["date_text"] = doc["date_text"].isoformat()
    return {k: v for k, v in doc.items() if v is not None}
