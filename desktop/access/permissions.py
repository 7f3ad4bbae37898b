"""What a role may do in the app (the pages hide or disable the rest).

PostgreSQL enforces the same on a shared database (``db/grants.py``); this is the face of it,
so an officer never sees a button that can only fail.  Role "" is a desk of its own with no
desk profiles: everything.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("admin", "officer", "readonly")
ROLE_LABELS = {"admin": ("管理员", "administrator"), "officer": ("业务人员", "officer"),
               "readonly": ("只读", "read-only"), "": ("单机（全部权限）", "desk of its own (all)")}

# the pages a read-only login sees (search and catalogue; it cannot read clients or visits)
READONLY_PAGES = ("catalogue", "search", "settings")


@dataclass(frozen=True)
class Permissions:
    role: str
    can_edit_catalogue: bool    # catalogue editor, import, retire, delete, restore a version
    can_erase: bool             # delete a client profile or a visit
    can_edit_clients: bool      # add, edit, import clients
    can_record_visits: bool     # record and edit visits, generate documents, import patents
    can_read_audit: bool
    can_manage_users: bool
    can_edit_settings: bool     # outlet, retention period (shared by every desk)

    def page_allowed(self, key: str) -> bool:
        """Whether the navigation shows page ``key``."""
        return self.role != "readonly" or key in READONLY_PAGES


def for_role(role: str) -> Permissions:
    everything = role in ("", "admin")
    officer = everything or role == "officer"
    return Permissions(role=role, can_edit_catalogue=everything, can_erase=everything,
                       can_edit_clients=officer, can_record_visits=officer,
                       can_read_audit=everything, can_manage_users=everything,
                       can_edit_settings=everything)


def role_label(role: str, lang: str = "zh") -> str:
    zh, en = ROLE_LABELS.get(role, (role, role))
    return zh if lang == "zh" else en
