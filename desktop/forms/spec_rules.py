"""The form specification's cross-field rules (checked by ``validation.py``) and the computed
values (fees), as pydantic models; ``spec.py`` holds the form and its fields."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

PatentType = Literal["invention", "utility_model", "design", "pct_invention",
                     "pct_utility_model"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# -- cross-field rules ---------------------------------------------------------------------
class DateOrderRule(_Strict):
    """``end`` must not come before ``start`` (both date fields)."""

    kind: Literal["date_order"]
    start: str
    end: str


class PatentExpiryRule(_Strict):
    """``date`` must come before every patent in ``rows`` expires (term from filing)."""

    kind: Literal["before_patent_expiry"]
    date: str
    rows: str
    appno: str = "appno"
    filing_date: str = "filing_date"


class AllOwnersRule(_Strict):
    """Every owner named in ``rows[].owners`` must appear among ``parties[].party_name``."""

    kind: Literal["all_owners_listed"]
    rows: str
    owners: str
    parties: str
    party_name: str = "name"


class RequiredIfRule(_Strict):
    """``field`` is required when ``when`` holds one of ``values`` (no ``values``: when
    ``when`` is filled in at all) — and every field named
    in ``also`` holds one of its values, and no field named in ``unless`` holds one of its
    values (booleans match 是/否).  ``why`` says the source of the rule in the message."""

    kind: Literal["required_if"]
    field: str
    when: str
    values: tuple[str, ...]
    also: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    unless: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    why: str = ""
    why_en: str = ""


class WarnIfRule(_Strict):
    """A warning (to confirm, not an error) when ``field`` holds one of ``values`` and every
    field in ``also`` holds one of its values."""

    kind: Literal["warn_if"]
    field: str
    values: tuple[str, ...]
    also: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    message: str
    message_en: str


class ChoiceAllowedRule(_Strict):
    """The choice in ``field`` must be one of ``allowed[value of when]`` (e.g. the grounds
    a priority-examination request may give depend on the stage)."""

    kind: Literal["choice_allowed"]
    field: str
    when: str
    allowed: dict[str, tuple[str, ...]]


class IdKindRule(_Strict):
    """The party identifier in ``id_field`` (partyid) must be of the kind ``kinds[choice]``
    says: ``uscc`` (a credit code), ``idcard`` (an ID number) or ``none`` (not given, e.g.
    a foreign party without a Chinese code)."""

    kind: Literal["id_kind_matches"]
    id_field: str
    choice: str
    kinds: dict[str, Literal["uscc", "idcard", "none"]]


class RowRequiredForPatentTypesRule(_Strict):
    """In ``rows``, ``column`` is required for patents of the listed types."""

    kind: Literal["row_required_for_patent_types"]
    rows: str
    appno: str = "appno"
    column: str
    types: tuple[PatentType, ...]


class PatentTypeMatchesRule(_Strict):
    """The patent type chosen in ``choice`` must agree with the application number."""

    kind: Literal["patent_type_matches"]
    appno: str
    choice: str
    types: dict[str, tuple[PatentType, ...]]


class SimilarGroupsRule(_Strict):
    """Similar-group codes (类似群, 4 digits) in ``groups_column`` must belong to the row's
    Nice class (``3009`` is in class 30)."""

    kind: Literal["similar_groups_in_class"]
    rows: str
    class_column: str = "nice_class"
    groups_column: str = "groups"


class DeadlineRule(_Strict):
    """A warning when ``months`` have passed since the date in ``date`` (e.g. a licence
    contract must be recorded within 3 months of taking effect)."""

    kind: Literal["deadline_from"]
    date: str
    months: int = Field(gt=0)
    what: str
    what_en: str


class RowLimitByChoiceRule(_Strict):
    """In ``rows``, the number in ``column`` must stay below ``limits[row's choice_column]``
    (e.g. the income ceilings for fee reduction); a limit is an amount or the id of a
    figure in the fee table (``reduction.enterprise_taxable_income``)."""

    kind: Literal["row_limit_by_choice"]
    rows: str
    column: str
    choice_column: str
    limits: dict[str, float | str]


class RowDateOrderRule(_Strict):
    """In each row of ``rows``, ``end`` must not come before ``start`` (e.g. a patent's
    grant date after its filing date)."""

    kind: Literal["row_date_order"]
    rows: str
    start: str
    end: str


class _Computed(_Strict):
    output: str
    label: str
    label_en: str


class TrademarkFeeRule(_Computed):
    """Official fee from the fee table: ``fee`` per class covering ``items_included`` items,
    then ``extra_fee`` for each further item in that class — computed for online and paper
    filing; ``channel`` (a choice field: 网上申请 / 纸件申请) says which one applies."""

    kind: Literal["trademark_fee"]
    rows: str
    class_column: str = "nice_class"
    items_column: str = "items"
    fee: str = "trademark.registration"
    extra_fee: str = "trademark.registration.extra_item"
    items_included: int = 10
    channel: str | None = None


class FeeReductionRule(_Computed):
    """Fee-reduction ratio from the fee table: ``single`` for one applicant, ``joint`` for
    several (figure ids, percentages)."""

    kind: Literal["fee_reduction_ratio"]
    rows: str
    single: str = "reduction.single"
    joint: str = "reduction.joint"


class LookupRule(_Computed):
    """A fee looked up from a choice field: each choice maps to a fee id of the fee table
    (``patent.change.party``) or to a plain amount (0 for no fee)."""

    kind: Literal["lookup"]
    field: str
    table: dict[str, float | str]
    unit: str = "元"


RuleSpec = Annotated[
    DateOrderRule | PatentExpiryRule | AllOwnersRule | RequiredIfRule
    | RowRequiredForPatentTypesRule | PatentTypeMatchesRule | SimilarGroupsRule | DeadlineRule
    | RowLimitByChoiceRule | TrademarkFeeRule | FeeReductionRule | LookupRule | WarnIfRule
    | ChoiceAllowedRule | IdKindRule | RowDateOrderRule,
    Field(discriminator="kind"),
]
