"""A roster laid out as lists inside a table's cells: a position's heading, then one player a line."""
from __future__ import annotations

import re
from dataclasses import replace

from wikikg.extract.mentions import Context, link_mention, name_mention
from wikikg.extract.nonentities import is_page_of_many
from wikikg.kb.sections import SectionSpec
from wikikg.model import Evidence, Statement, Table, TableCell

# a name's words: capitalised, or the particles between them
NAME_LIKE = re.compile(r"^(?:[A-Z][\w.'’&-]*|of|and|the|de|da|do|dos|das|del|della|di|du|der|von|van|\"[^\"]+\")(?:\s+(?:[A-Z][\w.'’&-]*|of|and|the|de|da|do|dos|das|del|della|di|du|der|von|van|\"[^\"]+\")){0,6}$")  # noqa: E501

# a line of a roster cell: a shirt number and a name ("15 Ronit Foo"), or a name alone
_ROSTER_LINE = re.compile(r"^\s*(?:(?P<no>\d{1,3})\s+)?(?P<name>\S.*?)\s*$")
# what follows a numbered player's name on a roster's line: positions and notes in capitals ("11 [[Jane Roe]] FB/TE",
# "23 John Doe DT R": a rookie), no part of the name
_AFTER_LINK = re.compile(r"(?:\s+[A-Z]{1,3}(?:/[A-Z]{1,3})*)*\s*$")
# (an unlinked "29 Jane Roe B" keeps its initial: a name's last letter alone is no position)
_AFTER_NAME = re.compile(r"(?=(?:\s+[A-Z](?:/[A-Z])?)*\s+[A-Z]{2})(?:\s+[A-Z]{1,3}(?:/[A-Z]{1,3})*)+$")


def roster_cells(spec: SectionSpec, table: Table, row: tuple[TableCell, ...], ctx: Context,
                 text: str) -> list[Statement]:
    """A roster laid out as lists inside table cells (a position, then "15 Ronit Foo" lines): each line
    with a shirt number, or a link alone on its line, names a person of the list."""
    out = []
    for cell in row:
        if cell.end <= cell.start or "\n" not in cell.text:
            continue
        evidence = Evidence(text[cell.start:cell.end], table.section, cell.start, cell.end, cell.text)
        at = 0
        for line in cell.text.split("\n"):
            lo, at = at, at + len(line) + 1
            hit = _ROSTER_LINE.match(line)
            if not hit:
                continue
            s0 = lo + hit.start("name")
            name = _AFTER_NAME.sub("", hit["name"]) if hit["no"] else hit["name"]
            link = next((k for k in cell.links if k.start == s0 and (k.end == s0 + len(hit["name"]) or hit["no"]
                         and _AFTER_LINK.fullmatch(cell.text, k.end, at - 1))), None)
            if link is not None:
                m = None if is_page_of_many(link.target) else link_mention(link.target, link.text)
            elif hit["no"] and len(name.split()) >= 2 and NAME_LIKE.match(name):
                m = name_mention(name)
            else:
                continue
            if m is None or m.key == ctx.subject.key or m.types - {"Person"}:
                continue
            m = replace(m, types=frozenset({"Person"})) if not m.types else m
            s, o = (ctx.subject, m) if spec.direction == "forward" else (m, ctx.subject)
            out.append(Statement(s, spec.relation, o, spec.id.replace("list.", "table."), evidence, spec.event))
    return out
