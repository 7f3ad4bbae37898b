"""Every form the bundled service catalogue links to exists here."""

from __future__ import annotations

import yaml

from desktop.forms.registry import FormRegistry
from desktop.paths import resource


def test_catalogue_form_links_resolve(catalog: FormRegistry) -> None:
    linked = set()
    for path in sorted(resource("catalogue").glob("*.yaml")):
        item = yaml.safe_load(path.read_text("utf-8")) or {}
        linked |= {f["form_id"] for f in item.get("forms") or [] if f.get("form_id")}
    assert linked, "the catalogue links to no form"
    assert linked - set(catalog.forms) == set()
