"""How `daicho contracts` prints the contracts with the dates worked out for today: a line
each, the nearest decision first; JSON with the export's fields for a script or cron."""

import json
from datetime import UTC, date, datetime

from daicho.data.contracts.terms import ContractDates, lead_days_text
from daicho.data.dates.style import full_date
from daicho.data.models import Contract
from daicho.data.names.key_columns import stored_fields
from daicho.data.records import ContractRecord
from daicho.i18n import _
from daicho.i18n.labels import contract_label

Dated = tuple[ContractRecord, ContractDates]


def contracts_as_json(contracts: list[Dated]) -> str:
    """A JSON array, one object per contract with the fields of `[[contracts]]` in the export
    (dates ISO, times ISO 8601 in UTC, nulls kept), then `vendor` (its name), `term_end`,
    `cancel_by` and `decision_date`."""
    return json.dumps(
        [
            {
                **{name: _json_value(contract, name) for name in _EXPORTED},
                "vendor": contract.vendor_name,
                "term_end": dates.term.end.isoformat(),
                "cancel_by": dates.cancel_by.isoformat(),
                "decision_date": dates.decision_date.isoformat(),
            }
            for contract, dates in contracts
        ],
        ensure_ascii=False,
        indent=2,
    )


def contracts_as_lines(contracts: list[Dated]) -> str:
    """A line per contract: `東都ビジネス機器 · 複合機保守契約 · 保守 · 自動更新 · 契約終了
    2027-03-31 · 解約期限 2026-12-28 · 判断期限 2026-12-28 · #1`, its status when not in force."""
    if not contracts:
        return _("No contracts yet")
    return "\n".join(_line(contract, dates) for contract, dates in contracts)


def _line(contract: ContractRecord, dates: ContractDates) -> str:
    parts = [
        contract.vendor_name,
        contract.title,
        contract_label(contract.kind),
        contract_label(contract.renewal),
        _("term ends {day}", day=full_date(dates.term.end)),
        _("cancel by {day}", day=full_date(dates.cancel_by)),
        _("decide by {day}", day=full_date(dates.decision_date)),
    ]
    if contract.status != "active":
        parts.append(contract_label(contract.status))
    return " · ".join([*parts, f"#{contract.id}"])


_EXPORTED = [field.column_name for field in stored_fields(Contract)]


def _json_value(contract: ContractRecord, name: str):
    value = getattr(contract, name)
    if name == "reminder_days":
        return lead_days_text(value)
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value
