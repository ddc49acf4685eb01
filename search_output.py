"""How `daicho search` prints its hits: a line and a snippet each for people, JSON for scripts."""

import json
from collections.abc import Iterable

from daicho.data.dates import clock
from daicho.data.search.find import SearchHit
from daicho.i18n import _
from daicho.i18n.labels import kind_label

_MARK, _UNMARK = "\x1b[7m", "\x1b[27m"  # reverse video, on a terminal only
_INDENT = "    "


def hits_as_json(hits: Iterable[SearchHit]) -> str:
    """A JSON array of objects with kind, id, date (local, ISO 8601), vendor, title, snippet."""
    return json.dumps(
        [
            {
                "kind": hit.kind,
                "id": hit.id,
                "date": clock.to_local(hit.at).isoformat(timespec="seconds"),
                "vendor": hit.vendor_name,
                "title": hit.title,
                "snippet": hit.snippet,
            }
            for hit in hits
        ],
        ensure_ascii=False,
        indent=2,
    )


def hits_as_lines(hits: Iterable[SearchHit], *, highlight: bool) -> str:
    """Per hit: when, what, vendor and title; then the snippet, indented, the words marked
    in reverse video when `highlight` (ledger text holds no escape sequences of its own)."""
    lines = []
    for hit in hits:
        when = clock.to_local(hit.at).strftime("%Y-%m-%d %H:%M")
        title = hit.title or _("(no subject)")
        lines.append(f"{when}  {kind_label(hit.kind)} #{hit.id}  {hit.vendor_name}  {title}")
        lines.append(_INDENT + (_marked(hit) if highlight else hit.snippet))
    return "\n".join(lines)


def _marked(hit: SearchHit) -> str:
    text, done = [], 0
    for start, end in hit.spans:
        text += [hit.snippet[done:start], _MARK, hit.snippet[start:end], _UNMARK]
        done = end
    return "".join([*text, hit.snippet[done:]])
