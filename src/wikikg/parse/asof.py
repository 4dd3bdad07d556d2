"""The text the {{As of}} template shows: "As of July 2012", "as of 1 July 2012", "Since 2012"."""
from __future__ import annotations

import calendar
from collections.abc import Callable

# {{As of|2012}}, {{Asof|2012|7}}, {{As of|2012|7|1|lc=y}}: the date a statement holds at
AS_OF_TEMPLATES = frozenset({"as of", "asof", "as-of"})


def as_of_text(get: Callable[[str], str | None]) -> str:
    """What the template shows, from its parameters (`get(name)`: the stripped value, or None): its `alt`
    text, else "As of" (or "as of" with lc, "Since" with since) and the day, month and year it gives."""
    if alt := get("alt"):
        return alt
    year, month, day = get("1") or "", get("2") or "", get("3") or ""
    if not year.isdigit():
        return ""
    date = year
    if month.isdigit() and 1 <= int(month) <= 12:
        date = f"{calendar.month_name[int(month)]} {year}"
        if day.isdigit() and 1 <= int(day) <= 31:
            date = f"{calendar.month_name[int(month)]} {int(day)}, {year}" if (get("df") or "").upper() == "US" \
                else f"{int(day)} {date}"
    if (get("bare") or "").lower() in ("y", "yes"):
        return date
    words = "Since" if (get("since") or "").lower() in ("y", "yes") else "As of"
    if (get("lc") or "").lower() in ("y", "yes"):
        words = words.lower()
    return f"{words} {date}"
