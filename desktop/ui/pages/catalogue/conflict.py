"""The item editor after a save conflict (another desk saved the item meanwhile)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.catalogue import api as catalogue
from desktop.catalogue.api import ServiceItem
from desktop.errors import EditConflict
from desktop.ui.jobs import show_error
from desktop.ui.widgets.conflict_dialog import KEEP_EDITING, OVERWRITE, ConflictDialog

if TYPE_CHECKING:
    from desktop.ui.pages.catalogue.admin_actions import AdminActions


def item_conflict(page: AdminActions, mine: ServiceItem, exc: BaseException) -> None:
    """A failed save: a conflict asks keep editing / overwrite / discard; anything else is
    shown as an error."""
    if not isinstance(exc, EditConflict):
        show_error(page, exc, page.env.lang)
        return
    lang = page.env.lang
    labels = catalogue.FIELD_LABELS if lang == "zh" else catalogue.FIELD_LABELS_EN
    box = ConflictDialog(exc, lambda key: labels.get(key, key), lang, page)
    page.dialog = box

    def chosen() -> None:
        if box.choice == OVERWRITE:
            page.save_item_version(mine, exc.their_version)
        elif box.choice == KEEP_EDITING:
            theirs = catalogue.item_from_data(exc.theirs)
            page.open_item_editor(theirs, exc.their_version,
                                  mine_text=catalogue.item_to_yaml(mine))

    box.finished.connect(lambda _code: chosen())
    box.open()
