"""Signing in at start: the PostgreSQL login dialog (user name, password, "remember" in the
system keyring) and, on a desk of its own with desk profiles, the profile picker (PIN when
the profile has one).  Both run before the main window exists."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.access import api as access
from desktop.context import AppContext
from desktop.errors import UserError

log = logging.getLogger(__name__)


class SignInDialog(QDialog):
    """User name + password (+ remember) for a PostgreSQL server."""

    def __init__(self, request: access.SignInRequest, lang: str = "zh",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("登录 IP Desk"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("数据库服务器：") + request.server))
        self.error_label = QLabel(request.error if lang == "zh" else request.error_en)
        self.error_label.setObjectName("signInError")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(bool(request.error))
        lay.addWidget(self.error_label)
        form = QFormLayout()
        self.user_edit = QLineEdit(request.user)
        self.user_edit.setObjectName("signInUser")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("signInPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("用户名"), self.user_edit)
        form.addRow(self.tr("密码"), self.password_edit)
        lay.addLayout(form)
        self.remember_box = QCheckBox(self.tr("在本机记住密码（保存在系统钥匙串中）"))
        self.remember_box.setObjectName("signInRemember")
        self.remember_box.setEnabled(request.can_remember)
        lay.addWidget(self.remember_box)
        if not request.can_remember:
            note = QLabel(self.tr("本机没有可用的系统钥匙串，密码不会保存，每次启动都需要输入。"))
            note.setObjectName("signInNoKeyring")
            note.setWordWrap(True)
            lay.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        buttons.accepted.connect(self._accept_if_filled)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        (self.password_edit if request.user else self.user_edit).setFocus()

    def _accept_if_filled(self) -> None:
        if not self.user_edit.text().strip():
            self.error_label.setText(self.tr("请输入用户名"))
            self.error_label.show()
            return
        self.accept()

    def credentials(self) -> access.Credentials:
        return access.Credentials(self.user_edit.text().strip(), self.password_edit.text(),
                                  self.remember_box.isChecked() and
                                  self.remember_box.isEnabled())


def ask_in_dialog(lang: str = "zh") -> access.AskFn:
    """The ``ask`` of :func:`desktop.app.open_app` for the GUI: the sign-in dialog."""

    def ask(request: access.SignInRequest) -> access.Credentials | None:
        dialog = SignInDialog(request, lang)
        return dialog.credentials() if dialog.exec() == QDialog.DialogCode.Accepted else None

    return ask


class ProfileDialog(QDialog):
    """Which desk profile is working now (and its PIN when it has one)."""

    def __init__(self, ctx: AppContext, profiles: list[access.Profile], lang: str = "zh",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.lang, self.profiles = ctx, lang, profiles
        self.chosen: access.Profile | None = None
        self.setObjectName("profileDialog")
        self.setWindowTitle(self.tr("选择服务台档案"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.profile_box = QComboBox()
        self.profile_box.setObjectName("profileBox")
        for p in profiles:
            self.profile_box.addItem(f"{p.label}（{access.role_label(p.role, lang)}）", p.name)
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("profilePin")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("档案"), self.profile_box)
        form.addRow(self.tr("PIN"), self.pin_edit)
        lay.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setObjectName("profileError")
        self.error_label.setStyleSheet("color: #b00020;")
        lay.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.profile_box.currentIndexChanged.connect(self._pin_needed)
        self._pin_needed()

    def _pin_needed(self) -> None:
        p = self.profiles[max(0, self.profile_box.currentIndex())]
        self.pin_edit.setEnabled(p.has_pin)
        self.pin_edit.clear()

    def try_sign_in(self) -> None:
        """Check the PIN (scrypt: a few milliseconds, before the window exists)."""
        name = str(self.profile_box.currentData())
        try:
            self.chosen = access.sign_in_profile(self.ctx, name, self.pin_edit.text())
        except UserError as exc:
            self.error_label.setText(exc.message(self.lang))
            self.pin_edit.clear()
            return
        self.accept()


def choose_profile(ctx: AppContext, lang: str = "zh") -> bool:
    """On a desk with profiles, ask who is working (False: cancelled, do not open).  A desk
    without profiles (or on PostgreSQL, where the login decides) opens as it is."""
    found = access.list_profiles(ctx)
    if not found:
        return True
    dialog = ProfileDialog(ctx, found, lang)
    return dialog.exec() == QDialog.DialogCode.Accepted
