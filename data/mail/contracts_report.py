"""The 年度 contracts report for management (DESIGN §13): per vendor the contracts running in
a 年度, their cost within it as entered (税込 and 税抜 added up apart, never mixed) and the
decisions that fall in it; the figures are data/contracts/fiscal.py's.

Its dates are the whole date, whatever the date style and today: a 年度 is read as a year.
"""

from datetime import date

from daicho.data.contracts.fiscal import (
    ContractInYear,
    Totals,
    VendorInYear,
    fiscal_year_contracts,
)
from daicho.data.dates import clock
from daicho.data.dates.fiscal_year import fiscal_year_of
from daicho.data.dates.style import weekday_name
from daicho.data.mail.compose import NOBODY, Mail, compose
from daicho.data.mail.format import aside, bullets, joined
from daicho.data.mail.sender import Sender
from daicho.data.mail.templates import choose_template
from daicho.i18n import _, current_language
from daicho.i18n.labels import contract_label

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_INDENT = {"en": "  ", "ja": "\u3000"}  # a contract's lines under its bullet


def contracts_report(
    templates: dict[str, str],
    name: str | None = None,
    today: date | None = None,
    sender: Sender = NOBODY,
    *,
    year: int | None = None,
) -> Mail:
    """年度 `year` (None: the one holding `today`) as the template `name` writes it."""
    today = today or clock.today()
    figures = fiscal_year_contracts(fiscal_year_of(today) if year is None else year)
    template = choose_template("contracts", name, templates)

    def values() -> dict[str, str]:
        blocks = [_vendor_text(vendor) for vendor in figures.vendors]
        return {
            "year": str(figures.year),
            "first": _span_day(figures.first),
            "last": _span_day(figures.last),
            "count": str(len(figures.contracts)),
            "contracts": "\n\n".join(blocks) or _("(no contracts run in this fiscal year)"),
            "totals": "\n".join(_total_lines(figures.totals)),
        }

    return compose(template, values, templates, today, sender)


def _vendor_text(vendor: VendorInYear) -> str:
    """`【ACME】`, its contracts, then its subtotal."""
    listed = bullets(["\n".join(_contract_lines(found)) for found in vendor.contracts])
    subtotal = _("Subtotal: {amounts}", amounts=_amounts(vendor.totals))
    return "\n".join([_("{vendor}:", vendor=vendor.vendor_name), listed, subtotal])


def _contract_lines(found: ContractInYear) -> list[str]:
    """The contract's heading (title, kind, renewal, status when not in force, number), then
    its term, its cost in the 年度 and its decisions, each on its own indented line."""
    contract = found.contract
    tags = [contract_label(contract.kind), contract_label(contract.renewal)]
    if contract.status != "active":
        tags.append(contract_label(contract.status))
    if contract.number:
        tags.append(_("No. {number}", number=contract.number))
    lines = [_("Term: {span}", span=_terms_text(found))] if found.terms else []
    lines.append(_cost_text(found))
    if found.decisions:
        dates = joined([_decision_day(day) for day in found.decisions])
        if contract.renewal == "auto":
            lines.append(_("Decide by (cancel-by): {dates}", dates=dates))
        else:
            lines.append(_("Decide by (term ends): {dates}", dates=dates))
    indent = _INDENT[current_language()]
    return [aside(contract.title, tags), *(indent + line for line in lines)]


def _terms_text(found: ContractInYear) -> str:
    """From the first term's start to the last one's end, with the term's length, or how
    many terms, when several fall in the 年度."""
    terms = found.terms
    span = _("{first} – {last}", first=_span_day(terms[0].start), last=_span_day(terms[-1].end))
    if len(terms) > 1:
        return aside(span, [_("{count} terms", count=len(terms))])
    return aside(span, [_("{months} months", months=terms[0].months)])


def _cost_text(found: ContractInYear) -> str:
    contract = found.contract
    if found.cost is None:
        return _("Cost in the year: not entered")
    tax = _("tax included") if contract.tax_included else _("tax excluded")
    each = _yen(contract.cost or 0)
    basis = {
        "month": lambda: _("{cost} a month × {count}", cost=each, count=found.units),
        "year": lambda: _("{cost} a year × {count}", cost=each, count=found.units),
    }.get(contract.cost_period, lambda: contract_label("once"))()
    return _("Cost in the year: {cost}", cost=aside(_yen(found.cost), [tax, basis]))


def _amounts(totals: Totals) -> str:
    """`¥55,000 tax included, ¥180,000 tax excluded`, the parts there are."""
    parts = []
    if totals.tax_included is not None:
        parts.append(_("{amount} tax included", amount=_yen(totals.tax_included)))
    if totals.tax_excluded is not None:
        parts.append(_("{amount} tax excluded", amount=_yen(totals.tax_excluded)))
    return joined(parts) or _("no costs entered")


def _total_lines(totals: Totals) -> list[str]:
    lines = []
    if totals.tax_included is not None:
        lines.append(_("Tax included: {amount}", amount=_yen(totals.tax_included)))
    if totals.tax_excluded is not None:
        lines.append(_("Tax excluded: {amount}", amount=_yen(totals.tax_excluded)))
    return lines or [_("no costs entered")]


def _yen(amount: int) -> str:
    """`¥120,000` or `120,000円`."""
    return _("¥{amount}", amount=f"{amount:,}")


def _span_day(day: date) -> str:
    """`2026/04/01` or `1 Apr 2026`."""
    if current_language() == "ja":
        return f"{day.year}/{day.month:02}/{day.day:02}"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _decision_day(day: date) -> str:
    """`2026/12/28(月)` or `Mon 28 Dec 2026`."""
    if current_language() == "ja":
        return f"{_span_day(day)}({weekday_name(day)})"
    return f"{weekday_name(day)} {_span_day(day)}"
