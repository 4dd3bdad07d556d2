"""benchmarks/unseen.py and errors.py: the unseen dataset's decoding, seeded draws that stay put, judged samples kept."""
from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("unseen", ROOT / "benchmarks" / "unseen.py")
unseen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(unseen)


@pytest.mark.parametrize("raw,text", [
    (b"Caf<U+00E9> <U+0141>\xc3\xb3d\xc5\xba\n", "Café Łódź"),  # escapes and real UTF-8 mixed; the writer's newline
    (b"no escape\n\n", "no escape\n"),  # only the one appended newline goes
    (b"<U+1F600>", "\U0001F600"),
])
def test_decode_undoes_the_dataset_writer(raw, text):
    assert unseen.decode(raw) == text


@pytest.mark.parametrize("infobox,categories,kind", [
    ("football biography", [], "person"),
    ("", ["1950 births", "Living people"], "person?"),
    ("military unit", ["Regiments of Foo"], "military"),
    ("", ["Software companies of Foo"], "tech_company?"),
    ("", ["Rivers of Foo"], "general"),
])
def test_the_kind_guess_reads_the_infobox_then_the_categories(infobox, categories, kind):
    assert unseen.guess(infobox, categories) == kind


def _index(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "index.tsv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(unseen.COLUMNS)
        for i in range(n):
            w.writerow([i, f"x/{i}", f"{i:040x}", 5000, 0, f"Foo {i}", "company", "company", ""])
    return path


def test_a_draw_keeps_its_order_when_others_pick(tmp_path):
    rows = unseen.pool(str(_index(tmp_path, 40)), "company", 4000, 30000)
    before = unseen.order(rows, 7, [])
    picks = tmp_path / "picks.tsv"
    picks.write_text(f"{before[0][1]['path']}\tFoo\tbatch 1\n{before[3][1]['path']}\tBar\tbatch 1\n", encoding="utf-8")
    after = unseen.order(rows, 7, [str(picks)])
    assert [r["path"] for _, r in after] == [r["path"] for i, (_, r) in enumerate(before) if i not in (0, 3)]
    assert [i for i, _ in after] == [i for i, _ in before if i not in (before[0][0], before[3][0])]


def test_the_blind_set_is_never_drawn(tmp_path):
    blind = next(r for r in csv.DictReader(open(unseen.MANIFEST, encoding="utf-8", newline=""), delimiter="\t")
                 if "vinhqdang" in r["repo"])
    path = _index(tmp_path, 3)
    with open(path, "a", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter="\t", lineterminator="\n").writerow(
            [9, blind["path"], "f" * 40, 5000, 0, "Anything", "company", "company", ""])
    assert blind["path"] not in {r["path"] for _, r in unseen.order(unseen.pool(str(path), None, 0, 10**9), 1, [])}


def test_another_revision_of_a_blind_article_is_never_drawn(tmp_path):
    """The dataset holds some articles at several revisions: a manifest title's "(qualifier)" is no part of the match."""
    blind = next(r for r in csv.DictReader(open(unseen.MANIFEST, encoding="utf-8", newline=""), delimiter="\t")
                 if r["title"].endswith(")") and "vinhqdang" in r["repo"])
    path = _index(tmp_path, 3)
    with open(path, "a", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter="\t", lineterminator="\n").writerow(
            [9, "x/other", "e" * 40, 5000, 0, unseen._plain_title(blind["title"]), "company", "company", ""])
    assert "x/other" not in {r["path"] for _, r in unseen.order(unseen.pool(str(path), None, 0, 10**9), 1, [])}


@pytest.mark.parametrize("name", ["unseen-sample-round1.tsv", "unseen-sample-round2-start.tsv", "unseen-sample-round2-end.tsv",
                                  "unseen-sample-round3-start.tsv", "unseen-sample-round3-end.tsv",
                                  "unseen-sample-round4-start.tsv", "unseen-sample-round4-end.tsv",
                                  "unseen-sample-round5-start.tsv", "unseen-sample-round6-start.tsv",
                                  "unseen-sample-round6-end.tsv", "unseen-sample-round7-start.tsv",
                                  "unseen-sample-round7-end.tsv", "unseen-sample-round8-start.tsv",
                                  "unseen-sample-round8-end.tsv", "unseen-sample-round9-start.tsv",
                                  "unseen-sample-round10-start.tsv", "unseen-sample-round11-start.tsv",
                                  "unseen-sample-round12-start.tsv", "unseen-sample-round13-start.tsv",
                                  "unseen-sample-round14-start.tsv", "unseen-sample-round15-start.tsv",
                                  "unseen-sample-round16-start.tsv", "unseen-sample-round17-start.tsv",
                                  "unseen-sample-round18-start.tsv", "unseen-sample-round19-start.tsv",
                                  "unseen-sample-round20-start.tsv", "unseen-sample-round21-start.tsv",
                                  "unseen-sample-round22-start.tsv", "unseen-sample-round23-start.tsv",
                                  "unseen-sample-round24-start.tsv", "unseen-sample-round25-start.tsv",
                                  "unseen-sample-round26-start.tsv", "unseen-sample-round27-start.tsv",
                                  "unseen-sample-round28-start.tsv", "unseen-sample-round29-start.tsv",
                                  "unseen-sample-round30-start.tsv", "unseen-sample-round31-start.tsv",
                                  "unseen-sample-round32-start.tsv", "unseen-sample-round33-start.tsv",
                                  "unseen-sample-round34-start.tsv", "unseen-sample-round35-start.tsv",
                                  "unseen-sample-round36-start.tsv", "unseen-sample-round37-start.tsv",
                                  "unseen-sample-round38-start.tsv", "unseen-sample-round39-start.tsv",
                                  "unseen-sample-round40-start.tsv"])
def test_a_judged_unseen_sample_is_complete(name):
    rows = list(csv.DictReader(open(ROOT / "tests" / "blind" / name, encoding="utf-8", newline=""), delimiter="\t"))
    assert len(rows) == 200 and {r["verdict"] for r in rows} == {"yes", "no"}
    assert all(r["note"] for r in rows if r["verdict"] == "no")  # every `no` says why


@pytest.mark.parametrize("name", ["unseen-entities-round1.tsv", "unseen-entities-round2.tsv", "unseen-entities-round3.tsv",
                                  "unseen-entities-round4.tsv", "unseen-entities-round5.tsv",
                                  "unseen-entities-round6.tsv", "unseen-entities-round7.tsv",
                                  "unseen-entities-round8.tsv", "unseen-entities-round9.tsv",
                                  "unseen-entities-round10.tsv", "unseen-entities-round11.tsv",
                                  "unseen-entities-round12.tsv", "unseen-entities-round13.tsv",
                                  "unseen-entities-round14.tsv", "unseen-entities-round15.tsv",
                                  "unseen-entities-round16.tsv", "unseen-entities-round17.tsv"])
def test_a_judged_entity_sample_is_complete(name):
    rows = list(csv.DictReader(open(ROOT / "tests" / "blind" / name, encoding="utf-8", newline=""), delimiter="\t"))
    assert len(rows) == 150 and {r["verdict"] for r in rows} == {"yes", "class", "no"}
    assert all(r["note"] for r in rows if r["verdict"] != "yes")  # every `class` and `no` says why


@pytest.mark.parametrize("name,changes,verdicts", [
    ("unseen-changed-2107-2108.tsv", {"added", "removed"}, {"yes", "no"}),
    ("unseen-changed-2109-2110.tsv", {"added", "removed", "redated: start", "redated: end"}, {"yes", "no"}),
    ("unseen-entities-changed-2109-2110.tsv", {"added", "removed"}, {"yes", "class", "no"}),
    ("unseen-changed-2111-2112.tsv", {"added", "removed", "redated: start", "redated: end"}, {"yes", "no"}),
    ("unseen-entities-changed-2111-2112.tsv", {"added", "removed"}, {"yes", "class", "no"}),
    ("unseen-changed-2113-2114.tsv", {"added", "removed"}, {"yes", "no"}),
    ("unseen-entities-changed-2113-2114.tsv", {"added", "removed"}, {"yes", "class", "no"}),
    ("unseen-changed-2115-2116.tsv", {"added", "removed", "redated: start", "redated: end"}, {"yes", "no"}),
    ("unseen-entities-changed-2115-2116.tsv", {"added", "removed"}, {"yes", "class", "no"}),
    ("unseen-changed-2117-2118.tsv", {"added", "removed", "redated: start", "redated: end"}, {"yes", "no"}),
    ("unseen-entities-changed-2117-2118.tsv", {"added", "removed"}, {"yes", "class", "no"}),
    ("unseen-changed-2119-2120.tsv", {"added", "removed", "redated: start", "redated: end"}, {"yes", "no"}),
    ("unseen-entities-changed-2119-2120.tsv", {"added", "removed"}, {"yes", "class", "no"}),
    ("unseen-changed-2121-2122.tsv", {"added", "removed", "redated: start", "redated: end"}, {"yes", "no"}),
    ("unseen-entities-changed-2121-2122.tsv", {"added", "removed"}, {"yes", "class", "no"}),
    ("unseen-changed-2123-2124.tsv", {"added", "redated: start", "redated: end"}, {"yes"}),
    ("unseen-entities-changed-2123-2124.tsv", {"added", "removed"}, {"yes", "class", "no"}),
    ("unseen-changed-2125-2126.tsv", {"added", "removed"}, {"yes", "no"}),
    ("unseen-entities-changed-2125-2126.tsv", {"added", "removed"}, {"yes", "no"}),
    ("unseen-changed-2127-2128.tsv", {"added", "removed", "redated: start", "redated: end"}, {"yes", "no"}),
    ("unseen-entities-changed-2127-2128.tsv", {"added", "removed"}, {"yes", "class", "no"}),
    ("unseen-changed-2129-2130.tsv", {"added", "removed", "redated: start", "redated: end"}, {"yes", "no"}),
    ("unseen-entities-changed-2129-2130.tsv", {"added", "removed"}, {"yes", "class", "no"}),
    ("unseen-changed-2131-2132.tsv", {"added"}, {"yes", "no"}),
    ("unseen-entities-changed-2131-2132.tsv", {"added", "removed"}, {"yes", "class", "no"}),
    ("unseen-changed-2133-2134.tsv", {"added"}, {"yes", "no"}),
    ("unseen-entities-changed-2133-2134.tsv", {"removed"}, {"class", "no"}),
    ("unseen-changed-2135-2136.tsv", {"added", "redated: start", "redated: end"}, {"yes", "no"}),
    ("unseen-entities-changed-2135-2136.tsv", {"added", "removed"}, {"yes", "class", "no"}),
    ("unseen-changed-2139-2140.tsv", {"added", "removed", "redated: start", "redated: end"}, {"yes", "no"}),
    ("unseen-entities-changed-2139-2140.tsv", {"added", "removed"}, {"yes", "class", "no"}),
    ("unseen-changed-2141-2142.tsv", {"added", "redated: start", "redated: end"}, {"yes", "no"}),
    ("unseen-entities-changed-2141-2142.tsv", {"added", "removed"}, {"yes", "class", "no"}),
    ("dump-changed-2016-p37.tsv", {"added"}, {"yes", "no"}),
])
def test_the_judged_changed_facts_and_nodes_are_complete(name, changes, verdicts):
    rows = list(csv.DictReader(open(ROOT / "tests" / "blind" / name, encoding="utf-8", newline=""), delimiter="\t"))
    assert rows and {r["verdict"] for r in rows} <= verdicts
    assert changes <= {r["change"].split(" from ")[0] for r in rows} <= changes | {"retyped"}
    assert all(r["note"] for r in rows if r["verdict"] != "yes")


def test_errors_refuses_the_test_split():
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "errors.py"), "--split", "test"],
                         capture_output=True, text=True)
    assert run.returncode != 0 and "dev split only" in run.stderr


@pytest.mark.parametrize("text,title", [
    ("{{Infobox airline\n| name = '''Formerly:''' Foo Air\n}}\n'''Bar Airlines''' was an airline.", "Bar Airlines"),
    ("{{Infobox person\n| name = X\n}}\n[[File:X.jpg]]\n{{nihongo|'''Foo Bar'''|フー|Fū}} is a game.", "Foo Bar"),
    ("'''Jane Roe,''' (born 1950) is a writer.", "Jane Roe"),
    ("'''Roe's disease''', also known as '''Roe's chorea''', is a disorder.", "Roe's disease"),
    ("'''Foo's Warbler''' or '''Western Warbler''' is a bird.", "Foo's Warbler"),
    ("'''''Foo Bar''''' is a novel.", "Foo Bar"),
    ("'''HMS ''Foo''''' was a sloop.", "HMS Foo"),
    ("'''King's Highway&nbsp;401''' is a road.", "King's Highway 401"),
    ("'''1969 USS ''Foo'' fire''' was a fire.", "1969 USS Foo fire"),
    ("{{Infobox Football club season\n  | club = [[Foo F.C.|Foo]]\n  | season = 2003–04\n}}\n'''Foo''' had a poor"
     " season.\n\n'''16.''' [[Jane Roe]]", "2003–04 Foo F.C. season"),  # a season box names a team's season article
    ("{{Infobox football club season\n| club = Bar United\n| season = 1999\n}}\nBar United's season.", "1999 Bar United season"),
    # a name bolded in runs: around a nickname, across a parenthesis and "at"; an alternative name is no part of it
    ("'''Jane Ann''' \"'''Jo'''\" '''Roe''' (born 1924) is a senator.", "Jane Ann Roe"),
    ("'''Jane Ann''' '''\"Jo\"''' '''Roe, Jr.''' (born 1924) is a senator.", "Jane Ann Roe, Jr."),
    ("The '''Foo Correctional Institution''' (FCI) at '''Bar Hill''' is a prison.", "Foo Correctional Institution at Bar Hill"),
    ("'''Foo Route 7''' '''(FR 7)''' is a road.", "Foo Route 7"),
    ("'''Foo''' or '''Bar''' is a dish.\n'''Notes'''\n'''Sources'''", "Foo"),
    ("''' Foo ''' is a village.", "Foo"),  # spaces inside the bold marks
    ("The'''Foo Cup,''called''' Bar Cup'''in its early years, was a tournament.", "Foo Cup"),  # a run left open
    ("{{lang|de|'''''Lobet Foo'''''}} (Praise Foo), '''{{nowrap|BWV 1}}''', known as the '''''Foo Oratorio''''', is an"
     " oratorio.", "Lobet Foo"),  # a line led by a wrapper template holding the name
    ("{{Infobox royalty\n| name = X\n}}\n{{!}}'''Reign'''\n'''Foo of Bar''' was a king.", "Foo of Bar"),
])
def test_the_title_guess_is_the_lead_s_bold_name_not_an_infobox_label(text, title):
    assert unseen.describe("x/1", "0" * 40, text)[5] == title


def test_an_earlier_samples_articles_are_never_drawn(tmp_path):
    earlier = sorted(unseen.MANIFEST.parent.glob("unseen-sample-*.paths"))[-1].read_text(encoding="utf-8").splitlines()[0].split("\t")[0]
    path = _index(tmp_path, 3)
    with open(path, "a", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter="\t", lineterminator="\n").writerow(
            [9, earlier, "e" * 40, 5000, 0, "Anything", "company", "company", ""])
    assert earlier not in {r["path"] for _, r in unseen.order(unseen.pool(str(path), None, 0, 10**9), 1, [])}
    assert len(unseen.order(unseen.pool(str(path), None, 0, 10**9), 1, [])) == 3


def test_a_node_typed_otherwise_is_one_removed_and_one_added():
    start = [["A#0", "A", "Foo Corp", "Company", "Foo Corp makes bar.", "", ""],
             ["A#1", "A", "Jane Roe", "Person", "Jane Roe runs Foo Corp.", "", ""]]
    end = [["A#0", "A", "Foo Corp", "Organization", "Foo Corp makes bar.", "", ""],
           ["A#1", "A", "Jane Roe", "Person", "Jane Roe runs Foo Corp.", "", ""]]
    assert [(r[2], r[3], r[-1]) for r in unseen.entities_changed(start, end)] == [
        ("Foo Corp", "Organization", "added"), ("Foo Corp", "Company", "removed")]


def test_a_mention_that_became_a_facts_end_is_neither_removed_nor_added(tmp_path):
    """Jane Roe is a mention at the start and a fact's end at the end: still in the graph, typed the same."""
    g, art = "<https://en.wikipedia.org/wiki/A>", "https://w3id.org/wikikg/"
    lines = [f'<{art}resource/Jane_Roe> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{art}ontology#Person> {g} .',
             f'<{art}resource/Jane_Roe> <http://www.w3.org/2000/01/rdf-schema#label> "Jane Roe"@en {g} .']
    (tmp_path / "end.nq").write_text("\n".join(lines) + "\n", "utf-8")
    start = [["A#0", "A", "Jane Roe", "Person", "Jane Roe runs Foo Corp.", "", ""]]
    assert unseen.typed_nodes(str(tmp_path / "end.nq")) == {("A", "Jane Roe", "Person")}
    assert unseen.entities_changed(start, [], set(), unseen.typed_nodes(str(tmp_path / "end.nq"))) == []
    assert [r[-1] for r in unseen.entities_changed(start, [], set(), set())] == ["removed"]


def test_show_prints_one_article_of_a_sample_dump(tmp_path):
    sys.path.insert(0, str(ROOT / "src"))
    from wikikg.read.dumps import Page, write_dump
    dump = tmp_path / "s.xml"
    write_dump([Page("Foo Corp", 0, 1, "'''Foo Corp''' is a company.\nIt makes bars.", None),
                Page("Bar Ltd", 0, 2, "'''Bar Ltd''' is a firm.", None)], dump)
    assert unseen.show(str(dump), "Foo Corp") == "'''Foo Corp''' is a company.\nIt makes bars."
    assert unseen.show(str(dump), "Foo Corp", grep="BARS") == "2: It makes bars."
    with pytest.raises(SystemExit, match="no article titled 'Baz'"):
        unseen.show(str(dump), "Baz")


def test_show_finds_an_article_by_the_graphs_label(tmp_path):
    sys.path.insert(0, str(ROOT / "src"))
    from wikikg.read.dumps import Page, write_dump
    dump = tmp_path / "s.xml"
    write_dump([Page("Foo (2007)", 0, 1, "'''Foo''' was an event.", None),
                Page("Jane  Roe", 0, 2, "'''Jane Roe''' is a painter.", None),
                Page("Bar (ship)", 0, 3, "A ship.", None), Page("Bar (band)", 0, 4, "A band.", None)], dump)
    assert unseen.show(str(dump), "Foo") == "'''Foo''' was an event."  # a sample's article column drops "(2007)"
    assert unseen.show(str(dump), "Jane Roe") == "'''Jane Roe''' is a painter."  # a title's doubled space
    assert unseen.show(str(dump), "Bar (band)") == "A band."
    with pytest.raises(SystemExit, match="2 articles read 'Bar'"):
        unseen.show(str(dump), "Bar")


def test_show_from_the_command_line(tmp_path):
    sys.path.insert(0, str(ROOT / "src"))
    from wikikg.read.dumps import Page, write_dump
    dump = tmp_path / "s.xml"
    write_dump([Page("Bar Ltd", 0, 2, "'''Bar Ltd''' is a firm.", None)], dump)
    cli = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "unseen.py"), "show", str(dump), "Bar Ltd"],
                         capture_output=True, text=True, check=True)
    assert cli.stdout == "'''Bar Ltd''' is a firm.\n"


@pytest.mark.parametrize("raw,title,text", [
    (b"Title : Foo Corp\nText : '''Foo Corp''' is a firm.\n", "Foo Corp", "'''Foo Corp''' is a firm."),
    (b"Title : Caf\xc3\xa9 Bar\nText : \n{{Infobox}}\nText\n\n", "Café Bar", "\n{{Infobox}}\nText\n"),  # only one newline goes
    (b"Title : File:Foo.png\n", "File:Foo.png", ""),  # an empty page has no Text line
])
def test_a_titled_page_file_gives_its_title_and_its_text(raw, title, text):
    assert unseen.SOURCES["varun"].decode(raw) == (title, text)


def test_a_file_that_is_no_titled_page_is_refused():
    with pytest.raises(ValueError, match="Title"):
        unseen.SOURCES["varun"].decode(b"'''Foo''' is a firm.\n")


@pytest.mark.parametrize("title,article", [
    ("Foo Corp", True), ("Foo: The Sequel", True), ("Template:Infobox company", False), ("File:Foo.jpg", False),
    ("Draft:Foo Corp", False), ("Category talk:Foo", False), ("Wikipedia:Foo", False),
])
def test_only_main_namespace_titles_are_articles(title, article):
    assert unseen.is_article_title(title) is article


def test_a_row_names_its_dataset_and_its_file_title_wins():
    row = unseen.describe("Data/DOC 7", "0" * 40, "'''Foo''' is a firm.", "Foo Corp", "varun")
    assert row[0] == "DOC 7" and row[5] == "Foo Corp" and row[-1] == "varun"
    assert unseen.source_of(dict(zip(unseen.COLUMNS, row, strict=True))).repo == "varunbhtt21/Wikipedia-Search-Engine"
    assert unseen.source_of({"path": "x/1"}).name == "vinhqdang"  # an index written before the dataset column


def test_the_blind_set_s_articles_of_either_dataset_are_never_drawn(tmp_path):
    rows = list(csv.DictReader(open(unseen.MANIFEST, encoding="utf-8", newline=""), delimiter="\t"))
    picked = [next(r for r in rows if s.repo == r["repo"]) for s in unseen.SOURCES.values()]
    path = _index(tmp_path, 3)
    with open(path, "a", encoding="utf-8", newline="") as f:
        for i, r in enumerate(picked):
            csv.writer(f, delimiter="\t", lineterminator="\n").writerow(
                [9 + i, r["path"], "ab"[i] * 40, 5000, 0, f"Anything {i}", "company", "company", ""])
    left = {r["path"] for _, r in unseen.order(unseen.pool(str(path), None, 0, 10**9), 1, [])}
    assert len(picked) == 2 and not left & {r["path"] for r in picked} and len(left) == 3


def test_a_sample_of_paths_with_spaces_is_rebuilt_from_its_paths_file(tmp_path):
    """A titled dataset's paths hold spaces ("Data/DOC 12"): the paths file is read a line a path."""
    mirror = tmp_path / "mirror"
    subprocess.run(["git", "init", "-q", str(mirror)], check=True)
    (mirror / "Data").mkdir()
    for n, name in [(12, "Foo Corp"), (13, "Bar Inc")]:
        (mirror / "Data" / f"DOC {n}").write_bytes(f"Title : {name}\nText : '''{name}''' is a firm.\n".encode())
    subprocess.run(["git", "-C", str(mirror), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(mirror), "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "t"], check=True)
    index = tmp_path / "index.tsv"
    with open(index, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(unseen.COLUMNS)
        for n, name in [(12, "Foo Corp"), (13, "Bar Inc")]:
            blob = subprocess.run(["git", "-C", str(mirror), "rev-parse", f"HEAD:Data/DOC {n}"], capture_output=True,
                                  text=True, check=True).stdout.strip()
            w.writerow(unseen.describe(f"Data/DOC {n}", blob, f"'''{name}''' is a firm.", name, "varun"))
    paths = tmp_path / "sample.paths"
    paths.write_text("Data/DOC 13\nData/DOC 12\n", encoding="utf-8")
    out = tmp_path / "sample.xml"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "unseen.py"), "sample", str(index), str(out), "--paths",
                    str(paths), "--mirror", str(mirror / ".git")], check=True, capture_output=True)
    shown = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "unseen.py"), "show", str(out), "Bar Inc"],
                           capture_output=True, text=True, check=True).stdout
    assert shown.strip() == "'''Bar Inc''' is a firm."
    assert out.read_text(encoding="utf-8").index("Bar Inc") < out.read_text(encoding="utf-8").index("Foo Corp")
