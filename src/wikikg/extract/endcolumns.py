"""A table's column that ends what its date column starts: "From | To", "Took office | Left office", "Joined | Left"."""
from __future__ import annotations

import re

from wikikg.model import DateValue

# a header that names when the row's relation ended, not where to ("Player | To | Fee" has no date column before it)
_END_COLUMN = re.compile(r"^(?:to|until|till|left|left\s+office|departed|end|ended|end\s+of\s+(?:term|tenure)|"
                         r"(?:term|tenure|office|membership)\s+end(?:ed|s)?|(?:term|tenure)\s+expired|"
                         r"left\s+(?:the\s+)?(?:conference|league|association|federation|union|party))$", re.I)


def end_column(header: tuple[str, ...], date_col: int | None) -> int | None:
    """The column after the date column (`date_col`) whose header says the relation ended then, if any."""
    if date_col is None:
        return None
    return next((i for i in range(date_col + 1, len(header)) if _END_COLUMN.match(header[i].strip())), None)


def ended(start: DateValue | None, end: DateValue | None) -> DateValue | None:
    """The end date an end column gives a row, when the row has a start and the end is not before it."""
    if start is None or end is None or end.value[:4] < start.value[:4]:
        return None
    return end
