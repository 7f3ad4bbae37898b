"""network: lock versions, who-made-it columns, visit idempotency keys, the change log,
the audit log and desk profiles

Revision ID: 0007_network
Revises: 0006_visits
Create Date: 2026-12-04
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_network"
down_revision = "0006_visits"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _who(name: str) -> sa.Column:
    return sa.Column(name, sa.String(100), nullable=False, server_default="")


def upgrade() -> None:
    with op.batch_alter_table("clients") as b:
        b.add_column(sa.Column("lock_version", sa.Integer(), nullable=False, server_default="1"))
        b.add_column(_who("created_by"))
        b.add_column(_who("updated_by"))
    with op.batch_alter_table("catalogue_items") as b:
        b.add_column(sa.Column("lock_version", sa.Integer(), nullable=False, server_default="1"))
        b.add_column(_who("updated_by"))
    with op.batch_alter_table("catalogue_item_history") as b:
        b.add_column(_who("recorded_by"))
    with op.batch_alter_table("form_documents") as b:
        b.add_column(_who("created_by"))
    with op.batch_alter_table("library_batches") as b:
        b.add_column(_who("created_by"))
    with op.batch_alter_table("visits") as b:
        b.add_column(_who("recorded_by"))
        b.add_column(sa.Column("idem_key", sa.String(40)))
        b.create_unique_constraint(op.f("uq_visits_idem_key"), ["idem_key"])
    op.create_table(
        "change_log",
        sa.Column("seq", BigId, autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("op", sa.String(10), nullable=False),
        sa.Column("origin", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change_log")),
    )
    op.create_index(op.f("ix_change_log_at"), "change_log", ["at"])
    op.create_table(
        "audit_log",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("desk", sa.String(100), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"])
    op.create_index(op.f("ix_audit_log_action"), "audit_log", ["action"])
    op.create_table(
        "desk_profiles",
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("pin_hash", sa.String(300), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_used_at", sa.DateTime()),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_desk_profiles")),
    )


def downgrade() -> None:
    op.drop_table("desk_profiles")
    op.drop_index(op.f("ix_audit_log_action"), table_name="audit_log")
    op.drop_index(op.f("ix_audit_log_at"), table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_index(op.f("ix_change_log_at"), table_name="change_log")
    op.drop_table("change_log")
    with op.batch_alter_table("visits") as b:
        b.drop_constraint(op.f("uq_visits_idem_key"), type_="unique")
        b.drop_column("idem_key")
        b.drop_column("recorded_by")
    with op.batch_alter_table("library_batches") as b:
        b.drop_column("created_by")
    with op.batch_alter_table("form_documents") as b:
        b.drop_column("created_by")
    with op.batch_alter_table("catalogue_item_history") as b:
        b.drop_column("recorded_by")
    with op.batch_alter_table("catalogue_items") as b:
        b.drop_column("updated_by")
        b.drop_column("lock_version")
    with op.batch_alter_table("clients") as b:
        b.drop_column("updated_by")
        b.drop_column("created_by")
        b.drop_column("lock_version")
