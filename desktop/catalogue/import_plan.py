"""What a catalogue sheet import would change (the diff shown before applying it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.catalogue.schema import ServiceItem
from desktop.errors import RowProblem, UserError


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class ItemChange:
    code: str
    name: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class ItemRef:
    code: str
    name: str
    references: int = 0


@dataclass
class ImportPlan:
    """What an import would do; nothing is written until :func:`apply_import`."""

    file: str
    items: list[ServiceItem]
    added: list[ItemRef] = field(default_factory=list)
    changed: list[ItemChange] = field(default_factory=list)
    retired: list[ItemRef] = field(default_factory=list)
    restored: list[ItemRef] = field(default_factory=list)
    unchanged: int = 0
    missing: list[str] = field(default_factory=list)  # codes absent from the sheet

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.changed or self.retired or self.restored)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "added": [{"code": a.code, "name": a.name} for a in self.added],
            "changed": [{"code": c.code, "name": c.name,
                         "fields": [{"field": f.field, "label": f.label, "before": f.before,
                                     "after": f.after} for f in c.fields]}
                        for c in self.changed],
            "retired": [{"code": r.code, "name": r.name, "references": r.references}
                        for r in self.retired],
            "restored": [{"code": r.code, "name": r.name} for r in self.restored],
            "unchanged": self.unchanged,
        }

    def summary(self, lang: str = "zh") -> str:
        if lang == "zh":
            return (f"新增 {len(self.added)} 项，修改 {len(self.changed)} 项，停用 "
                    f"{len(self.retired)} 项，恢复 {len(self.restored)} 项，未变 {self.unchanged} 项")
        return (f"{len(self.added)} added, {len(self.changed)} changed, {len(self.retired)} "
                f"retired, {len(self.restored)} restored, {self.unchanged} unchanged")


class ImportRejected(UserError):
    """The sheet has problems; nothing was imported.  ``problems`` lists all of them."""

    def __init__(self, file: str, problems: list[RowProblem]) -> None:
        self.problems = problems
        shown = problems[:20]
        more = len(problems) - len(shown)
        zh = f"共{len(problems)}处问题，未导入任何内容：" + "；".join(p.text("zh") for p in shown)
        en = (f"{len(problems)} problem(s), nothing imported: "
              + "; ".join(p.text("en") for p in shown))
        if more:
            zh += f"；另有{more}处"
            en += f"; and {more} more"
        first = problems[0]
        super().__init__(zh, en, file=file, row=first.row, field=first.field)
