"""Form generators for common filings (Qt-free).  Public module: :mod:`desktop.forms.api`.

Inside: :mod:`.spec` (the pydantic spec of a form), :mod:`.registry` (loading bundled and
administrator specs), :mod:`.fields`/:mod:`.validation` (field types and cross-field rules),
:mod:`.render_docx`/:mod:`.output` (DOCX/XLSX writing), :mod:`.generate`/:mod:`.batch`,
:mod:`.history` (the record of generated documents).
"""
