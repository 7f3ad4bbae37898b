"""Add or edit one client, with live validation next to each field."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.clients import api as clients
from desktop.clients.api import CLIENT_KINDS, ClientData
from desktop.errors import EditConflict, FieldProblem, ValidationFailed
from desktop.ui.env import UiEnv
from desktop.ui.jobs import show_error
from desktop.ui.pages.clients.conflict import resolve_conflict

_LINE_FIELDS = ("name", "id_number", "address", "postcode", "contact_person", "phone", "email",
                "industry", "region")


class ClientDialog(QDialog):
    def __init__(self, env: UiEnv, client: ClientData | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.client = client or ClientData()
        self.saved: ClientData | None = None
        self.setWindowTitle(self.tr("编辑客户") if client else self.tr("新增客户"))
        self.setMinimumWidth(520)
        labels = {
            "name": self.tr("名称 *"), "kind": self.tr("类型"),
            "id_number": self.tr("统一社会信用代码/身份证号"), "address": self.tr("地址"),
            "postcode": self.tr("邮编"), "contact_person": self.tr("联系人"),
            "phone": self.tr("电话"), "email": self.tr("电子邮箱"),
            "industry": self.tr("所属行业"), "region": self.tr("所在园区/地区"),
            "notes": self.tr("备注"),
        }
        form = QFormLayout()
        self.inputs: dict[str, QLineEdit] = {}
        self.hints: dict[str, QLabel] = {}
        self.yours: dict[str, QLabel] = {}
        self.conflict_dialog: QDialog | None = None
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for key, (zh, en) in CLIENT_KINDS.items():
            self.kind.addItem(zh if env.lang == "zh" else en, key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(self.client.kind)))
        self.kind.currentIndexChanged.connect(self.revalidate)
        for key in ("name", "kind", *_LINE_FIELDS[1:], "notes"):
            if key == "kind":
                form.addRow(labels[key], self.kind)
                continue
            if key == "notes":
                self.notes = QPlainTextEdit(self.client.notes or "")
                self.notes.setObjectName("notes")
                self.notes.setFixedHeight(70)
                widget: QWidget = self.notes
            else:
                edit = QLineEdit(getattr(self.client, key) or "")
                edit.setObjectName(key)
                edit.textChanged.connect(self.revalidate)
                self.inputs[key] = edit
                widget = edit
            hint = QLabel()
            hint.setObjectName(f"hint_{key}")
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #b3261e;")
            hint.hide()
            self.hints[key] = hint
            yours = QLabel()  # after a conflict: what this officer had typed (conflict.py)
            yours.setObjectName(f"yours_{key}")
            yours.setWordWrap(True)
            yours.setStyleSheet("color: #5f6368;")
            yours.hide()
            self.yours[key] = yours
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(hint)
            box.addWidget(yours)
            form.addRow(labels[key], box)
        self.confirm = QCheckBox(self.tr("我已核对营业执照，确认保留此代码"))
        self.confirm.setObjectName("confirm_id")
        self.confirm.setChecked(self.client.id_check_confirmed)
        self.confirm.toggled.connect(self.revalidate)
        self.confirm.hide()
        form.addRow("", self.confirm)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self.revalidate()

    def data(self) -> ClientData:
        # str values for the text fields only (typed Any: mypy cannot match keys to parameters)
        values: dict[str, Any] = {k: self.inputs[k].text() for k in _LINE_FIELDS}
        return ClientData(id=self.client.id, lock_version=self.client.lock_version,
                          kind=str(self.kind.currentData()),
                          notes=self.notes.toPlainText(),
                          id_check_confirmed=self.confirm.isChecked()
                          and not self.confirm.isHidden(),
                          **values)

    def show_problems(self, problems: list[FieldProblem]) -> None:
        by_field: dict[str, list[FieldProblem]] = {}
        for p in problems:
            by_field.setdefault(p.field, []).append(p)
        for key, hint in self.hints.items():
            found = by_field.get(key, [])
            # the name is only demanded once the user has typed something somewhere
            if key == "name" and not self.inputs["name"].text() and not self._touched():
                found = []
            hint.setText("；".join(p.text(self.env.lang) for p in found))
            hint.setVisible(bool(found))
            widget = self.inputs.get(key)
            if widget is not None:
                widget.setStyleSheet("border: 1px solid #b3261e;" if found else "")
        warn = any(p.warn_only for p in by_field.get("id_number", []))
        self.confirm.setVisible(warn or (self.confirm.isChecked() and bool(
            self.inputs["id_number"].text())))
        if warn:
            self.hints["id_number"].setStyleSheet("color: #8a5a00;")
        else:
            self.hints["id_number"].setStyleSheet("color: #b3261e;")

    def _touched(self) -> bool:
        return any(e.text() for e in self.inputs.values())

    def revalidate(self) -> None:
        _clean, problems = clients.normalise(self.data())
        self.show_problems(problems)
        blocking = [p for p in problems if not p.warn_only]
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not blocking)

    def save(self) -> None:
        """Save in the background (a duplicate credit code is only known to the database);
        the dialog closes when the client is saved, or shows what is wrong."""
        ctx, data = self.env.ctx, self.data()
        self.buttons.setEnabled(False)
        self.env.run_op(lambda _p, _c: clients.save_client(ctx, data), parent=self,
                        show_dialog=False, on_done=self._saved, on_error=self._not_saved)

    def _saved(self, client: ClientData) -> None:
        self.saved = client
        self.buttons.setEnabled(True)
        self.accept()

    def _not_saved(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self.show_problems(exc.problems)
        elif isinstance(exc, EditConflict):
            resolve_conflict(self, exc)
        else:
            show_error(self, exc, self.env.lang)
