"""The library's record fields and the column headers that name them.

Patent lists come from many tools (CNIPA pss-system, commercial databases, spreadsheets kept by
hand) with differently named columns; :func:`match_header` maps a header to one of
:data:`FIELDS` by synonym, ignoring full-/half-width brackets, spaces and case.
"""

from __future__ import annotations

from desktop.common.headers import fold_header

# canonical field name -> (Chinese label, English label)
FIELDS: dict[str, tuple[str, str]] = {
    "title": ("名称", "title"),
    "application_number": ("申请号", "application number"),
    "application_date": ("申请日", "application date"),
    "publication_number": ("公开（公告）号", "publication number"),
    "publication_date": ("公开（公告）日", "publication date"),
    "grant_number": ("授权公告号", "grant number"),
    "grant_date": ("授权公告日", "grant date"),
    "ipc": ("IPC分类号", "IPC"),
    "applicants": ("申请（专利权）人", "applicants"),
    "inventors": ("发明人", "inventors"),
    "abstract": ("摘要", "abstract"),
    "claims": ("主权项", "main claim"),
    "legal_status": ("法律状态", "legal status"),
    "patent_type": ("专利类型", "patent type"),
    "address": ("申请人地址", "applicant address"),
    "region": ("地区", "region"),
    "agency": ("代理机构", "agency"),
    "agent": ("代理人", "agent"),
    "priority": ("优先权号", "priority"),
    "priority_date": ("优先权日", "priority date"),
    "postcode": ("申请人邮编", "applicant postcode"),
    "cpc": ("CPC分类号", "CPC"),
}

SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": ("发明名称", "专利名称", "名称", "标题", "题名", "title", "inventiontitle",
              "patenttitle", "name"),
    "application_number": ("申请号", "专利申请号", "申请号码", "专利号", "applicationnumber",
                           "applicationno", "appno", "application_number"),
    "application_date": ("申请日", "申请日期", "applicationdate", "filingdate", "appdate",
                         "application_date"),
    "publication_number": ("公开(公告)号", "公开号", "公告号", "公开公告号", "公布号",
                           "publicationnumber", "publicationno", "pubno", "publication_number"),
    "publication_date": ("公开(公告)日", "公开日", "公告日", "公开日期", "公开公告日", "公布日",
                         "publicationdate", "pubdate", "publication_date"),
    "grant_number": ("授权公告号", "授权号", "grantnumber", "grant_number"),
    "grant_date": ("授权公告日", "授权日", "grantdate", "grant_date"),
    "ipc": ("ipc分类号", "ipc", "主分类号", "分类号", "ipc主分类号", "ipc主分类", "ipcsubclasses",
            "ipc_subclasses", "国际分类号", "ipc分类"),
    "applicants": ("申请(专利权)人", "申请人", "专利权人", "当前权利人", "当前专利权人", "权利人",
                   "申请人名称", "assignee", "assignees", "applicant", "applicants", "申请人(专利权人)"),
    "inventors": ("发明人", "设计人", "发明(设计)人", "第一发明人", "inventor", "inventors"),
    "abstract": ("摘要", "申请摘要", "摘要文本", "abstract"),
    "claims": ("主权项", "权利要求", "首项权利要求", "claims", "mainclaim", "claim"),
    "legal_status": ("法律状态", "当前法律状态", "专利状态", "legalstatus", "status",
                     "legal_status"),
    "patent_type": ("专利类型", "文献类型", "类型", "专利种类", "patenttype", "kind", "type",
                    "patent_type"),
    "address": ("申请人地址", "地址", "专利权人地址", "address"),
    "region": ("申请人所在国(省)", "国省代码", "地区", "申请人所在国", "所在地区", "省份", "国家/地区",
               "region", "country", "province"),
    "agency": ("代理机构", "专利代理机构", "agency"),
    "agent": ("代理人", "专利代理人", "agent"),
    "priority": ("优先权号", "优先权", "priority", "prioritynumber"),
    "priority_date": ("优先权日", "prioritydate"),
    "postcode": ("申请人邮编", "邮编", "postcode"),
    "cpc": ("cpc分类号", "cpc"),
}

MULTI_VALUED = ("applicants", "inventors", "ipc", "priority", "cpc")
DATE_FIELDS = ("application_date", "publication_date", "grant_date", "priority_date")


header_key = fold_header  # the library's name for the shared rule


_LOOKUP: dict[str, str] = {header_key(s): f for f, syns in SYNONYMS.items() for s in syns}


def match_header(text: object) -> str | None:
    """The canonical field a column header names, or None when it is not recognised."""
    return _LOOKUP.get(header_key(text))


def field_label(name: str, lang: str = "zh") -> str:
    zh, en = FIELDS.get(name, (name, name))
    return zh if lang == "zh" else en
