"""Which mentions of a slotted sentence fill a rule's places: eligibility, selectors, lists."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from wikikg.extract import clausewords as cw
from wikikg.extract.arguments import fits, owned_end
from wikikg.extract.possessives import plural_possessive
from wikikg.kb import rules
from wikikg.kb.names import stop_names
from wikikg.kb.vocabulary import org_classes
from wikikg.model import Mention

_AS_A_ROLE = re.compile(r",\s+as\s+(?:a|an|the|its)\s+[\w\s-]{1,30}?,")
_IN_GAP = re.compile(r"\s+in\s+(?:the\s+)?")
_IN_PLACE = re.compile(r"\s+in\s+(?:the\s+)?⟦\d+⟧")
_PARENTHESES = re.compile(r"\([^()]*\)")
_SLOT = re.compile(r"⟦(\d+)⟧")
_EMPTY_PARENS = re.compile(r"\s*\(\s*[,;:]?\s*\)")


@dataclass
class Slotted:
    """A sentence with each mention replaced by a slot token ⟦i⟧, and the slots' positions."""

    text: str
    spans: list[tuple[int, int]]  # slot i's span in `text`
    mentions: list[Mention]
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # checks asked again by each rule

    @classmethod
    def build(cls, sentence: str, mentions: list[Mention]) -> "Slotted":
        """Replace each mention of `sentence` by its slot token, and drop the empty parentheses that
        templates rendered to nothing leave ("The ⟦X⟧ (), located in": "The ⟦X⟧, located in"), and the space before a comma."""
        parts, spans, pos, last = [], [], 0, 0
        for i, m in enumerate(mentions):
            piece = sentence[last:m.start]
            piece = _EMPTY_PARENS.sub("", piece) if "(" in piece else piece  # (the expression needs one)
            piece = piece[1:] if piece[:2] == " ," else piece  # "[[Jane Roe]] {{post-nominals|..}}, of": the gap closed
            parts.append(piece)
            pos += len(piece)
            tok, last = f"⟦{i}⟧", m.end
            spans.append((pos, pos + len(tok)))
            if (stop := plural_possessive(sentence, m.start, m.end)) is not None:  # "Foo Hotels' unit": "⟦i⟧'s unit"
                tok, last = tok + "'s", stop + 1
            parts.append(tok)
            pos += len(tok)
        piece = sentence[last:]
        parts.append(_EMPTY_PARENS.sub("", piece) if "(" in piece else piece)
        return cls("".join(parts), spans, mentions)


# the comma first, then what was before it ("(?<=⟧),"): the regex engine skips to the commas instead of trying each position
_APPOSITION = re.compile(r",(?<=⟧,)\s+(?:a|an|the|one|its|their|his|her|then|now|former|who|which|whose|"
                         r"also|later|currently|since|both|each|founded|based|owned|led|known)\b"
                         r"(?=[^,;()]*?\b(?!(?:the|and|of|an|a|its|their|or)\b)[a-z][a-z-]+\b)[^,;()]*?,")

_POSSESSOR = re.compile(r"(?:'s|’s)?\s*⟦")
_MODIFIER = re.compile(r"(?:'s|’s)\s+(?:[a-z][\w-]*\s+){0,2}⟦")

def _appositions(sl: Slotted) -> list[tuple[int, int]]:
    """The spans of _APPOSITION's matches in the slotted sentence (found once per sentence), less a person's
    title and name listed after another person ("include former culture minister ⟦A⟧, former foreign minister ⟦B⟧,
    ...": B is the list's next item, not A's apposition)."""
    found = sl.memo.get("appositions")
    if found is None:
        found = sl.memo["appositions"] = [m.span() for m in _APPOSITION.finditer(sl.text)
                                          if not _titled_item(sl, m)]
    return found


_TITLED_END = re.compile(r"\b([a-z][\w-]*)\s+⟦(\d+)⟧\s*,$")
_SLOT_END = re.compile(r"⟦(\d+)⟧$")


def _titled_item(sl: Slotted, m: re.Match) -> bool:
    """Whether an apposition is a list's next person with a title: a person's name right after a lowercase title word
    ends it, and a person's name stands before its comma."""
    end = _TITLED_END.search(m.group())
    before = _SLOT_END.search(sl.text, 0, m.start())
    if end is None or before is None or end.group(1) in rules.cues().prepositions \
            or end.group(1) in rules.cues().determiners or end.group(1) in ("and", "or"):
        return False
    return "Person" in sl.mentions[int(end.group(2))].types and "Person" in sl.mentions[int(before.group(1))].types


def _in_apposition(sl: Slotted, i: int, span: tuple[int, int]) -> bool:
    """Whether mention i stands inside an apposition (", a professor at ⟦X⟧,") that does not hold the trigger."""
    s, e = sl.spans[i]
    for a, b in _appositions(sl):
        if a < s and e <= b and not (a <= span[0] < b):
            return True
    return False


def _owns_noun(sl: Slotted, i: int, span: tuple[int, int]) -> bool:
    """arguments.owns_noun for mention i, its match found once per sentence."""
    key = ("owns", i)
    end = sl.memo.get(key, -1)
    if end == -1:
        end = sl.memo[key] = owned_end(sl.text, sl.spans[i][1])
    return end is not None and not sl.spans[i][1] <= span[0] <= end


_SLOT_OWNER = re.compile(r"⟦(\d+)⟧['’]s\b")


def _org_owner(sl: Slotted, gap: str) -> str:
    """The gap without an organisation that owns the next name ("Head of ⟦Foo College⟧'s ⟦Department⟧": the
    department heads the phrase; not "with ⟦Fooland⟧'s ⟦X⟧", a place's)."""
    return _SLOT_OWNER.sub(lambda m: "" if sl.mentions[int(m[1])].types & org_classes() else m[0], gap)


_OWNER_OF = re.compile(r"-(?:owned|controlled|backed|funded)\s+(?:[a-z][\w-]*\s+){0,3}⟦")  # "⟦Toshiba⟧-owned ⟦W⟧": W is the argument
_EXCHANGE = frozenset({"StockExchange"})  # its markets are no exchange: "listed on ⟦X⟧'s ⟦Main Market⟧" is on X


def eligible(sl: Slotted, i: int, preps: frozenset[str], types: frozenset[str], lo: int,
              strict: bool = False, need_prep: bool = False) -> bool:
    """A mention can fill an argument: not inside a prepositional phrase, nor a possessor or a
    modifier of a noun, and of a fitting type."""
    key = (i, preps, types, lo, strict, need_prep)
    got = sl.memo.get(key)
    if got is None:
        got = sl.memo[key] = _eligible(sl, i, preps, types, lo, strict, need_prep)
    return got


def _eligible(sl: Slotted, i: int, preps: frozenset[str], types: frozenset[str], lo: int, strict: bool,
              need_prep: bool) -> bool:
    m = sl.mentions[i]
    blocked, possessor = _around(sl, i)
    if blocked:
        return False
    last, unclosed = _before(sl, i, lo)
    if last is not None and last in rules.cues().prepositions and last not in preps:
        return False
    if need_prep and not (last is not None and last in preps):
        return False
    if last is not None and last in ("as", "than") and "as" not in preps:
        return False
    if unclosed:
        return False
    if possessor and not _EXCHANGE <= types & m.types:
        return False  # a possessor or modifier of the next name ("⟦MIT⟧'s ⟦Quest⟧"; not "⟦LSE⟧'s ⟦AIM⟧")
    return fits(m, types, strict) and "SanctionsProgramme" not in m.types


# an amount ("EUR338 million", "US$5 billion") and an adjective of nationality before a noun ("from the ⟦Austrian⟧
# 1980s sampling band") name nothing a rule may relate
_AMOUNT = re.compile(r"(?:[A-Z]{1,3}\$?|[$€£¥₹])\s?\d[\d.,]*")
_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:ian|ese|ish|ean|an|ic|i)")
_WORD_AFTER = re.compile(r"\s+(?!(?:and|or)\b)[\w⟦]")


def _around(sl: Slotted, i: int) -> tuple[bool, bool]:
    """What eligible asks of mention i whatever the rule: whether it modifies a noun, follows a number or owns
    the next name ("⟦Toshiba⟧-owned ⟦W⟧"), and whether it is a possessor or modifier of the next name."""
    key = ("around", i)
    got = sl.memo.get(key)
    if got is None:
        s, e = sl.spans[i]
        m = sl.mentions[i]
        blocked = bool(rules.cues().modifier.match(sl.text[e:e + 40]) or cw.number_before(sl.text[max(0, s - 20):s])
                       or _OWNER_OF.match(sl.text, e)
                       or not m.linked and not m.types and (_AMOUNT.fullmatch(m.text) or _ADJECTIVE.fullmatch(m.text)
                                                            and _WORD_AFTER.match(sl.text, e))
                       or m.linked and not m.types and m.key in stop_names())  # "[[Jewish]], [[Muslim]] and ..."
        got = sl.memo[key] = blocked, bool(_POSSESSOR.match(sl.text, e) or _MODIFIER.match(sl.text, e))
    return got


def _before(sl: Slotted, i: int, lo: int) -> tuple[str | None, bool]:
    """The clause's last word before mention i (past determiners) from `lo`, and whether a parenthesis
    opened after `lo` is still open at it."""
    key = ("before", i, lo)
    got = sl.memo.get(key)
    if got is None:
        s, text = sl.spans[i][0], sl.text
        got = sl.memo[key] = (cw.last_word(text, lo, s, rules.cues().determiners),
                              text.count("(", lo, s) > text.count(")", lo, s))
    return got


# a second predicate of the clause's subject after a list: ", and has a special agreement with"
_COORDINATED_PREDICATE = re.compile(r"\s*(?:\([^()]*\)\s*)?,\s+and\s+(?:also\s+)?"
                                    r"(?:has|have|had|is|are|was|were|signed|holds|maintains)\b[^⟦,]*$")
_APPOSED = re.compile(r"^\s*,\s+(?:a|an|the)\s+$")
_APPOSED_MODIFIED = re.compile(r"^\s*,\s+(?:now\s+|itself\s+)?(?:a|an)\s+"
                               r"(?:(?:defunct|former|wholly[- ]owned|majority[- ]owned|fully[- ]owned)\s+){0,2}$")
_OF, _AND = re.compile(r",?\s+of\b"), re.compile(r"\band\b|&")  # a list's last item is joined by "and"
_AND_BEFORE = re.compile(r"(?<=[a-z⟧]),?\s+and\s+(?:is\s+|was\s+|are\s+|were\s+)?$")  # ", and is based in"


def _person_subject(sl: Slotted, left: list[int], ok: list[int], lo: int, ts: int) -> bool:
    """Whether the trigger's verb has a person the rule may not take as its subject right before it: a bare or an
    anaphoric "he"/"she", or a person's name after a comma (cw.pronoun_subject, cw.name_subject)."""
    last = left[-1] if left else None
    if last is None or last in ok or "Person" not in sl.mentions[last].types:
        return cw.pronoun_subject(sl.text, sl.spans[last][1] if last is not None else lo, ts)
    return cw.name_subject(sl.text, sl.spans[last], ts, sl.mentions[last].text.casefold() in ("he", "she"))


def select(kind: str, sl: Slotted, span: tuple[int, int], clause: tuple[int, int], preps, types,
            strict: bool, need_prep: bool = False) -> list[int]:
    """Indices of the mentions a selector picks (see ontology/relations.toml)."""
    ts, te = span
    lo, hi = clause
    owner, hi = cw.paren_clause(sl.text, sl.spans, ts, te, hi)  # "⟦B⟧ (founded ⟦C⟧ in 1994), ⟦D⟧": B's, inside it
    left = [i for i, (s, e) in enumerate(sl.spans) if e <= ts and s >= lo and not _owns_noun(sl, i, span)]
    right = [i for i, (s, e) in enumerate(sl.spans) if s >= te and e <= hi
             and (not _owns_noun(sl, i, span) or _EXCHANGE <= types & sl.mentions[i].types)]  # "X's Main Market"
    ok = [i for i in left if eligible(sl, i, preps, types, lo, strict) and not _in_apposition(sl, i, span)]
    rok = [i for i in right if eligible(sl, i, preps, types, te, strict) and not cw.bare_pronoun(sl.text, sl.spans[i], sl.mentions[i].text)]
    rok = [] if need_prep and rok and not eligible(sl, rok[0], preps, types, ts, strict, True) else rok  # "with ⟦A⟧, ⟦B⟧"
    rok = rok if kind == "right_last" else [i for i in rok if not _in_apposition(sl, i, span)]
    if kind.startswith("right") and rok and cw.noun_and(sl.text, te, sl.spans[rok[0]][0]):
        return []  # "became a branch of the armed forces and the ⟦999th⟧ received": a common noun ended the phrase
    if kind in ("left", "left_all") and owner is not None:
        return [owner] if fits(sl.mentions[owner], types, strict) else []
    if kind in ("left", "left_all"):  # the clause's subject: its first eligible name and the list it heads
        if not ok:  # "After graduating from ⟦X⟧, ⟦Y⟧ attended": the opening's subject is the main clause's
            return select("after_opening", sl, span, clause, preps, types, strict) \
                if not left and cw.participle_opening(sl.text, ts) else []
        ok, left = cw.past_fronted_clause(sl.text, sl.spans, ok, left, ts)  # "after ⟦A⟧ filed, ⟦B⟧ joined": B
        if (main := cw.kin_opening_end(sl.text, ts, lambda i: "Person" in sl.mentions[i].types)) >= 0:  # "The son of ⟦A⟧, he": not A
            ok, left = [i for i in ok if sl.spans[i][0] >= main], [i for i in left if sl.spans[i][0] >= main]
            if not ok:
                return []
        if _person_subject(sl, left, ok, lo, ts):
            return []  # "After attending ⟦A⟧, he joined", "..., ⟦Jane Roe⟧ joined": the verb's subject is no eligible name
        if (new := cw.new_subject(sl.text, sl.spans, ok, ts)) is not None:  # "⟦A⟧ bought ⟦B⟧ and ⟦C⟧ acquired ⟦D⟧": C
            chain = _chain(sl, [i for i in reversed(ok) if i <= new], ts, backwards=True)
            if ok[0] not in chain:  # (its list: "⟦A⟧ observed that ⟦B⟧ and ⟦C⟧ were active in")
                return chain[:1] if kind == "left" else chain
        if cw.object_of_first_verb(sl.text, lo, ts, sl.spans[ok[0]][0]):
            return []  # "they left ⟦the University⟧ and founded ⟦ABE⟧": the university is the first verb's object
        if left and cw.relative_after(sl.text, sl.spans[left[-1]][1], ts):  # "⟦the Prize⟧ that was established by"
            return [left[-1]] if left[-1] in ok else []
        if sl.text[ts:te][:3].lower() == "as ":  # "appointed ⟦Y⟧ as a member of": Y, the verb's object
            adj = [i for i in ok if not sl.text[sl.spans[i][1]:ts].strip()]
            if adj and adj[-1] != ok[0]:
                return adj[-1:]
        if left[0] < ok[0] and _COORDINATED_PREDICATE.match(sl.text, sl.spans[ok[-1]][1], ts):
            return []  # "⟦A⟧ is a member of ⟦B⟧, the ⟦C⟧, and has an agreement with": A's verb
        chain = _chain(sl, ok, sl.spans[ok[0]][0], backwards=False, first_free=True)
        return chain[:1] if kind == "left" else chain
    if kind == "right":  # its owned noun, not past it: "named to ⟦A⟧'s All ⟦B⟧ ... All-⟦A⟧", "of ⟦A⟧'s ⟦B⟧": B
        own = next((owned_end(sl.text, e) or 0 for i, (s, e) in enumerate(sl.spans) if te <= s and e <= hi and i not in right), -1)
        return [i for i in rok[:1] if (own < 0 or sl.spans[i][0] < own or not sl.text[own:sl.spans[i][0]].strip())
                and not cw.next_predicate(sl.text, sl.spans, te, i)]  # "'s firm ⟦B⟧"
    if kind == "right_adjacent":  # "of the ⟦Foo Army⟧ ⟦Department of the West⟧": the last name heads the phrase
        return [i for i in rok[:1] if not _SLOT.sub("", _org_owner(sl, sl.text[te:sl.spans[i][0]])).strip()]
    if kind == "right_modifier":  # "is an inactive ⟦X⟧ unit": the name right after the trigger, modifying the noun after it
        return [i for i in right[:1] if not sl.text[te:sl.spans[i][0]].strip() and fits(sl.mentions[i], types, strict)]
    if kind == "right_all":
        return _chain(sl, rok, te, backwards=False)
    if kind == "right_last":
        stop = sl.text.find(",", te)
        stop = hi if stop < 0 else min(stop, hi)
        out = [i for i in rok if sl.spans[i][1] <= stop][-1:]
        while out and out[0] - 1 in rok and sl.text[sl.spans[out[0] - 1][1]:sl.spans[out[0]][0]] == " and ":
            out.insert(0, out[0] - 1)  # "former President of ⟦A⟧ and ⟦B⟧": both
        return out
    if kind == "left_any":
        if _AND_BEFORE.search(sl.text, 0, ts) and ok:  # "X competed in the L and based in M": X's verb
            return ok[:1]
        got = [i for i in left if fits(sl.mentions[i], types, strict)  # not "⟦A⟧, a subsidiary of ⟦B⟧, is based in"
               and not _in_apposition(sl, i, span)  # nor "a ⟦X⟧ platform based in", unless X owns the seat noun
               and (not _around(sl, i)[0] or cw.owns_seat(sl.text, sl.spans[i][1], ts, sl.mentions[i]))][-1:]
        return [i for i in got if not cw.other_noun(sl.text[sl.spans[i][1]:ts], sl.text[ts:te])]
    if kind == "left_chain":  # "by ⟦A⟧ and ⟦B⟧, both editors at": the list that ends where the trigger starts
        near = [i for i in reversed(left) if fits(sl.mentions[i], types, strict)]
        chain = _chain(sl, near, ts, backwards=True) if near and not sl.text[sl.spans[near[0]][1]:ts].strip(" ,") else []
        if len(chain) > 1 and _OF.match(sl.text, ts) and not _AND.search(sl.text[sl.spans[chain[-2]][1]:sl.spans[chain[-1]][0]]):
            return chain[-1:]  # "⟦A⟧, ⟦B⟧ of the ⟦X⟧, ⟦C⟧ of the ⟦Y⟧": B's alone; "⟦A⟧ and ⟦B⟧ of the ⟦X⟧": both
        return chain
    if kind == "left_adjacent":
        adj = [i for i in left if not sl.text[sl.spans[i][1]:ts].strip(" ,")]
        if adj and "Place" in sl.mentions[adj[-1]].types and adj[-1] - 1 in left \
                and sl.text[sl.spans[adj[-1] - 1][1]:sl.spans[adj[-1]][0]] == " in ":
            adj = [adj[-1] - 1]  # "the ⟦Foo Institute⟧ in ⟦Moscow⟧, a branch of": the place says where the institute is
        i = adj[-1] if adj else -1
        while i - 1 in left and not fits(sl.mentions[i], types, strict) \
                and _POST_APPOSED.fullmatch(sl.text, sl.spans[i - 1][1], sl.spans[i][0]):
            i -= 1  # "⟦Jane Roe⟧, President of ⟦Freedonia⟧, President of the ⟦Foo Party⟧": each post is hers
        if adj and i != adj[-1]:
            adj = [i]
        return [i for i in adj if fits(sl.mentions[i], types, strict)][-1:]
    if kind == "left_prev":
        adj = [i for i in left if not sl.text[sl.spans[i][1]:ts].strip()]
        before = [i for i in left if (not adj or i < adj[-1]) and fits(sl.mentions[i], types, strict)]
        if before and before[-1] not in ok and adj:  # "by ⟦B⟧, a ⟦P⟧-based firm": B, if just before
            return before[-1:] if _APPOSED.match(sl.text[sl.spans[before[-1]][1]:sl.spans[adj[-1]][0]]) else []
        return [i for i in before if i in ok][-1:]
    if kind == "left_apposed":  # "⟦A⟧, a defunct ⟦B⟧ subsidiary": A, in apposition before the trigger's neighbour
        adj = [i for i in left if not sl.text[sl.spans[i][1]:ts].strip()]
        before = [i for i in left if adj and i < adj[-1]]
        if before and _APPOSED_MODIFIED.match(sl.text[sl.spans[before[-1]][1]:sl.spans[adj[-1]][0]]):
            return [i for i in before[-1:] if fits(sl.mentions[i], types, strict)]
        return []
    if kind == "after_opening":  # "Founded in 1902 by ⟦X⟧, ⟦Y⟧ grew": the main clause's subject
        comma = _opening_end(sl.text, te)
        after = [i for i, (s, _) in enumerate(sl.spans) if comma >= 0 and s > comma]
        return [i for i in after[:1] if _OPENING_GAP.fullmatch(sl.text, comma + 1, sl.spans[i][0])
                and fits(sl.mentions[i], types, strict)]
    if kind == "gov":
        gov = rules.type_group("gov")
        cands = [i for i in right + left if sl.mentions[i].types & gov or sl.mentions[i].authority]
        return cands[:1]
    return []


_OPENING_GAP = re.compile(r"\s*(?:the\s+|The\s+)?")


def _opening_end(text: str, start: int) -> int:
    """Where an opening phrase ends: the first comma after `start` outside parentheses (-1: none)."""
    depth = 0
    for k in range(start, len(text)):
        c = text[k]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c == "," and not depth:
            return k
    return -1


_SEP = r"(?:and|or|&|as\s+well\s+as|along\s+with|together\s+with|plus|including|such\s+as|among\s+them)"
_LIST_GAP = re.compile(rf"^\s*(?:,\s*(?:{_SEP}\s+)?|{_SEP}\s+)"
                       r"(?:(?!(?:its|their|his|her)\b)(?:the|a|an|[a-z][\w-]*|[A-Z][a-z]+|[A-Z][a-z]{0,3}\.|\d+),?\s+"
                       r"(?:(?:including|such\s+as)\s+)?){0,5}$|^\s*$")  # (", the Rev. ⟦X⟧": a title)
# "in ⟦Paris⟧ and has offices in ⟦London⟧": a noun or verb and its own preposition start a new phrase
# (not an adverb's: "at ⟦Kuxun⟧ and briefly at ⟦Microsoft⟧")
_NEW_PHRASE = re.compile(r"(?:^|\s)(?!(?:and|or|the|a|an|as|well|also|then|later|now|both|either)\b|[a-z]+ly\b)[a-z][\w-]*\s+"
                         r"(?:in|at|to|from|into|with|by|on|of)\s+(?:the\s+|an?\s+|its\s+|their\s+)?$")
_APPOSED_A = re.compile(r"\s*,\s+an?\s")
# "by Dr. ⟦X⟧", "by former ⟦Y⟧ employees ⟦X⟧"
_EDGE_GAP = re.compile(r"^\s*(?:[\w'’-]+\s+|[A-Z][a-z]{0,3}\.\s+|⟦\d+⟧\s+(?:employees|engineers|executives|researchers|"
                       r"scientists|students|alumni|veterans|colleagues|staff|officials)\s+){0,5}[\w'’-]*\s*$")


def _gap(sl: Slotted, a: int, b: int) -> str:
    """The text between two positions, without appositions and parentheses inside it."""
    text = sl.text[a:b]
    for ms, me in _appositions(sl):
        if a <= ms and me <= b:
            text = text.replace(sl.text[ms:me], ",", 1)
    text = _IN_PLACE.sub("", text)  # "⟦Trondheim⟧ in ⟦Norway⟧ and ⟦Bangalore⟧"
    text = _AS_A_ROLE.sub(",", text)  # ", as a founding member,"
    return _PARENTHESES.sub("", text)


def _chain(sl: Slotted, cands: list[int], edge: int, backwards: bool, first_free: bool = False) -> list[int]:
    """The coordinated list nearest the trigger: items joined by commas/"and", few words apart."""
    out: list[int] = []
    for i in cands:
        s, e = sl.spans[i]
        if not out and first_free:
            out.append(i)
            continue
        if not out:
            gap = _gap(sl, e, edge) if backwards else _gap(sl, edge, s)
            if not _EDGE_GAP.match(gap.replace(",", " ")):
                break
        else:
            ps, pe = sl.spans[out[-1]]
            raw = sl.text[e:ps] if backwards else sl.text[pe:s]
            if not backwards and _IN_GAP.fullmatch(raw):
                continue  # "⟦Sophia Antipolis⟧ in ⟦France⟧": a qualifier, not an item
            gap = _gap(sl, e, ps) if backwards else _gap(sl, pe, s)
            again = not backwards and cw.repeated_preposition(sl.text, sl.spans[out[0]][0], raw)  # "from ⟦A⟧ in 1958, from ⟦B⟧"
            if not again and (not _LIST_GAP.match(gap) or cw.participle_gap(gap)
                              or not backwards and (_NEW_PHRASE.search(gap) or _APPOSED_A.match(gap))):
                break  # (", a former ⟦X⟧ engineer": an apposition of the item before, not an item)
        out.append(i)
    if not backwards and len(out) > 1 and _town_after(sl, out[-2], out[-1]):
        out.pop()  # "affiliated to ⟦Foo Technical University⟧, ⟦Jallandhar⟧ and courses are": the town it is in
    return sorted(out)


def _town_after(sl: Slotted, a: int, b: int) -> bool:
    """Whether the list's last item b is only the town of the organisation a before it: a single untyped,
    unlinked word right after a's comma, ending the list."""
    m, n = sl.mentions[a], sl.mentions[b]
    return (not n.types and not n.linked and " " not in n.text.strip() and m.strength >= 3
            and bool(m.types & org_classes()) and sl.text[sl.spans[a][1]:sl.spans[b][0]] == ", ")


# ", President of ", ", Chief Executive Officer of the ": a post in apposition, before the name it is held at
_POST_APPOSED = re.compile(r",\s+(?:(?:former|then|current|later)\s+)?[A-Z][\w-]*(?:\s+(?:&|and|[A-Z][\w-]*)){0,4}"
                           r"\s+(?:of|at)\s+(?:the\s+)?")
