"""A service item whose related forms have generated documents is retired, never deleted."""

from __future__ import annotations

from desktop.catalogue import api as catalogue
from desktop.catalogue.store import get_item, list_items
from desktop.forms import api as forms


def _pledge_item(ctx):
    return next(i for i in list_items(ctx.db)
                if any(f.form_id == "patent_pledge" for f in i.forms))


def test_generated_documents_keep_their_service_item(ctx, tmp_path):
    item = _pledge_item(ctx)
    assert catalogue.references(ctx, item) == 0
    form = forms.get_form(ctx, "patent_pledge")
    op = forms.generate_document(ctx, "patent_pledge", forms.example_data(form),
                                 folder=tmp_path)
    assert op.changes.documents and op.value.path.exists()
    assert catalogue.references(ctx, item) == 1  # the composition root wired the forms in
    assert catalogue.delete_item(ctx, item.code).value == "retired"
    assert get_item(ctx.db, item.code).active is False


def test_an_item_without_documents_can_be_deleted(ctx):
    item = next(i for i in list_items(ctx.db) if i.code != _pledge_item(ctx).code)
    assert catalogue.delete_item(ctx, item.code).value == "deleted"
    assert item.code not in {i.code for i in list_items(ctx.db)}


def test_every_linked_form_exists(ctx):
    known = set(forms.form_registry(ctx).forms)
    linked = {f.form_id for i in list_items(ctx.db) for f in i.forms if f.form_id}
    assert linked and linked <= known
