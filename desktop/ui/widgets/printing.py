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
