

def test_catalogue_lists_categories_in_schema_order(ctx) -> None:  # type: ignore[no-untyped-def]
    from desktop.catalogue import CATEGORIES, list_items

    items = list_items(ctx.db)
    seen = list(dict.fromkeys(i.category for i in items))
    assert seen[0] == "专利"
    assert seen == [c for c in CATEGORIES if c in seen]
    patents = [i.code for i in items if i.category == "专利"]
    assert patents == sorted(patents)
