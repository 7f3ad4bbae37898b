"""catalogue: service items and their history

Revision ID: 0002_catalogue
Revises: 0001_foundation
Create Date: 2026-11-25
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_catalogue"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "catalogue_items",
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.String(40), nullable=False),
        sa.Column("effective_date", sa.Date(), nullable=False),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_catalogue_items")),
    )
    op.create_index(op.f("ix_catalogue_items_category"), "catalogue_items", ["category"])
    op.create_table(
        "catalogue_item_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("version", sa.String(40), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogue_item_history")),
    )
    op.create_index(op.f("ix_catalogue_item_history_code"), "catalogue_item_history", ["code"])


def downgrade() -> None:
    op.drop_index(op.f("ix_catalogue_item_history_code"), table_name="catalogue_item_history")
    op.drop_table("catalogue_item_history")
    op.drop_index(op.f("ix_catalogue_items_category"), table_name="catalogue_items")
    op.drop_table("catalogue_items")
