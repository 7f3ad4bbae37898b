"""Widgets of the forms page."""
