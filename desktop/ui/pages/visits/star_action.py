"""设为范例答复: star a visit's answer as a model answer linked to one of its service items
(it then shows under that item's FAQ on the catalogue page), or take the star away."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from desktop.ui.env import UiEnv
from desktop.visits import api as visits
from desktop.visits.api import VisitData


def toggle_star(env: UiEnv, parent: QWidget, v: VisitData,
                done: Callable[[str], None]) -> None:
    if v.id is None:
        return
    ctx, visit_id = env.ctx, v.id
    if v.model_answer:
        env.run_op(lambda _p, _c: visits.star_answer(ctx, visit_id, None, starred=False),
                   parent=parent, show_dialog=False,
                   on_done=lambda _v: done(QCoreApplication.translate("VisitsPage", "已取消范例答复")))
        return
    item: str | None = None
    if v.items:
        none = QCoreApplication.translate("VisitsPage", "（不关联事项）")
        title = QCoreApplication.translate("VisitsPage", "设为范例答复")
        prompt = QCoreApplication.translate("VisitsPage", "关联到服务事项（显示在该事项的常见问题下）：")
        choice, ok = QInputDialog.getItem(parent, title, prompt, [*v.items, none], 0, False)
        if not ok:
            return
        item = None if choice == none else choice
    env.run_op(lambda _p, _c: visits.star_answer(ctx, visit_id, item), parent=parent,
               show_dialog=False, on_done=lambda _v: done(QCoreApplication.translate("VisitsPage", "已设为范例答复")))
