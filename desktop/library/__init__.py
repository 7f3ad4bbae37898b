"""Local IP data library: importers (file → normalised records), the store (records ↔ db)
and Chinese full-text search on whoosh (``desktop.library.search``).  Qt-free.

Entry point for the CLI and the search page: :func:`desktop.library.api.open_library`.
"""
