"""The names an article gives its own subject besides its title: a short form, a biography's surname."""
from __future__ import annotations

import re

from wikikg.kb import rules
from wikikg.kb.names import legal_suffixes, name_tables, stop_names
from wikikg.model import Mention, ParsedArticle

_GENERATION = re.compile(r"(?:Jr|Sr)\.?|II|III|IV")  # a generation after a surname
_DOUBLE = re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]{2,})+")  # a double-barrelled surname: "Roe-Smith", "Martin-Doe"
_ALT_PARTS = re.compile(r"[;,]|\bor\b|\s[–—]\s")  # the parts of a lead's bracketed alternatives
_TITLED_BEFORE = re.compile(r"\b[A-Z][\w.]*\s+$")  # a capitalised word before a given name: "Mr", "Anna"


def subject_surname(label: str, subject: Mention, article: ParsedArticle) -> set[str]:
    """"James" for "Renée James": a biography names its subject by surname, when the article uses the
    surname on its own or after a title ("Dr. James") at least twice; "Foo Bar" for "Roe Foo Bar" when it uses the
    two words after the family name on their own at least twice; and "Ravi" for "Ravi Roe" when it uses the given name on its
    own (not before the surname) at least twice, as some biographies do."""
    words = label.split(",")[0].split()  # "Jane Roe, 1st Baroness Foo", "Martin Roe, Jr.": the name before the comma
    while len(words) > 2 and _GENERATION.fullmatch(words[-1]):
        words = words[:-1]  # "David F. Roe Jr.": the surname stands before the generation
    if "Person" not in subject.types or len(words) < 2:
        return set()
    out = set()
    given = words[0]
    # the last word or the title's after its comma ("Jane Roe, Lady Doe" called "Lady Doe"), whichever the article uses
    # more alone (a peer called by his title's name more than by the family name his kin share: "Tom Foo Roe, 3rd
    # Baron Foo" is "Foo"); else the first middle one it uses alone ("Jane Roe Doe" called "Roe")
    titled = [w for w in label.split(",")[-1].split()[-1:] if "," in label and not _GENERATION.fullmatch(w)]
    uses = {w: _surname_uses(w, words, article) for w in [words[-1]] + titled if _surname_shape(w)}
    best = max(uses, key=lambda w: uses[w], default=None)
    if best is not None and uses[best] >= 2:
        out.add(best)
    elif middle := next((w for w in words[-2:0:-1] if _surname_shape(w) and _surname_uses(w, words, article) >= 2),
                        None):
        out.add(middle)
    given_last = " ".join(words[1:])  # "Roe Foo Bar" called "Foo Bar": the family name first, the given after
    if len(words) == 3 and all(_surname_shape(w) and w.isalpha() for w in words[1:]) \
            and _surname_uses(given_last, words[:1], article) >= 2:
        out.add(given_last)
    if given[:1].isupper() and len(given) >= 3 and given.isalpha() and given != words[-1] and given not in out:
        alone = re.compile(rf"(?<![\w.-]){re.escape(given)}\b(?!\s+[A-Z])(?![\w-])")
        uses = sum(1 for s in article.sentences if given in s.text for m in alone.finditer(s.text)
                   if not _TITLED_BEFORE.search(s.text[:m.start()]))  # not "Mr Ravi", "Anna Ravi"
        if uses >= 2:
            out.add(given)
    return out


def _surname_shape(word: str) -> bool:
    """Whether a word of a name can be a surname: capitalised, three letters or more, letters or a double name."""
    return word[:1].isupper() and len(word) >= 3 and bool(word.isalpha() or _DOUBLE.fullmatch(word))


def _surname_uses(surname: str, words: list[str], article: ParsedArticle) -> int:
    """How often the article names someone by `surname` alone or after a title ("Dr. Lall"), not after the name's
    other words."""
    alone = re.compile(rf"(?<![\w.]\s)(?<!\w)(?<![A-Z]\.\s){re.escape(surname)}\b")
    before = tuple(w for w in words if w != surname)
    uses = sum(1 for s in article.sentences if surname in s.text for m in alone.finditer(s.text)
               if not before or not s.text[:m.start()].rstrip().endswith(before))
    if uses < 2:  # "Dr. Lall began" (a pattern of its own per surname: compiled only when its count can matter)
        titled = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, name_tables().stop.titles))})\s+{re.escape(surname)}\b")
        uses += sum(len(titled.findall(s.text)) for s in article.sentences if surname in s.text)
    return uses


def short_names(names: set[str], article: ParsedArticle) -> set[str]:
    """"Palantir" for "Palantir Technologies": a name without its company word, when the article
    itself uses the short form on its own, mid-sentence, at least twice."""
    tables = name_tables()
    company = set(tables.shape[tables.legal.cls].suffix + legal_suffixes())
    stop = stop_names()
    out = set()
    for n in names:
        words = n.split()
        if len(words) >= 2 and words[-1] in company:
            short = " ".join(words[:-1])
            if short in stop or len(short) < 3:
                continue
            uses = sum(_uses_alone(s.text, short, words[-1]) for s in article.sentences)
            if uses >= 2:
                out.add(short)
    return out


def subject_around_links(text: str, links, subject_names) -> list[tuple[int, int]]:
    """Spans of the subject's own multi-word names that hold a shorter link ("The [[Rudolf Virchow]]
    Center" names the center, not the pathologist)."""
    if not links:
        return []
    out = []
    for name in subject_names:
        if " " not in name or len(name) < 6 or name not in text:
            continue
        for s, e in whole_word_hits(text, name):
            if any(s <= k.start and k.end <= e and k.end - k.start < e - s for k in links):
                out.append((s, e))
    return sorted(out, key=lambda span: span[0] - span[1])  # the longest first


def _word_char(c: str) -> bool:
    """What \\w matches in a str pattern: a letter, digit or other Unicode number, or "_"."""
    return c.isalnum() or c == "_"


def whole_word_hits(text: str, name: str) -> list[tuple[int, int]]:
    """The spans re.finditer(r"(?<!\\w)NAME(?!\\w)", text) finds, without compiling an expression per name."""
    out, size, i = [], len(name), text.find(name)
    while i != -1:
        end = i + size
        if (i == 0 or not _word_char(text[i - 1])) and (end == len(text) or not _word_char(text[end])):
            out.append((i, end))
            i = text.find(name, end)
        else:
            i = text.find(name, i + 1)
    return out


def _uses_alone(text: str, short: str, word: str) -> int:
    r"""How often `short` stands alone mid-sentence: after a lower-case letter, comma or semicolon and
    a space, and followed by neither a word character, a hyphen nor " " + `word` (what the expression
    (?<=[a-z,;] )SHORT(?![\w-]| WORD) finds, without compiling one per name)."""
    n, i, size = 0, text.find(short), len(short)
    while i != -1:
        end = i + size
        after = text[end:end + 1]
        if i >= 2 and text[i - 1] == " " and ("a" <= text[i - 2] <= "z" or text[i - 2] in ",;") \
                and not (after and (after.isalnum() or after in "_-")) and not text.startswith(" " + word, end):
            n += 1
            i = text.find(short, end)
        else:
            i = text.find(short, i + 1)
    return n


def own_bold(sentence) -> list[tuple[int, int]]:
    """The bold spans of a lead sentence that name its subject: not those after a cue of what it was made of
    ("by the consolidation of the 1st Foo Squadron and the 2nd Bar Squadron", both bold: its predecessors)."""
    cue = rules.cues().predecessors
    m = cue.search(sentence.text) if cue is not None and sentence.bold else None
    return [(b, e) for b, e in sentence.bold if (m is None or b < m.start())  # (a bold link or date is emphasis)
            and not any(k.start <= b and e <= k.end for k in sentence.links) and not _DATE.fullmatch(sentence.text[b:e].strip())]


_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = re.compile(rf"(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}},?)\s+\d{{4}}|{_MONTH}\s+\d{{4}}|\d{{4}}")


# "'''Foo League''' or also known as ''Foo League'' (abbreviated ...)", "'''X''', also known as Y,": a name the
# lead gives its subject right after its bold name
_KNOWN_AS = re.compile(r"\s*,?\s*\(?\s*(?:or\s+)?(?:also\s+|commonly\s+|formerly\s+|simply\s+|often\s+)?(?:known|called)\s+as\s+"
                       r"(?:the\s+)?[\"“]?((?:[A-Z][\w.&'’-]*)(?:\s+(?:of|for|and|the|de|[A-Z][\w.&'’-]*)){0,7})[\"”]?(?=\s*[,;()]|\s*$)")


def known_as(sentence) -> list[str]:
    """Names the lead gives its subject right after its bold name ("... or also known as Foo League (...)")."""
    spans = own_bold(sentence)
    if not spans:
        return []
    m = _KNOWN_AS.match(sentence.text, spans[0][1])
    return [m.group(1).strip()] if m else []


_ALL_CAPS = re.compile(r"(?<![\w.&-])[A-Z]{3,6}(?![\w&-]|\.\w)")  # "FAA", not "U.S.A.", "AT&T", "ABC-TV"
_NAME_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*")
_SHORT_FORM = re.compile(r"[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*")  # "UOC-KP", "FAA": capitals, a hyphen between
_LEAD_ALT = re.compile(r"\s*\(([^()]{4,160})\)")  # "(Portuguese: Forças Armadas Angolanas; FAA)"


def _initials(name: str) -> str:
    """"CWYFL" for "Central Warwickshire Youth Football League", "BNI" for "Banco Nacional de Investimento": the
    first letters of its capitalised words ("U.S." gives both letters)."""
    out = []
    for w in _NAME_WORD.findall(name.replace("U.S.", "U S")):
        if w[0].isupper():
            out.append(w[0])
    return "".join(out)


def subject_initialisms(names: set[str], article: ParsedArticle, subject: Mention) -> set[str]:
    """"FAA" for "The Angolan Armed Forces (Portuguese: Forças Armadas Angolanas)", "ICSL" for the Inns of Court
    School of Law: an organisation's initials, in its own name or the one its lead gives in brackets after its bold
    name, name it when the article uses them at least twice and never brackets them after another name."""
    if "Person" in subject.types or not article.sentences:
        return set()
    spelled = {_initials(n): n for n in names if " " in n}
    given = set()  # "(Ukrainian: …, Foo Church of Bar, FCB-B)": a short form the lead gives in brackets
    first = article.sentences[0]
    bold = own_bold(first)
    if bold and (m := _LEAD_ALT.match(first.text, bold[0][1])) is not None:
        for part in _ALT_PARTS.split(m.group(1)):  # "(FCB – Foo-Club Bar)": a dash between too
            part = part.split(":", 1)[-1].strip()
            if " " in part:
                spelled.setdefault(_initials(part), part)
            elif _SHORT_FORM.fullmatch(part):
                given.add(part)
    spelled = {k: v for k, v in spelled.items() if 3 <= len(k) <= 6}
    if not spelled:
        return given
    counts: dict[str, int] = {}
    for s in article.sentences:
        if any(k in s.text for k in spelled):
            for m in _ALL_CAPS.finditer(s.text):
                if m.group() in spelled:
                    counts[m.group()] = counts.get(m.group(), 0) + 1
    out = given
    for acr, n in counts.items():
        if n < 2 or acr in names:
            continue
        after = [s.text[:i].rstrip(" '\"") for s in article.sentences for i in _bracketed(s.text, acr)]
        if all(a.endswith(tuple(names)) for a in after):  # "(FAA)" only ever after the subject's own name
            out.add(acr)
    return out


def _bracketed(text: str, acr: str) -> list[int]:
    """Where "(ACR" opens a bracket in the text."""
    return [m.start() for m in re.finditer(rf"\(\s*{acr}\b", text)]
