"""Words shown for the ledger's stored values (status "open", category "telecom", ...)."""

from daicho.i18n import _


def label(value: str) -> str:
    """The translated word for a stored enum value; unknown values are shown as they are."""
    return {
        # vendor categories
        "hardware": _("hardware"),
        "telecom": _("telecom"),
        "software": _("software"),
        "cloud": _("cloud"),
        "maintenance": _("maintenance"),
        "other": _("other"),
        # vendor statuses
        "active": _("active"),
        "prospect": _("prospect"),
        "inactive": _("inactive"),
        # request directions, priorities and statuses
        "outbound": _("waiting on them"),
        "inbound": _("we owe"),
        "normal": _("normal"),
        "high": _("high"),
        "urgent": _("urgent"),
        "open": _("open"),
        "answered": _("answered"),
        "closed": _("closed"),
        "cancelled": _("cancelled"),
        # calls
        "incoming": _("incoming"),
        "outgoing": _("outgoing"),
        "phone": _("phone"),
        "mobile": _("mobile"),
        "email": _("email"),
        "visit": _("visit"),
        "meeting": _("meeting"),
        "chat": _("chat"),
    }.get(value, value)


def contract_label(value: str) -> str:
    """The word for a contract's stored kind, renewal, status or cost period (a few share
    their value with other records' words but not their meaning: an "active" contract is
    有効, a vendor 取引中)."""
    return {
        # kinds
        "maintenance": _("maintenance"),
        "license": _("license / subscription"),
        "lease": _("lease"),
        "line": _("line"),
        "support": _("support"),
        "other": _("other"),
        # renewals
        "auto": _("auto-renews"),
        "agreement": _("by agreement"),
        "none": _("no renewal"),
        # statuses
        "active": _("in force"),
        "ended": _("ended"),
        "cancelled": _("cancelled (notice given)"),
        # cost periods
        "month": _("per month"),
        "year": _("per year"),
        "once": _("one-off"),
    }.get(value, value)


def short_category(category: str) -> str:
    """A vendor category in a few cells, for the vendors pane."""
    return {
        "hardware": _("HW"),
        "telecom": _("Tel"),
        "software": _("SW"),
        "cloud": _("Cloud"),
        "maintenance": _("Maint"),
        "other": _("Other"),
    }.get(category, category)


def kind_label(kind: str) -> str:
    """What a search hit is: a call, a request, a vendor or a contact."""
    return {
        "call": _("call"),
        "request": _("request"),
        "vendor": _("vendor"),
        "contact": _("contact"),
        "contract": _("contract"),
    }.get(kind, kind)


def field_label(name: str) -> str:
    """A stored field of a vendor, contact or request by the name its form gives it (in the
    history's "edited" lines, and in what a refused save says was changed meanwhile)."""
    return {
        "name": _("Name"),
        "reading": _("Reading"),
        "category": _("Category"),
        "phone": _("Phone"),
        "website": _("Web"),
        "tags": _("Tags"),
        "notes": _("Notes"),
        "role": _("Role"),
        "department": _("Department"),
        "mobile": _("Mobile"),
        "email": _("Email"),
        "is_primary": _("Primary contact"),
        "subject": _("Subject"),
        "body": _("Details"),
        "internal_notes": _("Internal memo"),
        "priority": _("Priority"),
        "contact_id": _("Contact"),
        "assignee": _("Assignee"),
        "status": _("Status"),
        "answer": _("Answer"),
        "due": _("Due"),
        "note": _("Note"),
        "chase": _("Chase"),
        "next_chase": _("Next chase"),
        "snoozed_until": _("Snoozed until"),
        "title": _("Contract name"),
        "kind": _("Kind"),
        "number": _("Contract number"),
        "start": _("Start"),
        "term_months": _("Term"),
        "renewal": _("Renewal"),
        "renewal_term_months": _("Renewal term"),
        "notice_months": _("Notice"),
        "notice_days": _("Notice"),
        "reminder_days": _("Reminders"),
        "cost": _("Cost"),
        "cost_period": _("Cost per"),
        "tax_included": _("Tax"),
    }.get(name, name)
