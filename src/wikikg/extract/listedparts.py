"""A subheading that names a part of the subject: one its section listed, or one whose heads its heads list gives."""
from __future__ import annotations

import re

from wikikg.extract.known import SHAPE
from wikikg.extract.mentions import Context, Mention, name_mention
from wikikg.kb.vocabulary import org_classes
from wikikg.model import Statement

# "II./JG 99", "I. Gruppe/JG 99", "5./JG 99": a unit's part named by its number or name, a slash, and the unit's own
# short name (as German air force wings' articles head their groups' and squadrons' commanders)
_PART_OF = re.compile(r"[^/\s][^/]*?\s*/\s*(?P<whole>[^/]+)")


def listed_part(heading: str, listed: tuple[list[Statement], ...], owner: Mention) -> Mention | None:
    """The part of `owner` an earlier item named exactly as `heading` (its subheading lists the part's own parts),
    though the name's shape says nothing of its class ("Special Forces Division of Fooville"). Only a name
    listed once as a part of `owner` (kept or held back as an unshaped item): two such items give none."""
    hits = {st.subject.key: st.subject for statements in listed for st in statements
            if st.predicate == "subsidiaryOf" and st.obj.key == owner.key and st.subject.text == heading}
    return next(iter(hits.values())) if len(hits) == 1 else None


def heads_part(heading: str, ctx: Context) -> Mention | None:
    """The part of the subject whose heads a subheading of its heads list lists: "=== Faculty of Law ===" under
    "Deans" (a body's name by its shape), "==== II./JG 99 ====" under "Commanders" (a part, a slash, one of the
    subject's own names); None for "=== Acting ===", "=== 1990s ===", "=== Gruppenkommandeure ===" (the subject's)."""
    item = name_mention(heading.strip())
    if (m := _PART_OF.fullmatch(heading.strip())) and m["whole"].strip() in ctx.subject_names:
        return item
    if item.key == ctx.subject.key or item.key in ctx.subject_names or item.strength < SHAPE \
            or not item.types & org_classes():
        return None
    return item
