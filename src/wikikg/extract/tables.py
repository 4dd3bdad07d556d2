"""Wikitables under known headings: one row, one entity related to the article's subject."""
from __future__ import annotations

import re
from dataclasses import replace

from wikikg.extract.classify import name_types
from wikikg.extract.dates import bound_only, find_dates, parse_date, range_end
from wikikg.extract.endcolumns import end_column, ended
from wikikg.extract.headedtables import heading_owner
from wikikg.extract.headerrows import lower_header
from wikikg.extract.lists import default_type, section_spec
from wikikg.extract.memberless import memberless
from wikikg.extract.mentions import Context, link_mention, name_mention
from wikikg.extract.names import titles_folded
from wikikg.extract.nonentities import is_page_of_many, names_a_season
from wikikg.extract.pairtables import pair_rows
from wikikg.extract.rankcolumns import ranked
from wikikg.extract.rostercells import NAME_LIKE as _NAME_LIKE
from wikikg.extract.rostercells import roster_cells
from wikikg.extract.seasons import league_season, roster_context, team_season
from wikikg.extract.spancols import spanned
from wikikg.extract.specsubject import applies, own_boxes
from wikikg.extract.tablegroups import grouped
from wikikg.kb.sections import SectionSpec, column_classes, sections
from wikikg.kb.vocabulary import org_classes
from wikikg.model import DateValue, Evidence, Mention, ParsedArticle, Statement, Table, TableCell

_DIGIT = re.compile(r"\d")
_TRAILING_NOTE = re.compile(r"\s*\[[^\]]*\]$")
_WORD = re.compile(r"\S+")
_TOTALS = re.compile(r"^(?:[A-Z]{2,5}\s+|career\s+|club\s+|grand\s+)?totals?$", re.I)  # a totals row ("NHL Totals")
# a degree after a person's name in a cell ("Jose B. Cruz, Ph.D."): not part of the name
_DEGREE = re.compile(r",?\s+(?:Ph\.\s?D\.?|PhD|M\.\s?D\.?|D\.\s?Sc\.?|DSc|M\.\s?Sc\.?|MSc|M\.\s?A\.|MBA|LL\.\s?[BDM]\.?|Esq\.?)$")

_NAME_COLUMN = re.compile(r"^(?:name|names|company|companies|subsidiary|subsidiaries|team|teams|club|clubs|"
                          r"member|members|player|players|minister|ministers|councillor|councillors|councilor|councilors|incumbent|"
                          r"officeholder|office[\s-]holder|representative|senator|mla|mp|organi[sz]ation|president|presidents|chairman|chairmen|chair|"
                          r"chairperson|chairwoman|(?:general\s+)?secretary(?:[\s-]general)?|speaker|governor|mayor|premier|"
                          r"prime\s+minister|commissioner|commander|"
                          r"director|directors|ceo|person|people|brand|brands|leader|leaders|manager|(?:\w+\s+)?spokes(?:man|men|person|persons|people|woman|women)|"
                          r"managers|owner|owners|partner|partners|institution|university|editor|publisher|"
                          r"(?:assigned\s+|subordinate\s+)?(?:squadrons|units|battalions|regiments|brigades))$", re.I)
# a column that names a row's entity when its name column is empty ("Nick" in a squad table)
_FALLBACK_COLUMN = re.compile(r"^(?:nick|nicknames?|known\s+as|short\s+name)$", re.I)
_DATE_COLUMN = re.compile(r"^(?!dates?\s+of\s+(?:birth|death)\b)"  # a birth date column dates no relation
                          r"(?:[a-z]+\s+(?=(?:term|tenure)s?$))?"  # a qualified term: "Presidential term"
                          r"(?:years?|dates?|joined|since|acquired|founded|tenure|term|period|in office|from|"
                          r"start|began|established|season|seasons|took\s+office|assumed\s+office|(?:office|term)\s+start|"
                          r"member(?:ship)?\s+since|accession|admitted|admission|elected)\b", re.I)
_FOUNDING_COLUMN = re.compile(r"^(?:founded|established|formed)\b", re.I)
_SPAN = re.compile(r"(\d{4})\s*(?:[–—-]\s*(\d{2,4}|present|now|current)?)?")
_ADDRESS = re.compile(r"^\d[\w-]*\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|"
                      r"Boulevard|Blvd\.|Drive|Lane|Place|Square|Way|Court|Parkway)$")


def _with_header(table: Table, spec: SectionSpec) -> Table:
    """A table whose header the parser did not see (a header row opened by a stray "|align=left!!"):
    its first row, when most of its cells are header cells, and only when the table read without a
    header (its first column naming the rows) names no entity in most rows. A header of groups over the column
    names gives way to the names (headerrows.py)."""
    table = lower_header(table, lambda h: any(p.search(h) for p in spec.columns) if spec.columns
                         else bool(_NAME_COLUMN.match(h)))
    if table.header or not table.rows:
        return table
    if not any(c.header for c in table.rows[0]) and _column_names(table.rows[0]):
        # plain (bold) "Job" and "Name" cells: column names, whatever the rows below name
        return replace(table, header=tuple(c.text for c in table.rows[0]), rows=table.rows[1:])
    named_rows = sum(_row_entity(spec, table, row, 0) is not None for row in table.rows)
    if named_rows * 2 > len(table.rows):
        first = table.rows[0]  # its first row of mostly header cells still names no one; after a caption
        if first and not first[0].header and first[0].text.startswith("+"):  # ("|+ Committee"), it names
            first = first[1:]  # the columns ("Name", "Position", "From", "To")
            if first and all(c.header for c in first):
                return replace(table, header=tuple(c.text for c in first), rows=table.rows[1:])
        return replace(table, rows=table.rows[1:]) if sum(c.header for c in first) * 2 > len(first) else table
    rows = table.rows
    while len(rows) > 1 and len(rows[0]) > 1 and len({c.text for c in rows[0]}) == 1:
        rows = rows[1:]  # a title row spanning the table ("No. 3 Wing organisation" over every column)
    table = replace(table, rows=rows)
    first = table.rows[0]
    if first and not first[0].header and first[0].text.startswith("+"):
        first = first[1:]  # "|+ Caption": the table's caption, read as a cell before the header cells
    if not first or sum(c.header for c in first) * 2 <= len(first) and not _column_names(first):
        return table
    return replace(table, header=tuple(c.text for c in first), rows=table.rows[1:])


def _column_names(first: tuple[TableCell, ...]) -> bool:
    """Whether a first row is column names written as plain cells ("|| Date || Commander")."""
    return len(first) >= 2 and not any(c.links for c in first) and any(
        _NAME_COLUMN.match(c.text.strip()) or _DATE_COLUMN.match(c.text.strip()) for c in first)


def _columns(table: Table) -> tuple[int, int | None]:
    name = next((i for i, h in enumerate(table.header) if _NAME_COLUMN.match(h.strip())), 0)
    if not any(h.strip() for h in table.header) and ranked(table):
        name = 1  # no header, a first column of ranks ("1." | "[[Foo FC|Foo]]" | "18"): the names are the next column
    dated = [i for i, h in enumerate(table.header) if _DATE_COLUMN.match(h.strip())]
    # a row's own founding ("Founded | ... | Joined") dates its relation only when no other column does
    date = next((i for i in dated if not _FOUNDING_COLUMN.match(table.header[i].strip())), dated[0] if dated else None)
    if date is None and not any(h.strip() for h in table.header):  # no header: a column of years is the dates'
        width = max((len(r) for r in table.rows), default=0)
        date = next((i for i in range(width) if i != name and table.rows
                     and all(i < len(r) and _YEARS.fullmatch(r[i].text.strip()) for r in table.rows)), None)
    if date is None:  # "Olympiad | Name": the games a row's member took part in, each named with its year
        rows = [r for r in table.rows if not all(c.header for c in r)]
        date = next((i for i, h in enumerate(table.header) if i != name and _EDITION_COLUMN.match(h.strip()) and rows
                     and all(i < len(r) and len(_A_YEAR.findall(r[i].text)) == 1 for r in rows)), None)
    return name, date


_YEARS = re.compile(r"\(?\d{4}(?:\s*[–—-]\s*(?:\d{2,4}|present))?\)?")
_EDITION_COLUMN = re.compile(r"^(?:olympiad|olympics|olympic\s+games|edition|debut)$", re.I)  # not "Games": a count
_A_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")


def _entity(cell: TableCell, address: bool = False) -> Mention | None:
    lead = _titles_lead(cell.text)  # "Hon. [[Neville Wran]], QC MP": the title stands before the name
    for link in cell.links:
        if link.start <= lead:
            return None if is_page_of_many(link.target) else link_mention(link.target, link.text)
    text = _DEGREE.sub("", _TRAILING_NOTE.sub("", cell.text).strip())
    if address and _ADDRESS.match(text):
        return name_mention(text)
    if not text or not _NAME_LIKE.match(text) or _DIGIT.search(text) or _TOTALS.match(text):
        return None
    return name_mention(text)


def _titles_lead(text: str) -> int:
    """Where a cell's name starts past the titles before it (names.toml [stop] titles: "Hon.", "Dr")."""
    at, words = 0, list(_WORD.finditer(text))
    for k, word in enumerate(words):
        w = word.group().casefold().rstrip(".")
        titled = w in titles_folded() or (w == "the" and k + 1 < len(words)  # "The Hon."
                                          and words[k + 1].group().casefold().rstrip(".") in titles_folded())
        if word.start() != at or not titled:
            break
        at = len(text) - len(text[word.end():].lstrip())
    return at


def _named(spec: SectionSpec, table: Table, name_col: int):
    """(row, the entity it names or None) for each body row; with `every_column`, one pair per column of
    the spec that names one ("Season | Champion | Runner-up": both clubs)."""
    for row in table.rows:
        if all(c.header for c in row):
            continue  # a header row repeated in the body or a footer ("! Years || 2009 || 2013")
        if not spec.every_column:
            listed = _listed(row[name_col]) if not spec.columns and name_col < len(row) else []
            for m in listed or [_row_entity(spec, table, row, name_col)]:
                yield row, m  # "[[12 Squadron]], [[21 Squadron]] and [[No. 55 Squadron]]": each a row's entity
            continue
        for i, head in enumerate(table.header):
            if i < len(row) and any(p.search(head.strip()) for p in spec.columns) \
                    and (m := _entity(row[i], address=True)) is not None:
                yield row, m


_LIST_GAP = re.compile(r"\s*(?:,|;|&|\band\b|,\s*and\b|<br\s*/?>|\n)\s*")


def _listed(cell: TableCell) -> list[Mention]:
    """The entities a cell lists when it holds only links, two or more, between commas or "and"."""
    links = cell.links
    if len(links) < 2 or cell.text[:links[0].start].strip() or cell.text[links[-1].end:].strip() \
            or any(not _LIST_GAP.fullmatch(cell.text, a.end, b.start) for a, b in zip(links, links[1:], strict=False)):
        return []
    return [link_mention(k.target, k.text) for k in links if not is_page_of_many(k.target)]


def _row_entity(spec: SectionSpec, table: Table, row: tuple[TableCell, ...], name_col: int) -> Mention | None:
    """The entity a row names: the name column's, or by the spec's preferred columns."""
    if not spec.columns:
        if name_col < len(row) and (m := _entity(row[name_col])) is not None:
            return m
        for i in spanned(table.header, name_col)[:1]:  # "! colspan=2 | Chairman" over "| 1st || [[Jane Roe]]":
            return _entity(row[i]) if i < len(row) else None  # the name in the cell after the number
        if name_col >= len(row) or row[name_col].text.strip() or row[name_col].links:
            return None  # the name cell says something that names nothing
        fallback = (i for i, h in enumerate(table.header) if _FALLBACK_COLUMN.match(h.strip()) and i < len(row))
        return next(filter(None, (_entity(row[i]) for i in fallback)), None)
    for pattern in spec.columns:
        for i, head in enumerate(table.header):
            if i < len(row) and pattern.search(head.strip()):
                m = _entity(row[i], address=True)
                if m is not None:
                    return m
    return None


def _has_columns(spec: SectionSpec, table: Table) -> bool:
    """Whether the table has one of the spec's preferred columns."""
    return any(p.search(h.strip()) for p in spec.columns for h in table.header)


def _dates(cell: TableCell | None) -> tuple[DateValue | None, DateValue | None]:
    m = _SPAN.search(cell.text) if cell is not None else None
    if not m or bound_only(cell.text):  # "| –2003 |", "| until 2008 |": an end alone, no start
        return None, None
    full = find_dates(cell.text)
    if full and full[0][3] is not None and str(full[0][2]) == m.group(1):  # "14 May 1976": the day, not the year
        return parse_date(cell.text[full[0][0]:full[0][1]]), None
    start, end = m.group(1), m.group(2)
    if end and end.isdigit():
        end = range_end(start, end)  # "1999–00": 2000
    return DateValue(start, "gYear"), DateValue(end, "gYear") if end and end.isdigit() else None


def extract_tables(article: ParsedArticle, ctx: Context) -> list[Statement]:
    """Statements from the rows of tables under headings that ontology/sections.toml knows."""
    out: list[Statement] = []
    body = _members_of(article.title)
    season, team = league_season(article), team_season(article, ctx.subject)  # team: a team's season's roster owner
    boxes = own_boxes(article)
    for table in article.tables:
        spec, heading = section_spec(table.section, lambda s: s.only is None or s.only == "tables" and (
                                     not s.columns or _has_columns(s, _with_header(table, s)))
                                     and (not s.season_only or season is not None), ctx.subject, boxes)  # noqa: B023
        if spec is not None and spec.season_only and heading != table.section.rsplit(" / ", 1)[-1]:
            spec = None  # "League table / Division One": a division's table, its clubs the division's (not read)
        if spec is None and body is not None and not table.section:
            spec, heading = _members_spec(), "members"  # "Members of the X Assembly, 1917–1920": its table
            out += _rows(article, table, spec, heading, replace(ctx, subject=body))
            continue
        own, owned = roster_context(spec, ctx, team, season)  # "1997 Foo Bears season": its roster is the team's
        if spec is None or not applies(spec, own.subject, boxes if own is ctx else frozenset()) \
                or memberless(spec, own.subject, owned, article):
            out += pair_rows(article, table, ctx, _entity, _parts)  # "Candidate | Party | Votes": under any heading
            continue
        if own is not ctx:
            out += _rows(article, table, spec, heading, own)
            continue
        if season is not None and (spec.id == _members_spec().id or spec.season_only):  # "2014–15 Foo League":
            ctx = replace(ctx, subject=season)  # its teams and its standings' clubs are the league's members
        if (owner := heading_owner(heading, spec, ctx)) is not None:  # "Presidents of the Foo Council": its heads
            out += _rows(article, table, spec, heading, ctx if owner is ctx.subject else replace(ctx, subject=owner))
        out += pair_rows(article, table, ctx, _entity, _parts, spec)
    return out


def _rows(article: ParsedArticle, table: Table, spec: SectionSpec, heading: str, ctx: Context) -> list[Statement]:
    """The statements one table's rows make under `spec` (its heading `heading`)."""
    out: list[Statement] = []
    seen: set[tuple[str, int]] = set()  # (entity, evidence start) of the rows already read
    table = grouped(_with_header(table, spec))  # ("! colspan=9 | East Division" rows: each row's division)
    name_col, date_col = _columns(table)
    end_col = end_column(table.header, date_col)  # "From | To": the row's end in a column of its own
    types = frozenset(spec.types)
    shown = {k.text: link_mention(k.target, k.text) for r in table.rows for c in r for k in c.links}
    for row, m in _named(spec, table, name_col):
        if types == {"Person"} and (m is None or "\n" in row[min(name_col, len(row) - 1)].text):  # lines of a cell
            out += roster_cells(spec, table, row, ctx, article.text)
            continue
        if m is not None and not m.linked and (known := ctx.index.get(m.key) or shown.get(m.key)) is not None \
                and known.linked:
            m = replace(known, text=m.text)  # "| BCL |" below "| [[Foo Championship League|BCL]] |": the link's
        if m is None or m.key == ctx.subject.key or (m.types and not m.types & types) \
                or not m.types and names_a_season(m.key):  # "| [[1994 Foo League|1994]] | 12 | 9th |": a season's
            continue  # row of the club's record, no member of it
        if spec.unless_row and any(spec.unless_row.search(c.text) for i, c in enumerate(row) if i != name_col):
            continue  # "| MobFox || 2018 || Sold to Tightline": under "Acquisitions", a sale
        if not m.types:
            named_by = f"{heading} {table.header[name_col]}" if name_col < len(table.header) else heading
            m = replace(m, types=frozenset({default_type(spec, ctx.subject, named_by)}), strength=0)  # "Team"
        date, end = _dates(row[date_col] if date_col is not None and date_col < len(row) else None)
        if end is None and end_col is not None and end_col < len(row):
            end = ended(date, _dates(row[end_col])[0])  # "| 1994 || 2005 |" under "Joined | Left"
        if ("University" in m.types or spec.relation == "memberOf") and date_col is not None \
                and date_col < len(table.header) and _FOUNDING_COLUMN.match(table.header[date_col].strip()):
            date = end = None  # a member's own founding, long before it joined ("Founded | 1821", a club's "| 1916 |")
        if spec.needs_dates and date is None:
            continue
        placed = [c for c in row if c.end > c.start]
        lo, hi = min(c.start for c in placed), max(c.end for c in placed)
        evidence = Evidence(article.text[lo:hi], table.section, lo, hi,
                            " | ".join(c.text for c in row))
        s, o = (ctx.subject, m) if spec.direction == "forward" else (m, ctx.subject)
        rule = spec.id.replace("list.", "table.")
        if (m.key, lo) not in seen:  # a name cell spanning rows ("rowspan=4 | Team Internet AG"): one entity,
            out.append(Statement(s, spec.relation, o, rule, evidence, spec.event, date, end))  # its first row;
        seen.add((m.key, lo))  # each row's other columns still relate it (a club's league, season by season)
        if _heads(spec, row, name_col, m):  # "| President || Jane Roe |" under "Staff": as "* Jane Roe, President"
            out.append(Statement(ctx.subject, "keyPerson", m, rule + "+head", evidence, "Appointment", date, end))
        out += _attributes(spec, table, row, m, rule, evidence, ctx.subject, seen)
    return out + _employers(article, table, spec.id.replace("list.", "table."))


def _heads(spec: SectionSpec, row: tuple[TableCell, ...], name_col: int, m: Mention) -> bool:
    """Whether a row's person holds a post the spec's `head_roles` names, alone in another cell of the row."""
    return spec.head_roles is not None and spec.direction == "inverse" and spec.relation != "keyPerson" \
        and "Person" in m.types and any(
        spec.head_roles.fullmatch(", " + _TRAILING_NOTE.sub("", c.text).strip()) for i, c in enumerate(row)
        if i != name_col and not c.header)


_OPEN = re.compile(r"\s*\(\s*")


def _employers(article: ParsedArticle, table: Table, rule: str) -> list[Statement]:
    """A person named in a column of people ("Top goalscorer": sections.toml [column_classes]) with a linked
    organisation in parentheses right after the name ("[[Jane Roe]] ([[Fooville F.C.]], 21 goals)"): affiliated with it,
    a member of it when it is a club (a club's scorer is its player)."""
    people = [_column_class(h) == "Person" for h in table.header]
    out, seen = [], set()
    for row in table.rows:
        for cell in (c for i, c in enumerate(row) if i < len(people) and people[i] and not c.header):
            for a, b in zip(cell.links, cell.links[1:], strict=False):
                if not _OPEN.fullmatch(cell.text, a.end, b.start) or (a.target, b.target, cell.start) in seen:
                    continue
                seen.add((a.target, b.target, cell.start))
                person, org = link_mention(a.target, a.text), link_mention(b.target, b.text)
                if is_page_of_many(a.target) or person.types - {"Person"} or not org.types & org_classes():
                    continue
                person = replace(person, types=frozenset({"Person"}))
                evidence = Evidence(article.text[cell.start:cell.end], table.section, cell.start, cell.end, cell.text)
                if "SportsClub" in org.types:  # a club's scorer is its player: a member of it
                    out.append(Statement(person, "memberOf", org, rule + "+club", evidence, "Membership"))
                else:
                    out.append(Statement(person, "affiliatedWith", org, rule + "+employer", evidence, "Affiliation"))
    return out


_MEMBERS_OF = re.compile(r"^(?:List\s+of\s+)?[Mm]embers\s+of\s+(?:the\s+)?(?P<body>.+?)(?:,\s*\d{4}.*|\s+\(\d{4}.*)?$")


def _members_of(title: str) -> Mention | None:
    """The body a list article of its members is about ("Members of the Victorian Legislative Assembly,
    1917–1920": the assembly), whose lead table lists them."""
    m = _MEMBERS_OF.match(title)
    if not m:
        return None
    name = m["body"].strip()
    types = name_types(name) or frozenset({"Organization"})
    return Mention(text=name, key=name, linked=False, types=types, strength=3)


def _column_class(header: str) -> str | None:
    """The class a column's header says its cells name (sections.toml [column_classes]: "Director" Person)."""
    return next((cls for cls, rx in column_classes() if rx.match(header.strip())), None)


def _members_spec() -> SectionSpec:
    return next(s for s in sections() if s.id == "list.members")


def _attributes(spec: SectionSpec, table: Table, row: tuple[TableCell, ...], m: Mention, rule: str,
                evidence: Evidence, owner: Mention, seen: set) -> list[Statement]:
    """The row's entity related to what its other columns name (its division, its city...); a column whose values
    are parts of the article's subject (`part`: a league's divisions) makes each, once, a part of it."""
    out = []
    for attr in spec.attributes:
        cols = [i for i, h in enumerate(table.header) if attr.column.search(h.strip()) and i < len(row)]
        # a heading spread over two columns ("Party": a colour swatch, then the name): the first that names (each
        # part of a `several` cell: "Nationalist / Economy")
        cells = [p for i in cols for p in (_parts(row[i]) if attr.several else [row[i]])]
        named = (_as_linked(_entity(c), table) for c in cells
                 if not (attr.unless_value and attr.unless_value.search(c.text.strip())))
        for value in list(filter(None, named))[:None if attr.several else 1]:
            out += _attribute(attr, m, value, rule, evidence, owner, seen)
    return out


def _as_linked(value: Mention | None, table: Table) -> Mention | None:
    """An unlinked cell that repeats a link's text of the same table names what the link names ("| Labor ||" below
    "| [[Foo Labour Party|Labor]] ||": the party, not an entity "Labor")."""
    if value is None or value.linked:
        return value
    link = next((k for r in table.rows for c in r for k in c.links if k.text == value.key), None)
    return value if link is None or is_page_of_many(link.target) else link_mention(link.target, link.text)


_SLASH = re.compile(r"\s+/\s+")


def _parts(cell: TableCell) -> list[TableCell]:
    """A cell's parts between spaced slashes ("Nationalist / Economy"), each with its links."""
    cuts = [0, *(x for k in _SLASH.finditer(cell.text) for x in k.span()), len(cell.text)]
    return [TableCell(cell.text[a:b], tuple(replace(k, start=k.start - a, end=k.end - a) for k in cell.links
                                            if a <= k.start and k.end <= b), cell.start, cell.end)
            for a, b in zip(cuts[::2], cuts[1::2], strict=True)]


def _attribute(attr, m: Mention, value: Mention, rule: str, evidence: Evidence, owner: Mention,
               seen: set) -> list[Statement]:
    """The statements one attribute value of a row's entity makes."""
    out: list[Statement] = []
    if value.key == m.key or (value.types and not value.types & set(attr.types)):
        return out
    if not value.types:
        value = replace(value, types=frozenset({attr.types[0]}), strength=0)
    relation = attr.instead[0] if attr.instead and m.types & set(attr.instead[1]) else attr.relation  # a campus's town
    out.append(Statement(m, relation, value, f"{rule}.{relation}", evidence, attr.event if relation == attr.relation else None))
    if attr.part and value.key != owner.key and (value.key, "part") not in seen:
        seen.add((value.key, "part"))  # "! rowspan=4 | [[Foo East|East]]" over its teams: the league's division
        out.append(Statement(value, "subsidiaryOf", owner, f"{rule}.part", evidence))
    return out
