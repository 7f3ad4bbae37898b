"""The client dialog after a save conflict (another desk saved the client meanwhile)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.clients import api as clients
from desktop.errors import EditConflict
from desktop.ui.widgets.conflict_dialog import (
    KEEP_EDITING,
    OVERWRITE,
    ConflictDialog,
    shown,
)

if TYPE_CHECKING:
    from desktop.ui.pages.clients.dialog import ClientDialog


def resolve_conflict(dialog: ClientDialog, conflict: EditConflict) -> None:
    """Show the fields that differ and do what the officer chooses: keep editing (their
    version in the form, what they had typed shown under each field), overwrite with
    theirs' version as the base, or discard (close without saving)."""
    lang = dialog.env.lang
    box = ConflictDialog(conflict, lambda key: clients.field_label(key, lang), lang, dialog)
    dialog.conflict_dialog = box

    def chosen() -> None:
        dialog.client.lock_version = conflict.their_version  # the next save goes on theirs
        if box.choice == OVERWRITE:
            dialog.save()
        elif box.choice == KEEP_EDITING:
            load_theirs(dialog, conflict)
        else:
            dialog.reject()

    box.finished.connect(lambda _code: chosen())
    box.open()


def load_theirs(dialog: ClientDialog, conflict: EditConflict) -> None:
    """Their saved values into the form; under each field that differed, what this
    officer had typed (to copy back what should stay)."""
    prefix = dialog.tr("你的输入：")
    for key in conflict.differing():
        theirs = conflict.theirs.get(key)
        if key in dialog.inputs:
            dialog.inputs[key].setText(str(theirs or ""))
        elif key == "notes":
            dialog.notes.setPlainText(str(theirs or ""))
        elif key == "kind":
            dialog.kind.setCurrentIndex(max(0, dialog.kind.findData(theirs)))
        elif key == "id_check_confirmed":
            dialog.confirm.setChecked(bool(theirs))
        label = dialog.yours.get(key)
        if label is not None:
            label.setText(prefix + (shown(conflict.mine.get(key)) or dialog.tr("（空）")))
            label.show()
    dialog.revalidate()
