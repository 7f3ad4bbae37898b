"""merge the catalogue, library and forms branches into one head

Revision ID: 0005_merge_capabilities
Revises: 0002_catalogue, 0003_library, 0004_forms
Create Date: 2026-11-25
"""
from __future__ import annotations

revision = "0005_merge_capabilities"
down_revision = ("0002_catalogue", "0003_library", "0004_forms")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
