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
    """``field`` is required when ``when`` holds one of ``values``."""

    kind: Literal["required_if"]
    field: str
    when: str
    values: tuple[str, ...]


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
    | RowLimitByChoiceRule | TrademarkFeeRule | FeeReductionRule | LookupRule,
    Field(discriminator="kind"),
]
