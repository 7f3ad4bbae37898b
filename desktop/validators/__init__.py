"""Identifier validators.  Public module: :mod:`desktop.validators.api`."""
