"""What each PostgreSQL group role may do, in this one place (``db setup-roles`` applies it).

``ipdesk_admin`` owns the app's tables (so an administrator's login can also upgrade the
schema) and may do everything.  ``ipdesk_officer`` reads everything but the audit log and the
desk profiles, records clients, visits, documents and library imports, and never deletes
anything but a visit's child rows (rewritten when a visit is edited).  ``ipdesk_readonly``
reads the catalogue and the library: search and catalogue only.

A table missing from a role's entry gets nothing on it; ``tests/access/test_roles_pg.py`` checks
that every table of the schema is named in the officer's entry and that what PostgreSQL then
allows matches this table.
"""

from __future__ import annotations

ADMIN = "ipdesk_admin"
OFFICER = "ipdesk_officer"
READONLY = "ipdesk_readonly"

# the app's role name -> its group role
GROUPS: dict[str, str] = {"admin": ADMIN, "officer": OFFICER, "readonly": READONLY}

S = ("SELECT",)
SIU = ("SELECT", "INSERT", "UPDATE")
SIUD = ("SELECT", "INSERT", "UPDATE", "DELETE")

# table -> privileges, per group (the administrator owns them all: see ``OWNER``)
GRANTS: dict[str, dict[str, tuple[str, ...]]] = {
    OFFICER: {
        "alembic_version": S,
        "catalogue_items": S,           # the catalogue is the administrator's
        "catalogue_item_history": S,
        "settings": S,                  # outlet, retention, preferences: the administrator's
        "clients": SIU,                 # erasure is the administrator's
        "visits": SIU,
        "visit_topics": SIUD,           # a visit's topics/items are rewritten when it is edited
        "visit_items": SIUD,
        "form_documents": SIU,
        "library_records": SIU,
        "library_batches": SIU,
        "personal_data_exports": SIU,
        "change_log": SIU,
        "audit_log": ("INSERT",),       # writes entries, cannot read or change them
        "desk_profiles": (),            # SQLite desks only; PIN hashes stay unread
    },
    READONLY: {
        "alembic_version": S,
        "catalogue_items": S,
        "catalogue_item_history": S,
        "library_records": S,
        "library_batches": S,
        "settings": S,
        "change_log": S,
    },
}

# column privileges beside the table ones: an INSERT … RETURNING id needs SELECT on id
COLUMN_GRANTS: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {
    OFFICER: {"audit_log": (("SELECT", "id"),)},
}

# sequences: who may draw new ids (an INSERT into a table with a serial key needs it)
SEQUENCE_USERS = (ADMIN, OFFICER)

# the group that owns every app table (its members may ALTER them: upgrades)
OWNER = ADMIN

# future tables (created by the owner in a later upgrade): what each group gets by default,
# until ``db setup-roles`` is run again and applies ``GRANTS`` to them
DEFAULT_TABLE_PRIVILEGES: dict[str, tuple[str, ...]] = {OFFICER: S}


def role_of_group(group: str) -> str:
    """``ipdesk_officer`` -> ``officer`` ("" for any other role)."""
    return next((k for k, v in GROUPS.items() if v == group), "")
