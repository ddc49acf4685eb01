"""Drafts: what is typed in a form, kept until it is saved or deliberately discarded."""

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from daicho.data.dates import clock
from daicho.data.models import Draft, database, drafts_database
from daicho.data.private_files import private_directory, private_file
from daicho.locations import kept_drafts_dir

CALL_FORM = "call"  # the call form's drafts; modal forms name theirs after themselves


@dataclass(frozen=True)
class DraftRecord:
    form: str
    key: str
    content: dict[str, object]
    updated_at: datetime


def save_draft(form: str, content: dict[str, object], key: str = "") -> None:
    """Keep `content` (field name to value) for the form, replacing its earlier draft."""
    with drafts_database.atomic():
        (
            Draft.insert(
                form=form,
                key=key,
                content=json.dumps(content, ensure_ascii=False),
                updated_at=clock.utcnow(),
            )
            .on_conflict(
                conflict_target=(Draft.form, Draft.key), preserve=(Draft.content, Draft.updated_at)
            )
            .execute()
        )


def load_drafts() -> list[DraftRecord]:
    """Every kept draft, newest first."""
    query = Draft.select().order_by(Draft.updated_at.desc())
    return [DraftRecord(d.form, d.key, json.loads(d.content), d.updated_at) for d in query]


def put_back_drafts(drafts: list[DraftRecord]) -> None:
    """Write drafts kept from another ledger (the one a restore replaced) as they were; each
    replaces the draft of its form and key."""
    rows = [
        {
            "form": draft.form,
            "key": draft.key,
            "content": json.dumps(draft.content, ensure_ascii=False),
            "updated_at": draft.updated_at,
        }
        for draft in drafts
    ]
    with drafts_database.atomic():
        for row in rows:
            Draft.insert(**row).on_conflict(
                conflict_target=(Draft.form, Draft.key), preserve=(Draft.content, Draft.updated_at)
            ).execute()


def load_draft(form: str, key: str = "") -> DraftRecord | None:
    """The draft kept for the form and key, if any."""
    draft = Draft.get_or_none((Draft.form == form) & (Draft.key == key))
    if draft is None:
        return None
    return DraftRecord(draft.form, draft.key, json.loads(draft.content), draft.updated_at)


def discard_draft(form: str, key: str = "") -> None:
    with drafts_database.atomic():
        Draft.delete().where((Draft.form == form) & (Draft.key == key)).execute()


def keep_aside(form: str, content: dict[str, object], key: str = "") -> Path:
    """Keep `content` in a file of its own, for when the ledger refuses every use: one file per
    form and window, the newest content replacing the older. The path is for the user."""
    name = "-".join(part for part in (form, key, str(os.getpid())) if part)
    path = private_directory(kept_drafts_dir()) / f"{name}.json"
    kept = {"ledger": database.shown_name, "form": form, "key": key, "content": content}
    with private_file(path) as temporary:
        temporary.write_text(json.dumps(kept, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
