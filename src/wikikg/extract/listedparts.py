"""A subheading that repeats a part its section listed ("* 9th Foo Division" then "=== 9th Foo Division ==="): that part."""
from __future__ import annotations

from wikikg.extract.mentions import Mention
from wikikg.model import Statement


def listed_part(heading: str, listed: tuple[list[Statement], ...], owner: Mention) -> Mention | None:
    """The part of `owner` an earlier item named exactly as `heading` (its subheading lists the part's own parts),
    though the name's shape says nothing of its class ("Special Forces Division of Fooville"). Only a name
    listed once as a part of `owner` (kept or held back as an unshaped item): two such items give none."""
    hits = {st.subject.key: st.subject for statements in listed for st in statements
            if st.predicate == "subsidiaryOf" and st.obj.key == owner.key and st.subject.text == heading}
    return next(iter(hits.values())) if len(hits) == 1 else None
