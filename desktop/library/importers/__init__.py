"""Readers for the files a desk imports: patent lists (XLSX, CSV, JSON Lines, CNKI text) and
documents (TXT, Markdown, DOCX).  They read and map; :mod:`desktop.library.normalise` cleans
values and :mod:`desktop.library.store` writes them."""
