"""library: imported patents/documents and import batches

Revision ID: 0003_library
Revises: 0001_foundation
Create Date: 2026-11-25
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_library"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "library_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("collection", sa.String(200)),
        sa.Column("sources", sa.Text(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_library_batches")),
    )
    op.create_table(
        "library_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("application_number", sa.String(40)),
        sa.Column("appno_key", sa.String(20)),
        sa.Column("publication_number", sa.String(40)),
        sa.Column("pubno_key", sa.String(20)),
        sa.Column("grant_number", sa.String(40)),
        sa.Column("application_date", sa.Date()),
        sa.Column("publication_date", sa.Date()),
        sa.Column("grant_date", sa.Date()),
        sa.Column("ipc", sa.Text()),
        sa.Column("applicants", sa.Text()),
        sa.Column("inventors", sa.Text()),
        sa.Column("priority", sa.Text()),
        sa.Column("abstract", sa.Text()),
        sa.Column("claims", sa.Text()),
        sa.Column("body", sa.Text()),
        sa.Column("legal_status", sa.String(100)),
        sa.Column("patent_type", sa.String(50)),
        sa.Column("region", sa.String(100)),
        sa.Column("address", sa.Text()),
        sa.Column("agency", sa.String(300)),
        sa.Column("section", sa.String(200)),
        sa.Column("doc_title", sa.String(500)),
        sa.Column("collection", sa.String(200)),
        sa.Column("source_file", sa.Text()),
        sa.Column("source_row", sa.Integer()),
        sa.Column("extra", sa.Text(), nullable=False),
        sa.Column("flags", sa.Text(), nullable=False),
        sa.Column("ident_hash", sa.String(40), nullable=False),
        sa.Column("content_hash", sa.String(40), nullable=False),
        sa.Column("batch_id", sa.Integer()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["library_batches.id"],
                                name=op.f("fk_library_records_batch_id_library_batches"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_library_records")),
    )
    for col in ("kind", "appno_key", "pubno_key", "collection", "ident_hash", "batch_id"):
        op.create_index(op.f(f"ix_library_records_{col}"), "library_records", [col])


def downgrade() -> None:
    for col in ("kind", "appno_key", "pubno_key", "collection", "ident_hash", "batch_id"):
        op.drop_index(op.f(f"ix_library_records_{col}"), table_name="library_records")
    op.drop_table("library_records")
    op.drop_table("library_batches")
