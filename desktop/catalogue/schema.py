"""The schema of one service item (服务事项) and its办事指南, validated with pydantic.

The same model validates the bundled YAML files, imported spreadsheets and the in-app
editor, so every path into the catalogue applies the same rules.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from desktop.common.citations import LegalBasis
from desktop.common.fees import unknown_references
from desktop.common.limits import MAX_CELL_CHARS, MAX_LINE_CHARS, MAX_NAME_CHARS

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                        max_length=MAX_CELL_CHARS)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                        max_length=MAX_LINE_CHARS, pattern=r"^[^\n｜]*$")]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                        max_length=MAX_NAME_CHARS, pattern=r"^[^\n｜]*$")]

CATEGORIES: tuple[str, ...] = (
    "专利", "商标", "地理标志", "集成电路布图设计", "版权", "维权援助",
    "知识产权运营", "信息服务", "知识产权咨询",
)
AUDIENCES: tuple[str, ...] = ("企业", "个人", "高校院所", "社会团体", "代理机构")
CODE_PATTERN = r"^[A-Z]{2}-\d{3}$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Provider(_Strict):
    body: Line = Field(description="实施机构 / providing body")
    level: Literal["国家", "省", "市", "县", "网点"] = Field(description="层级 / level")


class Channel(_Strict):
    kind: Literal["网上", "窗口", "邮寄", "电话", "邮件"]
    detail: Line


class Material(_Strict):
    name: Line
    form: Literal["原件", "复印件", "原件和复印件", "电子件", "原件或电子件"] = "原件"
    copies: int = Field(1, ge=0, le=99)
    required: bool = True
    notes: str = Field("", pattern=r"^[^\n｜]*$")


class Step(_Strict):
    title: Line
    detail: str = Field("", pattern=r"^[^\n｜]*$")


class FormRef(_Strict):
    form_id: str | None = Field(None, pattern=r"^[a-z][a-z0-9_]*$")
    name: Line


class Faq(_Strict):
    q: Line
    a: Line


class Source(_Strict):
    title: Line = Field(description="事实来源")
    date: _dt.date = Field(description="事实日期")


class ServiceItem(_Strict):
    """One service item with every element of its guide."""

    code: str = Field(pattern=CODE_PATTERN)
    name: Name
    category: Literal["专利", "商标", "地理标志", "集成电路布图设计", "版权", "维权援助",
                      "知识产权运营", "信息服务", "知识产权咨询"]
    service_type: Literal["政务服务", "公共服务"]
    paid: bool
    audience: list[Literal["企业", "个人", "高校院所", "社会团体", "代理机构"]] = Field(min_length=1)
    provider: Provider
    legal_basis: list[LegalBasis] = Field(min_length=1)
    conditions: list[Line] = Field(min_length=1)
    channels: list[Channel] = Field(min_length=1)
    materials: list[Material] = Field(min_length=1)
    steps: list[Step] = Field(min_length=1)
    time_limit: Text
    fees: Text
    result: Text
    progress_query: Text
    supervision: Text
    facilitation: list[Line] = Field(min_length=1)
    forms: list[FormRef] = Field(min_length=1)
    faq: list[Faq] = Field(min_length=1)
    keywords: list[Line] = Field(min_length=1)
    version: Line
    effective_date: _dt.date
    checked: _dt.date | None = Field(None, description="信息核对日期：事实最近一次核对的日期")
    active: bool = True
    source: Source

    @field_validator("audience", "keywords")
    @classmethod
    def _unique(cls, v: list[str]) -> list[str]:
        seen: list[str] = []
        for x in v:
            if x not in seen:
                seen.append(x)
        return seen

    @model_validator(mode="after")
    def _fees_known(self) -> ServiceItem:
        unknown = sorted({ref for text in strings_in(self.model_dump(mode="json"))
                          for ref in unknown_references(text)})
        if unknown:
            raise ValueError("收费标准表中没有这些费用编号：" + "、".join(unknown))
        return self

    @field_validator("name")
    @classmethod
    def _no_code_in_name(cls, v: str) -> str:
        if re.match(CODE_PATTERN[:-1], v):
            raise ValueError("事项名称不能以编码开头")
        return v


def strings_in(value: object) -> list[str]:
    """Every string inside a dumped item (to check the fee references)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in strings_in(v)]
    if isinstance(value, list):
        return [t for v in value for t in strings_in(v)]
    return []


#: Field order and Chinese labels (YAML keys stay English; people see the labels).
FIELD_LABELS: dict[str, str] = {
    "code": "事项编码",
    "name": "事项名称",
    "category": "类别",
    "service_type": "事项类型",
    "paid": "是否收费",
    "audience": "服务对象",
    "provider": "实施机构及层级",
    "legal_basis": "设定依据",
    "conditions": "受理条件",
    "channels": "获取途径",
    "materials": "申请材料",
    "steps": "办理流程",
    "time_limit": "办理时限",
    "fees": "收费标准",
    "result": "办理结果",
    "progress_query": "进度查询",
    "supervision": "监督评价与投诉",
    "facilitation": "便利化举措",
    "forms": "相关表格",
    "faq": "常见问题",
    "keywords": "关键词",
    "version": "版本",
    "effective_date": "生效日期",
    "checked": "信息核对日期",
    "active": "是否有效",
    "source": "信息来源及日期",
}
FIELD_LABELS_EN: dict[str, str] = {
    "code": "Code", "name": "Name", "category": "Category", "service_type": "Service type",
    "paid": "Charged", "audience": "Audience", "provider": "Provider and level",
    "legal_basis": "Legal basis", "conditions": "Conditions", "channels": "Where to apply",
    "materials": "Materials", "steps": "Procedure", "time_limit": "Time limit",
    "fees": "Fees", "result": "Result", "progress_query": "Progress enquiry",
    "supervision": "Supervision and complaints", "facilitation": "Convenience measures",
    "forms": "Related forms", "faq": "FAQ", "keywords": "Keywords", "version": "Version",
    "effective_date": "Effective date", "checked": "Facts checked on", "active": "Active", "source": "Source and date",
}
