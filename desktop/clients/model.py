"""The client profile record and its field metadata."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class ClientField:
    key: str
    zh: str
    en: str
    synonyms: tuple[str, ...] = ()


CLIENT_KINDS: dict[str, tuple[str, str]] = {
    "enterprise": ("企业", "Enterprise"),
    "institution": ("机关事业单位", "Public institution"),
    "university": ("高校及科研院所", "University / institute"),
    "individual": ("个人", "Individual"),
}

# Column order of exports and the headers an import recognises.
CLIENT_FIELDS: tuple[ClientField, ...] = (
    ClientField("id", "编号", "ID"),
    ClientField("name", "名称", "Name", ("客户名称", "单位名称", "企业名称", "姓名")),
    ClientField("kind", "类型", "Type", ("客户类型", "主体类型")),
    ClientField("id_number", "统一社会信用代码/身份证号", "Credit code / ID number",
                ("统一社会信用代码", "信用代码", "身份证号", "身份证号码", "证件号码", "证件号")),
    ClientField("address", "地址", "Address", ("通讯地址", "住所", "详细地址")),
    ClientField("postcode", "邮编", "Postcode", ("邮政编码",)),
    ClientField("contact_person", "联系人", "Contact person", ("联系人姓名",)),
    ClientField("phone", "电话", "Phone", ("联系电话", "手机", "手机号", "电话号码")),
    ClientField("email", "电子邮箱", "E-mail", ("邮箱", "email", "e-mail")),
    ClientField("industry", "所属行业", "Industry", ("行业",)),
    ClientField("region", "所在园区/地区", "Zone / region",
                ("所在园区", "开发区", "园区", "地区", "所在地区", "区域")),
    ClientField("notes", "备注", "Notes", ("说明",)),
    ClientField("created_at", "创建时间", "Created"),
    ClientField("updated_at", "更新时间", "Updated"),
)

EDITABLE_KEYS: tuple[str, ...] = tuple(
    f.key for f in CLIENT_FIELDS if f.key not in ("id", "created_at", "updated_at")
)


def field_label(key: str, lang: str = "zh") -> str:
    for f in CLIENT_FIELDS:
        if f.key == key:
            return f.zh if lang == "zh" else f.en
    return key


def kind_label(kind: str, lang: str = "zh") -> str:
    zh, en = CLIENT_KINDS.get(kind, (kind, kind))
    return zh if lang == "zh" else en


@dataclass
class ClientData:
    """A client profile as it crosses layers (no ORM object leaves the clients package)."""

    name: str = ""
    kind: str = "enterprise"
    id_number: str | None = None
    address: str | None = None
    postcode: str | None = None
    contact_person: str | None = None
    phone: str | None = None
    email: str | None = None
    industry: str | None = None
    region: str | None = None
    notes: str | None = None
    id_check_confirmed: bool = False
    id: int | None = None
    created_at: _dt.datetime | None = field(default=None)
    updated_at: _dt.datetime | None = field(default=None)
    # optimistic locking: the version this copy was read with (None: a new client, or a
    # save that does not check); a save from an older version raises EditConflict
    lock_version: int | None = None
    updated_by: str = ""

    def as_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def editable(self) -> dict[str, object]:
        """The fields an officer edits (what a conflict compares)."""
        out: dict[str, object] = {k: getattr(self, k) for k in EDITABLE_KEYS}
        out["id_check_confirmed"] = bool(self.id_check_confirmed)
        return out
