"""Plain tables of wiki markup: sections, namespaces, tags and templates, and title rules."""
from __future__ import annotations

import html
import re

SKIP_SECTIONS = {"references", "external links", "see also", "further reading", "notes",
                 "bibliography", "sources", "footnotes", "citations", "notes and references",
                 "works cited", "literature", "gallery",
                 # a work's story, told as if it happened: its characters' firms and posts are fiction, not facts
                 "plot", "plot summary", "plot synopsis", "plot overview", "synopsis", "storyline", "premise"}
# Link namespaces that are not article links.
SKIP_NAMESPACES = {"file", "image", "media", "category", "special", "help", "template", "wikipedia",
                   "wp", "portal", "wikt", "wiktionary", "commons", "s", "d", "user", "talk", "draft"}
SKIP_TAGS = {"table", "gallery", "math", "code", "pre", "timeline", "imagemap", "score",
             "syntaxhighlight", "source", "references", "graph", "mapframe", "chem", "ce", "hiero"}
BREAK_TAGS = {"br", "li", "dt", "dd", "hr", "p", "div", "blockquote", "ul", "ol", "dl"}
# Namespaces whose links show nothing in the text (images, media).
# Templates that mark a disambiguation or set-index page (MediaWiki's Disambiguator and enwiki's
# Category:Disambiguation message boxes): its links list namesakes, they say nothing about one subject.
DISAMBIGUATION_TEMPLATES = {"disambiguation", "disambig", "disamb", "dab", "disambiguation page", "hndis",
                            "geodis", "numberdis", "schooldis", "hospitaldis", "mathdab", "roaddis", "letter disambiguation",
                            "surname", "given name", "set index article", "sia", "shipindex", "human name disambiguation"}
MEDIA_NAMESPACES = {"file", "image", "media"}
class _TextTemplates(dict):
    """Named inline templates, and the season-year links of North American leagues ("{{nfly|2006}}",
    "{{mlby|1998}}", "{{wsy|2001}}", "{{Foo NFL season|1970}}"), which show their year."""

    _YEAR = re.compile(r"(?:nfly|nfl year|afly|afl year|aafc year|cfly|cfl year|mlby|mlb year|by|wsy|ws year|nbay|"
                       r"nba year|nhly|nhl year|(?!infobox\b)[\w .'&-]+ (?:nfl|afl|cfl|mlb|nba|nhl|mls) season)")

    def __missing__(self, name):
        if isinstance(name, str) and self._YEAR.fullmatch(name):
            return "1"
        raise KeyError(name)

    def __contains__(self, name):
        return dict.__contains__(self, name) or isinstance(name, str) and self._YEAR.fullmatch(name) is not None

    def get(self, name, default=None):
        return self[name] if name in self else default


# Inline templates whose text is part of the sentence: name -> positional parameter to show.
TEXT_TEMPLATES = _TextTemplates({"nowrap": "1", "nobr": "1", "small": "1", "lang": "2", "transl": "2", "sic": "1",
                  "nobold": "1", "noitalic": "1", "em": "1", "strong": "1", "nowrap begin": None,
                  "ill": "1", "interlanguage link": "1", "interlanguage link multi": "1",
                  "smallcaps": "1", "lang-en": "1", "not a typo": "1", "proper name": "1",
                  "ship": "2", "mvar": "1", "visible anchor": "1", "anchor": None,
                  "audio": "2"})  # {{Audio|De-Foo.ogg|'''Foo'''}}: a sound file's link, its text shown
LINK_TEMPLATES = {"ill", "interlanguage link", "interlanguage link multi"}
# A language code ("de", "zh-yue"): an {{ill}} written code first names the article second.
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[a-z]{2,4})?")
# Templates that state one record about the article's subject, like a one-field infobox (a squad
# list's player rows); their mappings live in ontology/infobox.toml under the same kind.
RECORD_TEMPLATES = {"fs player", "fs2 player", "football squad player", "football squad player2",
                    "nat fs player", "nat fs g player", "nat fs r player", "ice hockey team player",
                    "basketball roster player", "player2", "efs player", "cbb roster/player",
                    # a post's succession box, whole or in its three parts (parse/successions.py joins them)
                    "succession box", "s-bef", "s-ttl", "s-aft"}
# Infoboxes named without the word "infobox" (older names of a box that infobox.toml maps under its kind's aliases).
BOX_TEMPLATES = {"ncaateamseason", "ncaateamfootballseason"}
LIST_TEMPLATES = {"ubl", "unbulleted list", "plainlist", "plain list", "flatlist", "flat list",
                  "hlist", "collapsible list", "bulleted list", "bull list", "ublist", "cslist",
                  "endplainlist", "startplainlist", "indented plainlist"}
CITE_PUBLISHER = ("publisher", "work", "website", "newspaper", "magazine", "journal", "agency",
                  "periodical", "via")


# English Wikipedia's namespaces and their aliases (MediaWiki's canonical names and enwiki's extra ones):
# a link to any of them names a page that is not an article.
NAMESPACES = {"media", "special", "talk", "user", "user talk", "wikipedia", "wikipedia talk", "wp", "wt",
              "project", "project talk", "file", "file talk", "image", "image talk", "mediawiki",
              "mediawiki talk", "template", "template talk", "help", "help talk", "category",
              "category talk", "portal", "portal talk", "draft", "draft talk", "timedtext",
              "timedtext talk", "module", "module talk", "gadget", "gadget talk", "gadget definition",
              "gadget definition talk", "topic", "mos", "event", "event talk", "tm", "h", "t", "ut", "cat"}
# Interwiki prefixes of the Wikimedia projects (Wikimedia's interwiki map): links to another wiki.
INTERWIKI = {"wiktionary", "wikt", "wikinews", "n", "wikibooks", "b", "wikiquote", "q", "wikisource", "s",
             "oldwikisource", "wikispecies", "species", "wikiversity", "v", "wikivoyage", "voy",
             "wikimedia", "foundation", "wmf", "commons", "c", "metawikimedia", "meta", "m", "mediawikiwiki",
             "mw", "incubator", "outreach", "wikidata", "d", "phabricator", "phab", "betawiki",
             "translatewiki", "wikitech", "testwiki", "wikifunctions", "f", "mediazilla", "bugzilla",
             "gerrit", "toollabs", "wikimania", "strategy", "usability", "quality", "otrs", "ticket"}
# Prefixes that name English Wikipedia itself: [[w:Foo]] and [[:en:Foo]] are links to Foo.
LOCAL_PREFIXES = {"w", "en"}
# The language editions of Wikipedia (Wikimedia's langlist, operations/mediawiki-config): [[de:Foo]]
# is an interlanguage link, [[:de:Foo]] a link to another language's article; neither is an entity
# of English Wikipedia. A prefix that is not one of these ("CSI: Miami") is part of the title.
LANGUAGES = set("""aa ab ace ady af ak als alt am ami an ang anp ar arc ary arz as ast atj av avk awa ay az
azb ba ban bar bat-smg bcl be be-tarask be-x-old bg bh bi bjn blk bm bn bo bpy br bs btm bug bxr ca
cbk-zam cdo ce ceb ch cho chr chy ckb co cr crh cs csb cu cv cy da dag de din diq dsb dty dv dz ee el
eml en eo es et eu ext fa fat ff fi fiu-vro fj fo fr frp frr fur fy ga gag gan gcr gd gl glk gn gom
gor got gpe gsw gu guc gur guw gv ha hak haw he hi hif ho hr hsb ht hu hy hyw hz ia id ie ig ii ik
ilo inh io is it iu ja jam jbo jv ka kaa kab kbd kbp kcg kg ki kj kk kl km kn ko koi kr krc ks ksh ku
kv kw ky la lad lb lbe lez lfn lg li lij lld lmo ln lo lrc lt ltg lv lzh mad mai map-bms mdf mg mh
mhr mi min mk ml mn mni mnw mo mr mrj ms mt mus mwl my myv mzn na nah nan nap nds nds-nl ne new ng
nia nl nn no nov nqo nrm nso nv ny oc olo om or os pa pag pam pap pcd pcm pdc pfl pi pih pl pms pnb
pnt ps pt pwn qu rm rmy rn ro roa-rup roa-tara ru rue rup rw sa sah sat sc scn sco sd se sg sgs sh
shi shn shy si simple sk skr sl sm smn sn so sq sr srn ss st stq su sv sw szl szy ta tay tcy te tet
tg th ti tk tl tly tn to tpi tr trv ts tt tum tw ty tyv udm ug uk ur uz ve vec vep vi vls vo vro wa
war wo wuu xal xh xmf yi yo yue za zea zh zh-classical zh-min-nan zh-yue zu""".split())

# What MediaWiki's title normalisation (MediaWikiTitleCodec::splitTitleString) treats as a space, and
# the direction marks it drops; character references (&nbsp; &#160; &#xA0;) are decoded first.
# A template name's spaces and underscores (template_name); compiled once, not per call: a fresh process
# (a build's worker) would otherwise compile it again, its re.compile cache entry evicted by later tables.
NAME_SPACE = re.compile(r"[\s_]+")
_PAREN_TAIL = re.compile(r"\s*\([^()]*\)$")
_TITLE_SPACE = re.compile(r"[\s_\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_TITLE_MARKS = re.compile(r"[\u200e\u200f\u202a-\u202e]")
_CHAR_REF = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def canonical_title(title: str) -> str:
    """A title as MediaWiki normalises it: character references decoded, underscores and runs of
    spaces as one space, direction marks dropped, no fragment, no leading colon, first letter upper."""
    t = _CHAR_REF.sub(lambda m: html.unescape(m.group(0)), title) if "&" in title else title
    t = t.split("#", 1)[0]
    if not (t.isascii() and t.isprintable() and "_" not in t and "  " not in t):  # else nothing to replace
        t = _TITLE_SPACE.sub(" ", _TITLE_MARKS.sub("", t))
    t = t.strip().lstrip(":").strip()
    if not t:
        return t
    first = t[0].upper()  # MediaWiki keeps a letter whose capital is two letters ('ß')
    return (first if len(first) == 1 else t[0]) + t[1:]


def link_target(raw: str, shown: str | None = None) -> str:
    """The English Wikipedia article a link names, as its canonical title; "" when it names a page of
    another namespace (File:, Category:, Help: ...), another wiki (wikt:, commons:) or another
    language's Wikipedia (de:, :fr:), none of which is an entity of English Wikipedia; and "" for a link
    to a section whose shown text does not name the page ("[[Lives of Example Kings#Life of Foo|Foo]]":
    the section's topic; "[[Globex Inc#History|Globex]]" names Globex)."""
    page, _, fragment = raw.partition("#")
    if shown is not None and page.strip() and fragment.strip() and not _names_page(shown, canonical_title(page)):
        return ""
    t = canonical_title(raw)
    while ":" in t:
        prefix, rest = t.split(":", 1)
        prefix = _TITLE_SPACE.sub(" ", prefix).strip().lower()
        if prefix in LOCAL_PREFIXES:
            t = canonical_title(rest)
        elif prefix in NAMESPACES or prefix in INTERWIKI or prefix in LANGUAGES:
            return ""
        else:
            break
    return t


def _names_page(shown: str, title: str) -> bool:
    """Whether a link's shown text names its page: the title, or a shorter or longer form of it."""
    a, b = shown.strip().casefold(), _PAREN_TAIL.sub("", title).casefold()
    return bool(a) and (a.startswith(b) or b.startswith(a))


def is_language_prefix(raw: str) -> bool:
    """Whether a link's target starts with a language edition's prefix ([[de:Foo]], not [[:de:Foo]]):
    an interlanguage link, which MediaWiki shows in the sidebar and not in the text."""
    if raw.lstrip().startswith(":") or ":" not in raw:
        return False
    prefix = _TITLE_SPACE.sub(" ", raw.split(":", 1)[0]).strip().lower()
    return prefix in LANGUAGES and prefix not in LOCAL_PREFIXES


def template_name(t) -> str:
    """A template's name, normalised: lower case, single spaces."""
    return NAME_SPACE.sub(" ", t.name.strip_code().strip()).lower()


def is_disambiguation(title: str, text: str) -> bool:
    """Whether a page is a disambiguation (or set-index) page: its title says so, or it uses one of the
    templates that mark one."""
    if title.rstrip().endswith("(disambiguation)"):
        return True
    return any(m.group(1).strip().lower().replace("_", " ") in DISAMBIGUATION_TEMPLATES
               for m in _TEMPLATE_NAME.finditer(text))


_TEMPLATE_NAME = re.compile(r"\{\{\s*([^|{}\n]{2,40}?)\s*[|}]")


# a calendar page: "[[December 2]]", "[[2 December]]", "[[2006]]" (old articles link a date's day and year); what
# it shows is a date of the text, no entity's name
_CALENDAR = re.compile(r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                       r"\s+\d{1,2}|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|"
                       r"November|December)|\d{3,4})")


def is_calendar_title(target: str) -> bool:
    """Whether a link's target is a day's or a year's page, whose shown text is a date."""
    return bool(_CALENDAR.fullmatch(target))
