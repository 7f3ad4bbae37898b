"""What a mutation changed: the notice every page refreshes from.

After Anki's ``OpChanges``: each mutating capability call returns an :class:`Op` holding
its value and a :class:`Changes` saying which kinds of data it touched.  The GUI broadcasts
the changes to every open page; a page refreshes only what it shows.  The command line just
takes ``op.value``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """Kinds of data a mutation changed (all False: nothing changed)."""

    clients: bool = False
    catalogue: bool = False
    library: bool = False
    documents: bool = False
    settings: bool = False
    visits: bool = False

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name)
                          for f in fields(self)})

    @property
    def kinds(self) -> tuple[str, ...]:
        """The names of the changed kinds, e.g. ``("clients", "documents")``."""
        return tuple(f.name for f in fields(self) if getattr(self, f.name))


NOTHING = Changes()


@dataclass(frozen=True)
class Op(Generic[T]):
    """The result of a mutation: its value and what it changed."""

    value: T
    changes: Changes = NOTHING
