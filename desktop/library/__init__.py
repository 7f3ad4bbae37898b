"""Local IP data library: importers (file → normalised records), the store (records ↔ db)
and Chinese full-text search on whoosh (``desktop.library.search``).  Qt-free.

Public module: :mod:`desktop.library.api`.
"""
