"""Show an import report: counts, then rejected rows and warnings."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def show_import_report(parent: QWidget | None, title: str, summary: str,
                       details: list[str]) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setIcon(QMessageBox.Icon.Warning if details else QMessageBox.Icon.Information)
    box.setText(summary)
    if details:
        box.setDetailedText("\n".join(details))
    box.setObjectName("importReport")
    box.open()
    return box
