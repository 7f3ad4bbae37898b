"""Form generators for common filings (Qt-free).

- :mod:`spec`: the pydantic spec of a form; :mod:`catalog`: loading bundled and
  administrator specs; :mod:`fields`/:mod:`validation`: field types and cross-field rules;
  :mod:`render_docx`/:mod:`output`: DOCX/XLSX writing; :mod:`generate`/:mod:`batch`: the
  services the CLI and the GUI call; :mod:`history`: the record of generated documents.
"""

from __future__ import annotations

from desktop.forms.batch import BatchReport, batch_job, read_batch_rows, write_batch_template
from desktop.forms.catalog import FormCatalog, FormDef, LoadProblem, load_catalog
from desktop.forms.generate import (
    Generated,
    check_form,
    forms_catalog,
    generate,
    load_client,
)
from desktop.forms.history import (
    DocumentRecord,
    count_documents_for_form,
    get_document,
    list_documents,
)
from desktop.forms.prefill import prefill
from desktop.forms.validation import Computed, FormResult, patent_expiry, validate_form

__all__ = [
    "BatchReport", "Computed", "DocumentRecord", "FormCatalog", "FormDef", "FormResult",
    "Generated", "LoadProblem", "batch_job", "check_form", "count_documents_for_form",
    "forms_catalog", "generate", "get_document", "list_documents", "load_catalog",
    "load_client", "patent_expiry", "prefill", "read_batch_rows", "validate_form",
    "write_batch_template",
]
