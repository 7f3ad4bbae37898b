"""forms: generated-document history

Revision ID: 0004_forms
Revises: 0001_foundation
Create Date: 2026-11-25
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_forms"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "form_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.String(80), nullable=False),
        sa.Column("form_version", sa.Integer(), nullable=False),
        sa.Column("form_name", sa.String(200), nullable=False),
        sa.Column("client_id", sa.Integer()),
        sa.Column("client_name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("data_json", sa.Text(), nullable=False),
        sa.Column("output_format", sa.String(10), nullable=False),
        sa.Column("output_path", sa.String(1000), nullable=False),
        sa.Column("attachments_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["clients.id"], ondelete="SET NULL",
                                name=op.f("fk_form_documents_client_id_clients")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_form_documents")),
    )
    op.create_index(op.f("ix_form_documents_form_id"), "form_documents", ["form_id"])
    op.create_index(op.f("ix_form_documents_client_id"), "form_documents", ["client_id"])
    op.create_index(op.f("ix_form_documents_created_at"), "form_documents", ["created_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_form_documents_created_at"), table_name="form_documents")
    op.drop_index(op.f("ix_form_documents_client_id"), table_name="form_documents")
    op.drop_index(op.f("ix_form_documents_form_id"), table_name="form_documents")
    op.drop_table("form_documents")
