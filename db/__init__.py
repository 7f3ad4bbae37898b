"""Database layer: SQLAlchemy models, engine/session factory and Alembic migrations.

No business rules, no Qt, no file formats live here.
"""
