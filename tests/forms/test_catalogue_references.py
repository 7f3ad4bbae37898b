"""A service item whose related forms have generated documents is retired, never deleted."""

from __future__ import annotations

from desktop.catalogue import get_item, list_items
from desktop.catalogue.references import reference_count
from desktop.catalogue.store import delete_item
from desktop.forms import forms_catalog, generate
from desktop.forms.describe import example_data


def _pledge_item(ctx):
    return next(i for i in list_items(ctx.db)
                if any(f.form_id == "patent_pledge" for f in i.forms))


def test_generated_documents_keep_their_service_item(ctx, tmp_path):
    item = _pledge_item(ctx)
    assert reference_count(ctx.db, item.code) == 0
    form = forms_catalog(ctx).get("patent_pledge")
    generate(ctx, "patent_pledge", example_data(form), folder=tmp_path)
    assert reference_count(ctx.db, item.code) == 1
    assert delete_item(ctx.db, item.code) == "retired"
    assert get_item(ctx.db, item.code).active is False


def test_an_item_without_documents_can_be_deleted(ctx):
    item = next(i for i in list_items(ctx.db) if i.code != _pledge_item(ctx).code)
    assert delete_item(ctx.db, item.code) == "deleted"
    assert item.code not in {i.code for i in list_items(ctx.db)}


def test_every_linked_form_exists(ctx):
    known = set(forms_catalog(ctx).forms)
    linked = {f.form_id for i in list_items(ctx.db) for f in i.forms if f.form_id}
    assert linked and linked <= known
