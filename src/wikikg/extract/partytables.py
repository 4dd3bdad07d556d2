"""Tables that pair people with parties under any heading ("Candidate | Party | Votes"): each person, a party member."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from wikikg.extract.mentions import Context
from wikikg.kb.mappings import SectionSpec, party_columns
from wikikg.kb.vocabulary import org_classes
from wikikg.model import Evidence, Mention, ParsedArticle, Statement, Table, TableCell

RULE = "table.party-column"


def party_rows(article: ParsedArticle, table: Table, ctx: Context, entity: Callable, parts: Callable,
               spec: SectionSpec | None = None) -> list[Statement]:
    """person -memberOf-> party for each row of a table whose header has a column of people and a column of
    parties (sections.toml [party_columns]); nothing when `spec`, the section spec that read the table, already
    relates a column of parties. `entity(cell)` reads the entity a cell names, `parts(cell)` a cell's parts
    between spaced slashes."""
    columns = party_columns()
    if columns is None or not table.header:
        return []
    person_rx, party_rx, unless = columns
    header = [h.strip() for h in table.header]
    if spec is not None and any(a.relation == "memberOf" and a.column.search(h)
                                for a in spec.attributes for h in header):
        return []
    pairs = _pairs([bool(person_rx.match(h)) for h in header], [bool(party_rx.match(h)) for h in header])
    if not pairs:
        return []
    out: list[Statement] = []
    for row in table.rows:
        if all(c.header for c in row) or any(p >= len(row) for p, _ in pairs):
            continue
        placed = [c for c in row if c.end > c.start]
        if not placed:
            continue
        lo, hi = min(c.start for c in placed), max(c.end for c in placed)
        evidence = Evidence(article.text[lo:hi], table.section, lo, hi, " | ".join(c.text for c in row))
        for person_col, party_cols in pairs:
            person = _person(row[person_col], entity)
            if person is None:
                continue
            for party in _parties([row[i] for i in party_cols if i < len(row)], ctx, entity, parts, unless):
                if party.key != person.key:
                    out.append(Statement(person, "memberOf", party, RULE, evidence, "Membership"))
    return out


def _pairs(people: list[bool], parties: list[bool]) -> list[tuple[int, list[int]]]:
    """(column of people, its party columns): each run of party columns ("Party" spread over a colour swatch
    and a name) goes with the nearest column of people before it, else the nearest after it."""
    runs: list[list[int]] = []
    for i, is_party in enumerate(parties):
        if is_party:
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    out: dict[int, list[int]] = {}
    for run in runs:
        before = [i for i in range(run[0]) if people[i]]
        after = [i for i in range(run[-1] + 1, len(people)) if people[i]]
        owner = before[-1] if before else after[0] if after else None
        if owner is not None and owner not in out:  # a person's first party column after it: theirs
            out[owner] = run
    return sorted(out.items())


def _person(cell: TableCell, entity: Callable) -> Mention | None:
    """The person a cell of the column of people names: a link nothing types otherwise, or a name of two
    words or more."""
    m = entity(cell)
    if m is None or m.types - {"Person"} or not m.linked and len(m.text.split()) < 2:
        return None
    return m if m.types else replace(m, types=frozenset({"Person"}), strength=0)


def _parties(cells: list[TableCell], ctx: Context, entity: Callable, parts: Callable, unless) -> list[Mention]:
    """The parties a row's party cells name (the first cell that names any; "Labor / Independent": each):
    linked ones, or names the article links elsewhere or shapes as an organisation's."""
    for cell in cells:
        found = []
        for part in parts(cell):
            if unless.search(part.text.strip()) or (m := entity(part)) is None:
                continue
            if not m.linked:
                known = ctx.index.get(m.key)
                if known is not None and known.linked:
                    m = replace(known, text=m.text)
                elif not m.types & org_classes():
                    continue
            if m.types and not m.types & org_classes():
                continue
            found.append(m if m.types else replace(m, types=frozenset({"Organization"}), strength=0))
        if found:
            return found
    return []
