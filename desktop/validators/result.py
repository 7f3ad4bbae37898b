"""The result every validator returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Check:
    """Outcome of validating one value.

    ``ok`` is True when the value is acceptable; ``canonical`` then holds its normal form.
    ``warn_only`` marks a problem the user may confirm and keep (e.g. a credit code whose
    check character fails; some real codes do).  ``zh``/``en`` say what is wrong (or, when
    ``ok``, an optional note such as "check digit added").
    """

    ok: bool
    canonical: str | None = None
    zh: str = ""
    en: str = ""
    warn_only: bool = False
    unverifiable: bool = False
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def acceptable_with_confirmation(self) -> bool:
        return self.ok or self.warn_only

    def message(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en


def good(canonical: str, zh: str = "", en: str = "", *, unverifiable: bool = False,
         **details: Any) -> Check:
    return Check(True, canonical, zh, en, unverifiable=unverifiable, details=details)


def bad(zh: str, en: str, *, canonical: str | None = None, warn_only: bool = False,
        **details: Any) -> Check:
    return Check(False, canonical, zh, en, warn_only=warn_only, details=details)
