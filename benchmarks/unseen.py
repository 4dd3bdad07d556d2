"""Unseen random articles, to check rules where no one tuned them: an index of a public dataset of real articles,
seeded draws for blind batches, an unannotated sample written as a dump, and what each rule asserts on it.

    python benchmarks/unseen.py index > unseen-index.tsv                      # needs the dataset's git mirror
    python benchmarks/unseen.py index --dataset varun --skip-titles unseen-index.tsv > varun-index.tsv
    python benchmarks/unseen.py draw unseen-index.tsv SEED KIND [--top 15] [--used picks.tsv]
    python benchmarks/unseen.py sample unseen-index.tsv OUT.xml [--n 400] [--seed 2101] [--used picks.tsv]
    python benchmarks/unseen.py sample unseen-index.tsv OUT.xml --paths tests/blind/unseen-sample-2101.paths  # again
    wikikg build OUT.xml -o unseen.nq
    python benchmarks/unseen.py rules unseen.nq                               # facts and articles per rule
    python benchmarks/unseen.py firings unseen.nq RULE_REGEX [--n 25] [--seed 1]   # facts to read, with sentences
    python benchmarks/unseen.py entities unseen.nq [--n 150] [--seed 1] > nodes.tsv   # typed nodes, a third each of people, places, bodies
    python benchmarks/unseen.py entities-changed START.nq END.nq > changed-nodes.tsv   # typed nodes only one build has
    python benchmarks/unseen.py show OUT.xml TITLE [--grep WORD]            # one article of a sample, for a judge

The datasets are in benchmarks/unseen_sources.py. The first, vinhqdang/wikipedia_analysis (lang_model/enwiki/text/<N>:
randomly assessed English Wikipedia articles at their assessed revisions, 2007-2015; its writer escaped non-ASCII
characters as <U+XXXX> and appended a newline, which `decode` undoes), is used up by 34 samples; the second,
varunbhtt21/Wikipedia-Search-Engine (Data/DOC <N>: ~8,400 articles of one run of an English dump of about 2019-08,
titled files; redirects marked and other namespaces' pages skipped by the index) had 3,085 rows of 4,000-30,000 bytes,
225 of them already in the blind set (265 blind articles came from it, drawn by kind: its military, agency and party
rows are gone); after samples 2135-2138, ~1,260 are left in that range (~3 samples) and ~3,260 from 2,000 bytes
(`--min 2000`). Fetch a dataset
with the search tool's `fetch github:OWNER/NAME`. An index row names its dataset (a `dataset` column; none is
vinhqdang). `--skip-titles` leaves out articles another index holds under the same title (the datasets overlap).
Articles of the blind set (tests/blind/manifest.tsv: path, blob or title), of earlier samples
(tests/blind/unseen-sample-*.paths) and of --used files are never drawn or sampled; `sample --paths-out` writes a
new sample's paths, and `--paths` rebuilds an earlier sample's dump exactly.
"""
from __future__ import annotations

import argparse
import csv
import html
import random
import re
import subprocess
import sys
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from unseen_sources import DEFAULT, SOURCES, Source, decode_escaped, is_article_title, source_of  # noqa: E402

MANIFEST = ROOT / "tests" / "blind" / "manifest.tsv"
COLUMNS = ["n", "path", "blob", "bytes", "redirect", "title", "infobox", "kind_guess", "categories", "dataset"]
# A crude first guess of an article's kind (the gatherer checks each article): infobox name, then categories.
KINDS = [
    ("person", r"person|officeholder|biography|musical artist|scientist|sportsperson|baseball|cricketer|military "
     r"person|politician|artist|writer|actor|royalty|saint|clergy|philosopher|academic|basketball|ice hockey player"
     r"|nfl|boxer|tennis|golfer|racing driver|cyclist|swimmer|athlete|wrestler|rugby league biography|afl biography"
     r"|gaa player|model|comedian|journalist|astronaut|engineer|architect|economist|chef|judge|monarch|noble|pope"
     r"|cardinal|christian leader", r"\d{3,4} births|living people|\d{3,4} deaths"),
    ("university", r"university|college", r"universities|colleges\b(?! football)"),
    ("school", r"school", r"schools|academies in|grammar schools"),
    ("military", r"military unit|navy|air force|army", r"regiments|squadrons|battalions|brigades|divisions of"
     r"|military units|wings of|corps of"),
    ("political_party", r"political party", r"political parties"),
    ("religious_org", r"religious|christian denomination|church|diocese|monastery", r"religious organi[sz]ations"
     r"|denominations|churches|dioceses|religious orders|congregations|monasteries|synagogues|mosques"),
    ("research_institute", r"research|laboratory|observatory", r"research institutes|laboratories|think tanks"
     r"|research organi[sz]ations|observatories|learned societies|scientific organi[sz]ations"),
    ("government_agency", r"government agency|law enforcement|police|agency|ministry|department",
     r"government agencies|agencies of|ministries|law enforcement agencies|regulators|police forces"),
    ("regional_government", r"legislature|settlement|local government|council|province|state|parliament",
     r"local government|councils|provincial governments|state governments|legislatures|municipal"),
    ("sports", r"football club|sports team|sports league|football league|rugby|basketball club|ice hockey team"
     r"|baseball team|cricket team|national football team|sports club|hockey team|sports governing body",
     r"football clubs|sports teams|leagues|sports clubs|national .* teams|sports governing bodies"),
    ("media_games", r"newspaper|magazine|broadcast|tv channel|radio station|television station|video game"
     r"|publisher|record label|network", r"newspapers|magazines|television stations|radio stations|video game "
     r"(?:companies|developers|publishers)|publishing companies|record labels|television networks|media companies"),
    ("tech_company", None, r"software companies|technology companies|internet companies|electronics companies"
     r"|computer companies|semiconductor"),
    ("defence_telecom", None, r"defen[cs]e companies|telecommunications companies|arms manufacturers"
     r"|aerospace companies|mobile phone"),
    ("conglomerate", None, r"conglomerates|holding companies"),
    ("joint_venture", None, r"joint ventures"),
    ("company", r"company|dot-com|brand|airline|bank|retailer", r"companies|manufacturers|brands|airlines|banks"
     r"|retailers|restaurants"),
    ("ngo_alliance", r"organi[sz]ation|ngo|union|non-profit|charity|alliance|club|society|association|fraternity",
     r"organi[sz]ations|non-profit|charities|trade unions|alliances|associations|societies|foundations|ngos|clubs"),
]


def decode(raw: bytes) -> str:
    """The article from one vinhqdang file: <U+XXXX> escapes as characters, the appended newline dropped."""
    return decode_escaped(raw)[1]


def guess(infobox: str, categories: list[str]) -> str:
    """A kind from the infobox name, else (with a '?') from the categories, else 'general'."""
    joined = " | ".join(categories).lower()
    for kind, box, _ in KINDS:
        if infobox and box and re.search(box, infobox.lower()):
            return kind
    for kind, _, cats in KINDS:
        if re.search(cats, joined):
            return kind + "?"
    return "general"


_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}|\{\|[^{}]*?\|\}|<!--.*?-->", re.S)


def _prose(text: str) -> str:
    """The text without templates (innermost first), tables and comments: where an article's lead is."""
    while (shorter := _TEMPLATE.sub("", text)) != text:
        text = shorter
    return text


_BOLD = re.compile(r"'''(?!')[ \t]*(?![,;])((?:[^'\n]|'(?!'')){2,120}?)'''")  # an apostrophe inside a name ("Foo's Bar") is no bold mark
# a bold run that goes on the name: after a parenthesis without bold ("(SCI)") or a quoted nickname ("'''Dan'''"), with
# at most a joining word ("at", "of"); never after a comma, "or" or "also known as" (an alternative name)
_MORE = re.compile(r"""(?:[ \t]*\([^()'\n]*\))?[ \t]*(?:["“]'''[^'\n]{1,40}'''["”][ \t]*)?(?P<join>(?:at|of|de|in|on|upon)[ \t]+)?"""
                   r"'''(?!')[ \t]*(?![,;(])(?P<more>[^'\n]{2,80}?)'''")
_WRAPPER = re.compile(r"\{\{\s*(?:lang(?:-[a-z]+)?\s*\|\s*(?:[a-z-]+\s*\|)?|nowrap\s*\|)\s*([^{}|]*)\}\}", re.I)
_NOT_LEAD = re.compile(r"\s*(?:[|!{}=*#:;<]|\[\[(?:File|Image|Category):)", re.I)


def _lead(text: str) -> str:
    """The first line of prose (its templates kept: "{{nihongo|'''Foo'''|...}}" holds the name), after the
    infobox, hatnotes, images and tables."""
    for line in text.splitlines():
        opens_with_name = re.match(r"\{\{\s*[A-Za-z][\w -]*\|[^{}]*'''", line)  # "{{lang|de|'''Foo'''}} (Praise) is an oratorio"
        if (rest := _prose(line).strip()) and (opens_with_name or not _NOT_LEAD.match(line)) and not _NOT_LEAD.match(rest):
            return line
    return ""


_SEASON_BOX = re.compile(r"\{\{\s*infobox[ _]+[^|\n}<]*season\s*\|(?P<body>.*?)\n\s*\}\}", re.I | re.S)


def _season_title(text: str) -> str:
    """A team's season article's title as Wikipedia names it ("2003–04 Foo F.C. season") from its season box's club
    and season, when it has both: such articles seldom bold their name, so the lead's bold text is a match's or a
    number's ("Foo–Bar 2–2", "16.")."""
    box = _SEASON_BOX.search(text)
    if box is None:
        return ""
    values = {k.lower(): v for k, v in re.findall(r"^\s*\|?\s*(club|team|season)\s*=\s*(.*?)\s*$", box["body"], re.M | re.I)}
    club = re.sub(r"\[\[([^|\]]*)(?:\|[^\]]*)?\]\]", r"\1", values.get("club") or values.get("team") or "").strip()
    season = re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", values.get("season", "")).strip()
    return f"{season} {club} season" if club and re.fullmatch(r"\d{4}(?:[–—-]\d{2,4})?", season) else ""


def _bold_name(text: str) -> str:
    """The first bold run of a text with the runs that go on its name ("'''Foo''' "'''Fu'''" '''Bar'''" -> "Foo Bar"),
    cut at a comma before italics (a run left open: "'''Foo,''called'''")."""
    if (bold := _BOLD.search(text)) is None:
        return ""
    name, end = bold.group(1), bold.end()
    while more := _MORE.match(text, end):
        nickname = re.fullmatch(r'["“].*["”]', more["more"].strip())  # '''"Jimmy"''' between a name's runs
        name, end = name if nickname else f"{name} {more['join'] or ''}{more['more']}", more.end()
    return re.split(r",\s*''", name)[0]


def describe(path: str, blob: str, text: str, title: str = "", dataset: str = DEFAULT) -> list:
    """One index row for a decoded article (its file's own title, when the dataset gives one, over the lead's guess)."""
    name = _bold_name(_lead(text)) or _bold_name(_prose(text)) or _bold_name(text)  # no infobox's label
    name = re.sub(r"''+", "", re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", _WRAPPER.sub(r"\1", name)))
    # italics marks and entities are no part of a lead's name
    title = title or _season_title(text) or html.unescape(name).replace("\xa0", " ").strip(" ,:")
    box = re.search(r"\{\{\s*infobox[ _]+([^|\n}<]*)", text, re.I)
    infobox = box.group(1).strip() if box else ""
    cats = [c.strip() for c in re.findall(r"\[\[\s*Category\s*:\s*([^|\]]+)", text, re.I)]
    redirect = int(bool(re.match(r"\s*#redirect", text, re.I)))
    return [path.rsplit("/", 1)[1], path, blob, len(text.encode("utf-8")), redirect, title, infobox,
            guess(infobox, cats), " | ".join(cats)[:600], dataset]


def blobs(mirror: str, wanted: list[str], source: Source = SOURCES[DEFAULT]):
    """(blob, file title, decoded text) for each blob id, read through one `git cat-file --batch`."""
    proc = subprocess.Popen(["git", "-C", mirror, "cat-file", "--batch"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE)
    for blob in wanted:
        proc.stdin.write((blob + "\n").encode())
        proc.stdin.flush()
        size = int(proc.stdout.readline().split()[2])
        raw = proc.stdout.read(size)
        proc.stdout.read(1)
        yield blob, *source.decode(raw)
    proc.stdin.close()
    proc.wait()


def index(source: Source, mirror: str | None = None, skip_titles: list[str] = ()) -> None:
    """Print the index of every article file of a dataset: no page of another namespace, none whose title an index
    of `skip_titles` holds (the same article in another dataset)."""
    listing = subprocess.run(["git", "-C", mirror or source.mirror, "ls-tree", "-r", source.commit, source.tree],
                             capture_output=True, text=True, check=True).stdout.splitlines()
    files = [(line.split("\t", 1)[1], line.split()[2]) for line in listing]
    skip = {_plain_title(r["title"]).lower() for name in skip_titles for r in pool(name, None, 0, 10**12)}
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(COLUMNS)
    for (path, _), (blob, title, text) in zip(files, blobs(mirror or source.mirror, [b for _, b in files], source),
                                              strict=True):
        row = describe(path, blob, text, title, source.name)
        if is_article_title(row[5]) and _plain_title(row[5]).lower() not in skip:
            out.writerow(row)


def used(extra: list[str]) -> tuple[set[str], set[str], set[str]]:
    """Paths, blobs and lower-cased titles (without a trailing qualifier) of the blind set, of every earlier unseen sample
    (tests/blind/unseen-sample-*.paths) and of the --used files (path, or path TAB title, per line)."""
    paths, blob_ids, titles = set(), set(), set()
    extra = sorted(str(p) for p in MANIFEST.parent.glob("unseen-sample-*.paths")) + list(extra)
    with open(MANIFEST, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            titles.add(_plain_title(r["title"]).lower())  # "Foo (Ohio)": another revision's lead bolds "Foo"
            if r["repo"] in {s.repo for s in SOURCES.values()}:
                paths.add(r["path"])
            blob_ids.update(re.findall(r"cat-file blob ([0-9a-f]{40})", r["note"]))
    for name in extra:
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if parts[0]:
                paths.add(parts[0])
                if len(parts) > 1 and parts[1]:
                    titles.add(_plain_title(parts[1]).lower())
    return paths, blob_ids, titles


def pool(index_path: str, kind: str | None, low: int, high: int) -> list[dict]:
    """Index rows of a kind (guessed, with or without '?'; None for all), in size range, not redirects, one per blob."""
    csv.field_size_limit(10**9)
    rows, seen = [], set()
    with open(index_path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if kind and r["kind_guess"] not in (kind, kind + "?"):
                continue
            if low <= int(r["bytes"] or 0) <= high and r["redirect"] != "1" and r["blob"] not in seen:
                seen.add(r["blob"])
                rows.append(r)
    return rows


def order(rows: list[dict], seed: int, extra: list[str]) -> list[tuple[int, dict]]:
    """Shuffle the whole pool, THEN drop used articles: the order stays put while gatherers pick."""
    rows = list(rows)
    random.Random(seed).shuffle(rows)
    paths, blob_ids, titles = used(extra)
    return [(i, r) for i, r in enumerate(rows)
            if not (r["path"] in paths or r["blob"] in blob_ids or _plain_title(r["title"]).lower() in titles)]


def facts_by_rule(graph: str) -> dict[str, list[list[str]]]:
    """Asserted entity-to-entity facts of a build (dump_sample's rows), grouped by rule id."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from dump_sample import facts
    grouped: dict[str, list[list[str]]] = defaultdict(list)
    for row in facts(graph):
        grouped[row[5]].append(row)
    return grouped


ENTITY_COLUMNS = ["id", "article", "entity", "classes", "evidence", "verdict", "note"]


@lru_cache(maxsize=2)
def _dataset(graph: str):
    """A build's N-Quads read once (both entity readers of one command ask for the same file)."""
    from rdflib import Dataset
    ds = Dataset(default_union=True)
    ds.parse(graph, format="nquads")
    return ds


_WKG = "https://w3id.org/wikikg/ontology#"


def _classes(g, node) -> list[str]:
    """A node's classes of the ontology, by their local names, sorted."""
    from rdflib import RDF
    return sorted(str(c).rsplit("#", 1)[-1] for c in g.objects(node, RDF.type) if str(c).startswith(_WKG))


def entities(graph: str) -> list[list[str]]:
    """Every typed entity node of each article's graph (Person, Place or an organisation's class), with the
    plain text of one mention's evidence, as judge rows sorted by article and node."""
    from urllib.parse import unquote

    from rdflib import RDFS, Namespace
    wkg = Namespace(_WKG)
    ds = _dataset(graph)
    rows = []
    for g in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        article = unquote(str(g.identifier).rsplit("/", 1)[-1])
        for node in sorted(set(g.subjects(wkg.mentionedIn, None)), key=str):
            classes = _classes(g, node)
            evidence = sorted(g.objects(node, wkg.mentionedIn), key=str)
            if not classes or not evidence:
                continue
            text = ds.value(evidence[0], wkg.plainText) or ds.value(evidence[0], wkg.text) or ""
            rows.append([f"{article}#{len(rows)}", article.replace("_", " "), str(g.value(node, RDFS.label) or node),
                         ",".join(classes), " ".join(str(text).split()), "", ""])
    return rows


def typed_nodes(graph: str) -> set[tuple[str, str, str]]:
    """Every typed node of each article's graph as (article, label, classes), a fact's end as much as a mention."""
    from urllib.parse import unquote

    from rdflib import RDF, RDFS
    out = set()
    for g in _dataset(graph).graphs():
        article = unquote(str(g.identifier).rsplit("/", 1)[-1]).replace("_", " ")
        for node in set(g.subjects(RDF.type, None)):
            classes = _classes(g, node)
            if classes and (label := g.value(node, RDFS.label)) is not None:
                out.add((article, str(label), ",".join(classes)))
    return out


def entities_changed(start: list[list[str]], end: list[list[str]], start_typed: set | None = None,
                     end_typed: set | None = None) -> list[list[str]]:
    """The typed nodes (article, label, classes) only one build has, each with `added` or `removed`; given every
    typed node of each build (`typed_nodes`), not one the other build has as a fact's end (a mention that became a
    fact's end is neither removed nor added: it is still in the graph, typed the same)."""
    def keyed(rows):
        return {(r[1], r[2], r[3]): r for r in rows}
    old, new = keyed(start), keyed(end)
    was, now = start_typed if start_typed is not None else old.keys(), end_typed if end_typed is not None else new.keys()
    return ([new[k] + ["added"] for k in sorted(new.keys() - old.keys()) if k not in was]
            + [old[k] + ["removed"] for k in sorted(old.keys() - new.keys()) if k not in now])


def _plain_title(title: str) -> str:
    """A title as the graph labels its article: spaces collapsed, a trailing "(qualifier)" dropped."""
    return re.sub(r"\s*\([^()]*\)$", "", " ".join(title.split()))


def show(dump: str, title: str, grep: str | None = None) -> str:
    """One article's wikitext from a dump (or its lines holding `grep`, numbered); SystemExit when absent.

    The exact title first; else the one article whose title reads the same without spaces doubled or a trailing
    "(qualifier)" (the samples' article column is the graph's label: "Genesis" for "Genesis (2007)")."""
    sys.path.insert(0, str(ROOT / "src"))
    from wikikg.read.dumps import iter_pages
    near = []
    for page in iter_pages(dump, workers=1):
        if page.title == title:
            near = [page]
            break
        if _plain_title(page.title) == _plain_title(title):
            near.append(page)
    if len(near) > 1:
        raise SystemExit(f"{len(near)} articles read {title!r}: " + "; ".join(repr(p.title) for p in near))
    if not near:
        raise SystemExit(f"no article titled {title!r} in {dump}: titles are as the sample's dump writes them")
    text = near[0].text
    if grep is None:
        return text
    return "\n".join(f"{i}: {line}" for i, line in enumerate(text.splitlines(), 1) if grep.lower() in line.lower())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    idx = sub.add_parser("index")
    idx.add_argument("--dataset", choices=sorted(SOURCES), default=DEFAULT)
    idx.add_argument("--mirror", help="the dataset's git directory, if not where `fetch` puts it")
    idx.add_argument("--skip-titles", action="append", default=[], help="an index whose titles to leave out")
    for name in ("draw", "sample"):
        p = sub.add_parser(name)
        p.add_argument("index")
        p.add_argument("--used", action="append", default=[])
        p.add_argument("--min", type=int, default=4000)
        p.add_argument("--max", type=int, default=30000)
    draw, sample = sub.choices["draw"], sub.choices["sample"]
    draw.add_argument("seed", type=int)
    draw.add_argument("kind")
    draw.add_argument("--top", type=int, default=15)
    sample.add_argument("out")
    sample.add_argument("--n", type=int, default=400)
    sample.add_argument("--seed", type=int, default=2101)
    sample.add_argument("--mirror", help="the dataset's git directory, if not where `fetch` puts it")
    sample.add_argument("--paths", help="exactly these dataset paths (one a line, in order), as an earlier sample drew")
    sample.add_argument("--paths-out", help="write the drawn paths here (tests/blind/unseen-sample-SEED.paths)")
    sub.add_parser("rules").add_argument("graph")
    fire = sub.add_parser("firings")
    fire.add_argument("graph")
    fire.add_argument("rule", help="a regular expression searched in the rule id")
    fire.add_argument("--n", type=int, default=25)
    fire.add_argument("--seed", type=int, default=1)
    ent = sub.add_parser("entities")
    ent.add_argument("graph")
    ent.add_argument("--n", type=int, default=150)
    ent.add_argument("--seed", type=int, default=1)
    moved = sub.add_parser("entities-changed")
    moved.add_argument("start")
    moved.add_argument("end")
    shown = sub.add_parser("show")
    shown.add_argument("dump")
    shown.add_argument("title")
    shown.add_argument("--grep", help="only the lines holding this word (case-insensitive), numbered")
    a = ap.parse_args()
    if a.cmd == "index":
        index(SOURCES[a.dataset], a.mirror, a.skip_titles)
    elif a.cmd == "draw":
        rows = pool(a.index, a.kind, a.min, a.max)
        left = order(rows, a.seed, a.used)
        print(f"# {len(rows)} in the kind's pool, {len(left)} not used yet (seed {a.seed}); draw order:")
        for i, r in left[: a.top]:
            print(f"#{i}\t{r['path']}\t{r['blob']}\t{r['bytes']}\t{r['title']}\t{r['infobox']}\t{r['categories'][:200]}")
    elif a.cmd == "sample":
        sys.path.insert(0, str(ROOT / "src"))
        from wikikg.read.dumps import Page, write_dump
        if a.paths:
            rows = {r["path"]: r for r in pool(a.index, None, 0, 10**9)}
            picked = [rows[p] for p in Path(a.paths).read_text(encoding="utf-8").splitlines() if p]  # "Data/DOC 1"
        else:
            picked = [r for _, r in order(pool(a.index, None, a.min, a.max), a.seed, a.used) if r["title"]][: a.n]
        texts = {}
        for source in {source_of(r) for r in picked}:
            wanted = [r["blob"] for r in picked if source_of(r) is source]
            texts.update((blob, text) for blob, _, text in blobs(a.mirror or source.mirror, wanted, source))
        pages = [Page(r["title"], 0, int(re.sub(r"\D", "", r["n"])), texts[r["blob"]], None) for r in picked]
        write_dump(pages, a.out)
        if a.paths_out:
            Path(a.paths_out).write_text("".join(r["path"] + "\n" for r in picked), encoding="utf-8")
        print(f"{len(pages)} articles -> {a.out}: " + ", ".join(f"{k} {n}" for k, n in Counter(
            r["kind_guess"].rstrip("?") for r in picked).most_common()), file=sys.stderr)
    elif a.cmd == "rules":
        for rule, rows in sorted(facts_by_rule(a.graph).items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"{len(rows)}\t{len({r[1] for r in rows})}\t{rule}")
    elif a.cmd == "entities":
        rows, rng = entities(a.graph), random.Random(a.seed)
        groups = {"Person": [], "Place": [], "organisation": []}  # a third each: people and places outnumber bodies
        for r in rows:
            groups[r[3] if r[3] in groups else "organisation"].append(r)
        picked = [r for g in groups.values() for r in rng.sample(g, min(a.n // 3, len(g)))]
        out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        out.writerow(ENTITY_COLUMNS)
        out.writerows(sorted(picked))
        print(f"{len(picked)} of {len(rows)} typed nodes (" + ", ".join(f"{k} {len(g)}" for k, g in groups.items())
              + "), a third of the sample from each", file=sys.stderr)
    elif a.cmd == "entities-changed":
        out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        out.writerow(ENTITY_COLUMNS + ["change"])
        out.writerows(entities_changed(entities(a.start), entities(a.end), typed_nodes(a.start), typed_nodes(a.end)))
    elif a.cmd == "show":
        print(show(a.dump, a.title, a.grep))
    else:
        rows = [r for rule, rs in facts_by_rule(a.graph).items() if re.search(a.rule, rule) for r in rs]
        picked = random.Random(a.seed).sample(rows, min(a.n, len(rows)))
        print(f"# {len(picked)} of {len(rows)} facts whose rule matches {a.rule!r}")
        for r in sorted(picked):
            print(f"[{r[1]}] {r[2]} --{r[3]}--> {r[4]}  ({r[5]}{', ' + r[6] if r[6] else ''})\n    {r[7]}")


if __name__ == "__main__":
    main()
