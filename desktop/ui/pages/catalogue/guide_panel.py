"""The right side of the catalogue page: an item's title, its materials as a checklist the
officer ticks during the visit, and the guide (with links to the related forms)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.catalogue import api as catalogue
from desktop.catalogue.api import FormRef, ServiceItem
from desktop.ui.env import UiEnv
from desktop.ui.pages.catalogue.model_answers import ModelAnswers


class GuidePanel(QWidget):
    """Shows one item.  ``open_form_requested(form_id)`` when a related form is clicked."""

    open_form_requested = Signal(str)

    def __init__(self, env: UiEnv | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current: ServiceItem | None = None
        self.ticks: dict[str, set[int]] = {}  # item code -> ticked material rows
        self.form_ids: set[str] | None = None  # None: every form id is shown as a link
        rl = QVBoxLayout(self)
        rl.setContentsMargins(0, 0, 0, 0)
        self.title_label = QLabel()
        self.title_label.setObjectName("catalogue_title")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        rl.addWidget(self.title_label)
        mats_head = QHBoxLayout()
        self.materials_label = QLabel(self.tr("申请材料清单"))
        self.materials_label.setObjectName("materials_progress")
        clear = QPushButton(self.tr("清除勾选"))
        clear.clicked.connect(self.clear_ticks)
        mats_head.addWidget(self.materials_label, 1)
        mats_head.addWidget(clear)
        rl.addLayout(mats_head)
        self.materials = QListWidget()
        self.materials.setObjectName("materials_checklist")
        self.materials.setWordWrap(True)
        self.materials.itemChanged.connect(self._material_ticked)
        inner = QSplitter(Qt.Orientation.Vertical)
        inner.addWidget(self.materials)
        self.guide = QTextBrowser()
        self.guide.setObjectName("catalogue_guide")
        self.guide.setOpenLinks(False)
        self.guide.anchorClicked.connect(self._anchor_clicked)
        inner.addWidget(self.guide)
        # the model answers starred for the item, under its FAQ (needs the visit log)
        self.answers = ModelAnswers(env) if env is not None else None
        if self.answers is not None:
            inner.addWidget(self.answers)
        inner.setSizes([180, 420, 160])
        rl.addWidget(inner, 1)

    def show_item(self, item: ServiceItem | None) -> None:
        self.current = item
        if self.answers is not None:
            self.answers.show_for(item.code if item is not None else None)
        self.materials.blockSignals(True)
        self.materials.clear()
        if item is None:
            self.title_label.setText(self.tr("没有符合条件的服务事项"))
            self.guide.clear()
            self.materials.blockSignals(False)
            self._update_progress()
            return
        e = html.escape
        badge = "" if item.active else \
            " <span style='color:#b00020'>" + e(self.tr("已停用")) + "</span>"
        fee = self.tr("收费") if item.paid else self.tr("免费")
        self.title_label.setText(
            f"<h2 style='margin:0'>{e(item.name)}{badge}</h2>"
            f"<span style='color:#555'>{e(item.code)} · {e(item.category)} · "
            f"{e(item.service_type)} · {e(fee)} · {e('、'.join(item.audience))}</span>"
            f"<br>{self._checked_note(item)}")
        ticked = self.ticks.get(item.code, set())
        for i, m in enumerate(item.materials):
            row = QListWidgetItem(catalogue.material_line(m))
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if i in ticked else Qt.CheckState.Unchecked)
            self.materials.addItem(row)
        self.materials.blockSignals(False)
        self._update_progress()
        self._render_guide()

    def _checked_note(self, item: ServiceItem) -> str:
        """信息核对日期, in red when older than the check's age (catalogue check lists it)."""
        e = html.escape
        if item.checked is None:
            return "<span style='color:#b00020'>" + e(self.tr("信息核对日期：未记录，请核对")) \
                + "</span>"
        text = self.tr("信息核对日期：") + item.checked.isoformat()
        if catalogue.stale_facts(item):
            return f"<span style='color:#b00020'>{e(text)}" + e(self.tr("（已超过一年，请核对）")) \
                + "</span>"
        return f"<span style='color:#555'>{e(text)}</span>"

    def set_form_ids(self, form_ids: set[str] | None) -> None:
        """The form ids the forms page can open; others show as plain names (None: all)."""
        self.form_ids = set(form_ids) if form_ids is not None else None
        if self.current is not None:
            self._render_guide()

    def _linkable(self, form: FormRef) -> bool:
        return self.form_ids is None or form.form_id in self.form_ids

    def _render_guide(self) -> None:
        if self.current is not None:
            self.guide.setHtml(catalogue.guide_html(self.current, linkable=self._linkable,
                                                    link_note=self.tr("点击打开表单")))

    def _anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == catalogue.FORM_SCHEME:
            self.open_form_requested.emit(url.path())

    # -- the materials checklist -----------------------------------------------------------
    def _material_ticked(self, _row: QListWidgetItem) -> None:
        if self.current is None:
            return
        ticked = {i for i in range(self.materials.count())
                  if self.materials.item(i).checkState() == Qt.CheckState.Checked}
        self.ticks[self.current.code] = ticked
        self._update_progress()

    def tick_material(self, index: int, checked: bool = True) -> None:
        row = self.materials.item(index)
        if row is not None:
            row.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def clear_ticks(self) -> None:
        for i in range(self.materials.count()):
            self.tick_material(i, False)

    def _update_progress(self) -> None:
        total = self.materials.count()
        done = sum(1 for i in range(total)
                   if self.materials.item(i).checkState() == Qt.CheckState.Checked)
        text = self.tr("申请材料清单：已备齐 {done}/{total}（勾选来访者已带齐的材料）")
        self.materials_label.setText(text.replace("{done}", str(done))
                                     .replace("{total}", str(total)))
