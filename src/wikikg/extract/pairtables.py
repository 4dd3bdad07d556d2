"""Tables pairing people with what they belong to under any heading ("Candidate | Party", "Player | Club")."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from wikikg.extract.classify import split_title
from wikikg.extract.lists import person_shaped
from wikikg.extract.mentions import Context
from wikikg.kb.sections import PairColumns, SectionSpec, pair_columns
from wikikg.model import Evidence, Mention, ParsedArticle, Statement, Table, TableCell


def pair_rows(article: ParsedArticle, table: Table, ctx: Context, entity: Callable, parts: Callable,
               spec: SectionSpec | None = None) -> list[Statement]:
    """person -memberOf-> party, player -memberOf-> club ... for each row of a table whose header has a column of
    people and a column of what they belong to (sections.toml [[pair_columns]]); not for a column that `spec`, the
    section spec that read the table, already relates. `entity(cell)` reads the entity a cell names, `parts(cell)`
    a cell's parts between spaced slashes."""
    if not table.header:
        return []
    header = [h.strip() for h in table.header]
    out: list[Statement] = []
    for pair in pair_columns():
        values = [bool(pair.value.match(h)) and not (spec is not None and any(
            a.column.search(h) for a in spec.attributes)) for h in header]
        pairs = _pairs([bool(pair.person.match(h)) for h in header], values)
        if pairs:
            out += _pair_rows(article, table, ctx, entity, parts, pair, pairs)
    return out


def _pair_rows(article: ParsedArticle, table: Table, ctx: Context, entity: Callable, parts: Callable,
               pair: PairColumns, pairs: list[tuple[int, list[int]]]) -> list[Statement]:
    """The statements of one [[pair_columns]] entry over a table's rows."""
    out: list[Statement] = []
    for row in table.rows:
        if all(c.header for c in row) or any(p >= len(row) for p, _ in pairs):
            continue
        placed = [c for c in row if c.end > c.start]
        if not placed:
            continue
        lo, hi = min(c.start for c in placed), max(c.end for c in placed)
        evidence = Evidence(article.text[lo:hi], table.section, lo, hi, " | ".join(c.text for c in row))
        for person_col, value_cols in pairs:
            person = _person(row[person_col], entity)
            if person is None:
                continue
            for value in _values([row[i] for i in value_cols if i < len(row)], ctx, entity, parts, pair):
                if value.key != person.key:
                    s, o = (value, person) if pair.inverse else (person, value)
                    out.append(Statement(s, pair.relation, o, pair.id, evidence, pair.event))
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
    """The person a cell of the column of people names: one typed a person, or a name (a link's title) shaped as
    a person's ("Jane Roe", not "[[The Foo Times]]" in a "Name | Party" table of a party's newspapers)."""
    m = entity(cell)
    if m is None or m.types - {"Person"} or "Person" not in m.types and not person_shaped(split_title(m.key)[0]):
        return None
    return m if m.types else replace(m, types=frozenset({"Person"}), strength=0)


def _values(cells: list[TableCell], ctx: Context, entity: Callable, parts: Callable,
            pair: PairColumns) -> list[Mention]:
    """What a row's value cells name (the first cell that names any; "Labor / Independent": each): linked names,
    or names the article links elsewhere or whose shape gives them one of the pair's classes."""
    types = frozenset(pair.types)
    for cell in cells:
        found = []
        for part in parts(cell):
            if pair.unless_value and pair.unless_value.search(part.text.strip()) or (m := entity(part)) is None:
                continue
            if not m.linked:
                known = ctx.index.get(m.key)
                if known is not None and known.linked:
                    m = replace(known, text=m.text)
                elif not m.types & types:
                    continue
            if pair.typed_values and not m.types:
                continue
            if m.types and not m.types & types:
                continue
            found.append(m if m.types else replace(m, types=frozenset({pair.types[0]}), strength=0))
        if found:
            return found
    return []
