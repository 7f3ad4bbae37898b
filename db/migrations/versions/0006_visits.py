"""visits: the visit log, its topics and items, and the personal-data export record

Revision ID: 0006_visits
Revises: 0005_merge_capabilities
Create Date: 2026-11-26
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_visits"
down_revision = "0005_merge_capabilities"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("officer", sa.String(100), nullable=False),
        sa.Column("client_id", sa.Integer()),
        sa.Column("client_ref", sa.String(32)),
        sa.Column("client_kind", sa.String(20)),
        sa.Column("region", sa.String(200)),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("outcome", sa.String(20)),
        sa.Column("referred_to", sa.String(200)),
        sa.Column("follow_up", sa.Date()),
        sa.Column("follow_up_done", sa.Boolean(), nullable=False),
        sa.Column("effort", sa.SmallInteger()),
        sa.Column("satisfaction", sa.SmallInteger()),
        sa.Column("duration_min", sa.Integer()),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("tags_json", sa.Text(), nullable=False),
        sa.Column("searches_json", sa.Text(), nullable=False),
        sa.Column("documents_json", sa.Text(), nullable=False),
        sa.Column("search_count", sa.Integer(), nullable=False),
        sa.Column("document_count", sa.Integer(), nullable=False),
        sa.Column("model_answer", sa.Boolean(), nullable=False),
        sa.Column("answer_item", sa.String(40)),
        sa.Column("anonymised_at", sa.DateTime()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["clients.id"], ondelete="SET NULL",
                                name=op.f("fk_visits_client_id_clients")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
    )
    op.create_index(op.f("ix_visits_started_at"), "visits", ["started_at"])
    op.create_index(op.f("ix_visits_client_id"), "visits", ["client_id"])
    op.create_index(op.f("ix_visits_follow_up"), "visits", ["follow_up"])
    op.create_table(
        "visit_topics",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"], ondelete="CASCADE",
                                name=op.f("fk_visit_topics_visit_id_visits")),
        sa.PrimaryKeyConstraint("visit_id", "topic", name=op.f("pk_visit_topics")),
    )
    op.create_index(op.f("ix_visit_topics_topic"), "visit_topics", ["topic"])
    op.create_table(
        "visit_items",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("item_code", sa.String(40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"], ondelete="CASCADE",
                                name=op.f("fk_visit_items_visit_id_visits")),
        sa.PrimaryKeyConstraint("visit_id", "item_code", name=op.f("pk_visit_items")),
    )
    op.create_index(op.f("ix_visit_items_item_code"), "visit_items", ["item_code"])
    op.create_table(
        "personal_data_exports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("officer", sa.String(100), nullable=False),
        sa.Column("path", sa.String(1000), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_personal_data_exports")),
    )
    op.create_index(op.f("ix_personal_data_exports_at"), "personal_data_exports", ["at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_personal_data_exports_at"), table_name="personal_data_exports")
    op.drop_table("personal_data_exports")
    op.drop_index(op.f("ix_visit_items_item_code"), table_name="visit_items")
    op.drop_table("visit_items")
    op.drop_index(op.f("ix_visit_topics_topic"), table_name="visit_topics")
    op.drop_table("visit_topics")
    op.drop_index(op.f("ix_visits_follow_up"), table_name="visits")
    op.drop_index(op.f("ix_visits_client_id"), table_name="visits")
    op.drop_index(op.f("ix_visits_started_at"), table_name="visits")
    op.drop_table("visits")
