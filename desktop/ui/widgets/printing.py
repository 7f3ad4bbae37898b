"""Printing on A4 through the system print dialog (handouts, filled forms)."""

from __future__ import annotations

from PySide6.QtGui import QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget


def new_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    return printer


def ask_printer(printer: QPrinter, parent: QWidget, title: str = "") -> bool:
    """The system print dialog; True when the user chose to print."""
    dialog = QPrintDialog(printer, parent)
    if title:
        dialog.setWindowTitle(title)
    return dialog.exec() == QDialog.DialogCode.Accepted


def print_document(doc: QTextDocument, parent: QWidget, title: str = "") -> bool:
    printer = new_printer()
    if not ask_printer(printer, parent, title):
        return False
    doc.print_(printer)
    return True


def preview_document(doc: QTextDocument, parent: QWidget, title: str = "") -> bool:
    """Print preview first (A4), printing from the preview; True when printed."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    printer = new_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    if title:
        dialog.setWindowTitle(title)
    printed: list[bool] = []

    def paint(p: QPrinter) -> None:
        doc.print_(p)
        printed.append(True)

    dialog.paintRequested.connect(paint)
    dialog.resize(900, 700)
    return dialog.exec() == QDialog.DialogCode.Accepted and bool(printed)
