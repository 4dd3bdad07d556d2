"""Dates a sentence gives an undated fact by a term right after its other party ("at [[X]] from 1984 until 2000")."""
from __future__ import annotations

import re
from dataclasses import replace

from wikikg.extract.dates import find_dates, parse_date, range_end
from wikikg.extract.factdates import LIFE_YEARS
from wikikg.model import DateValue, Evidence, Mention, ParsedArticle, Sentence, Statement

# right after the party's name: "from 1984 until 2000", "from 1992 to 2005"; or, after an organisation's
# name only, "(since 2005)", "(2011–2016)" (after a person's name such a note is as often a lifespan)
_FROM_TO = re.compile(r"\s*,?\s*from\s+(\d{4})\s+(?:to|until|till|through)\s+(\d{4}|the\s+present|present)\b")
_NOTE = re.compile(r"\s*\((?:since\s+(\d{4})|(\d{4})\s*[–—-]\s*(\d{4}|present)?)\)")
# right after a person's post: "Director of ⟦X⟧ since 2003", "Chief Officer of ⟦X⟧ from 2006-7" (its start; not "since the
# merger", "from 2006 in ⟦Y⟧": a start only with its end or by "since"; not ", from 1967-69" after an apposition, the
# sentence's event's term: "an expedition led by ⟦Jane Roe⟧, a graduate student at ⟦X⟧, from 1967-69")
_SINCE_FROM = re.compile(r"\s*,?\s*since\s+(\d{4})(?![\d–—/-])|\s+from\s+(\d{4})\s*[–—-]\s*(\d{1,4})(?!\d)")
# a person's years after a post's holder, who is the later party ("Leader at the ⟦Senate⟧: ⟦Jane Roe⟧ (1994–2001), ⟦John
# Doe⟧ (2001–2006)"): a term, shorter than a life ("⟦Jane Roe⟧ (1767–1854)")
_HELD = re.compile(r"\s*\((\d{4})\s*[–—-]\s*(\d{4})\)")
# the facts a post or a membership makes, whose term the sentence gives
_CLAUSE_END = re.compile(r"[,;.]")
_TERMED = frozenset({"affiliatedWith", "keyPerson", "memberOf", "educatedAt"})
# a person taking a post, in an organisation's article: "X was replaced by [[Jane Roe]]", "replaced outgoing
# President, X, with Jane Roe", "Jane Roe joined Foo at vice president", "Jane Roe voted in as president"
_TAKES_BEFORE = re.compile(r"\b(?:replaced|succeeded)\b[^.;]{0,80}?\b(?:by|with)\s+$")
# (past an apposition: "[[Jane Roe]], already company president, took over"; or ", who": "[[Jane Roe]], who was
# appointed president of the company in 2009"; "has been elected", "took office", "began her position as")
_TAKES_AFTER = re.compile(r"(?:,\s*[^,;.()\[\]]{1,60},)?(?:,?\s+who)?\s+(?:(?:re)?joined|became|took\s+over|voted\s+in|"
                          r"(?:was|(?:has|have|had)\s+been)\s+(?:appointed|named|elected|hired|voted\s+in)|took\s+office|"
                          r"(?:began|started|assumed)\s+(?:his|her|their)\s+(?:position|post|term|tenure))\b", re.I)
# after "took over" (or "took office", "began her position"), a post taken with no organisation named: "took over.",
# "took over as chairman", "took over from John Roe", "began his position as President on 1 April 2009"
_TOOK_OVER = re.compile(r"\s*(?:[.;]|$|as\s|from\s|on\s|in\s)", re.I)
_TAKES_ALONE = re.compile(r"(?:over|office|position|post|term|tenure)$")  # the verbs that need no organisation named
# ... of the article's subject, said so in the clause after the verb: its name, or "the company" ("joined
# [[Bar Corp]] in 2005" in the article of Foo dates a post at Bar Corp, not at Foo)
_ITSELF = re.compile(r"\b(?:the\s+(?:company|firm|group|corporation|association|society|organi[sz]ation|club|board|"
                     r"party|league|union|federation|foundation|institute|university|college|school)|its)\b")

Term = tuple[DateValue, DateValue | None]


def _spans(s: Sentence, name: str, target: str) -> list[tuple[int, int]]:
    """Where the sentence names the party: its links to it, and its name written out."""
    out = [(ln.start, ln.end) for ln in s.links if ln.target == target]
    p = s.text.find(name) if name else -1
    while p >= 0:
        out.append((p, p + len(name)))
        p = s.text.find(name, p + 1)
    return out


def _year(y: str | None) -> DateValue | None:
    return DateValue(y, "gYear") if y and y.isdigit() else None


def _term(s: Sentence, start: int, end: int, person: bool, subject: str, names: frozenset[str] = frozenset()) -> Term | None:
    """The term the sentence gives the party named at text[start:end] (`subject`: the article's subject, `names`
    its other names)."""
    if m := _FROM_TO.match(s.text, end):
        return _year(m.group(1)), _year(m.group(2))
    if not person:
        if m := _NOTE.match(s.text, end):
            return _year(m.group(1) or m.group(2)), _year(m.group(3))
        return None
    after = _TAKES_AFTER.match(s.text, end)
    clause = _CLAUSE_END.split(s.text[after.end():])[0] if after else ""
    bare = after is not None and _TAKES_ALONE.search(after.group().lower().rstrip()) is not None \
        and _TOOK_OVER.match(s.text, after.end()) is not None \
        and not any(after.end() <= ln.start < after.end() + len(clause) for ln in s.links)  # no other body named
    if after and (_ITSELF.search(clause) or _named(clause, subject, names) or bare) \
            or _TAKES_BEFORE.search(s.text[max(0, start - 120):start]):
        dates = {s.text[a:b] for a, b, year, *_ in find_dates(s.text) if year is not None}
        if len(dates) == 1 and (d := parse_date(dates.pop())) is not None:
            return d, None  # the one date of the sentence: when the post was taken
    return None


def _named(text: str, subject: str, names: frozenset[str] = frozenset()) -> bool:
    """Whether a text names the article's subject: its name, the first word of a name of several ("Foo" for
    "Foo Media"), or another name the article gives it ("the Rockets" for "Fooville Rockets", its short form)."""
    name = subject.split(" (")[0]
    first = name.split()[0] if " " in name else ""
    return name in text or len(first) > 3 and first[0].isupper() and re.search(rf"\b{re.escape(first)}\b", text) is not None \
        or any(len(n) > 3 and (n[0].isupper() or n.startswith("the ")) and re.search(rf"\b{re.escape(n)}\b", text)
               is not None for n in names)


def _own_term(st: Statement) -> Term | None:
    """The term a person's prose fact's own sentence gives right after its later party ("⟦Jane Roe⟧, member of the
    ⟦Foo House⟧ from 2002 to 2007", "Director of ⟦X⟧ since 2003", "Leader at the ⟦Senate⟧: ⟦Jane Roe⟧ (1994–2001)"):
    the post's or the membership's, whatever else the sentence dates."""
    if st.evidence.section == "Infobox" or st.rule.startswith(("infobox.", "list.", "table.")) or st.subject.end < 0 \
            or st.obj.end < 0 or "Person" not in st.subject.types | st.obj.types:
        return None  # a person's post or membership: not "coach of the ⟦Foo Bears⟧ of the ⟦NFL⟧ from 2000 to 2004"
    text, later = st.evidence.plain or st.evidence.text, max(st.subject, st.obj, key=lambda m: m.end)
    if m := _FROM_TO.match(text, later.end):
        return _year(m.group(1)), _year(m.group(2))
    if m := _SINCE_FROM.match(text, later.end):
        start = m.group(1) or m.group(2)
        end = m.group(3) and range_end(start, m.group(3))  # "from 2006-7": 2007
        return _year(start), _year(end) if end and end > start else None
    if "Person" in later.types and (m := _HELD.match(text, later.end)) \
            and 0 <= int(m.group(2)) - int(m.group(1)) < LIFE_YEARS:
        return _year(m.group(1)), _year(m.group(2))
    return None


def _terms(article: ParsedArticle, party: Mention, subject: str, targets: list[frozenset[str]],
           names: frozenset[str] = frozenset()) -> dict[Term, int]:
    """The terms the article's sentences give the party: (start, end) -> the first sentence's index
    (`targets`: each sentence's link targets, so that a sentence that does not name the party is passed over)."""
    out: dict[Term, int] = {}
    person = "Person" in party.types
    key = party.key
    for s, linked in zip(article.sentences, targets, strict=True):
        if key not in linked and not (key and key in s.text):
            continue  # _spans finds nothing there
        for start, end in _spans(s, key, key):
            if (t := _term(s, start, end, person, subject, names)) is not None:
                out.setdefault(t, s.index)
    return out


def dated_by_term(statements: list[Statement], article: ParsedArticle, subject: str,
                  names: frozenset[str] = frozenset()) -> list[Statement]:
    """An undated post, membership or schooling of the article's subject that a sentence dates by the
    term it gives right after the other party's name, one term in all the article: the same fact once
    more, on that sentence ("Vice-Chancellor of the [[University of Foo]] from 1992 to 2005"); also a fact
    the article dates only later than that term begins."""
    out, have = [], set()
    dated: dict[tuple[str, str, str], str] = {}  # a dated fact's earliest year
    for st in statements:
        if st.date is not None and isinstance(st.obj, Mention):
            k = (st.subject.key, st.predicate, st.obj.key)
            dated[k] = min(dated.get(k, st.date.value[:4]), st.date.value[:4])
    targets: list[frozenset[str]] = []  # each sentence's link targets, once a statement asks
    known: dict[tuple[str, bool], dict[Term, int]] = {}  # a party's terms by its key and whether it is a person
    for st in statements:
        if st.predicate not in _TERMED or st.date is not None or not isinstance(st.obj, Mention) \
                or st.attributed_to is not None:
            continue
        key = (st.subject.key, st.predicate, st.obj.key)
        if key not in have and (own := _own_term(st)) is not None:
            have.add(key)  # "⟦Jane Roe⟧, member of the ⟦Foo House⟧ from 2002 to 2007": its own sentence's term
            out.append(replace(st, rule=f"{st.rule}+term", date=own[0], end_date=own[1]))
            continue
        if key in have or subject not in (st.subject.key, st.obj.key) or st.subject.key == st.obj.key:
            continue
        party = st.obj if st.subject.key == subject else st.subject
        if not targets:
            targets = [frozenset(ln.target for ln in s.links) for s in article.sentences]
        if (memo := (party.key, "Person" in party.types)) not in known:
            known[memo] = _terms(article, party, subject, targets, names)
        terms = known[memo]
        if len(terms) != 1 or (term := next(iter(terms)))[0] is None or term[0].value[:4] >= dated.get(key, "9999"):
            continue  # a fact dated already is dated again only by an earlier start: "[[Foo League]] (since 2005)"
            # when its seasons' table dates it from 2011
        have.add(key)
        out.append(replace(st, evidence=Evidence.of_sentence(article.sentences[terms[term]]), rule=f"{st.rule}+term",
                           date=term[0], end_date=term[1], citations=()))
    return out
