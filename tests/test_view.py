"""Tests for wikikg.formats.view: the page is self-contained, and works in real headless Chromium."""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from wikikg.cli.view import view
from wikikg.formats.propertygraph import Entity, PropertyGraph, edges
from wikikg.formats.view import to_html, view_data
from wikikg.formats.writers import FORMATS, property_graph
from wikikg.pipeline.stages import build

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "sensetime.wikitext"
SCREENSHOTS = ROOT / "out" / "screenshots"
RES = "https://w3id.org/wikikg/resource/"
DATA = re.compile(r'<script type="application/json" id="data">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("graph") / "seed.nq"
    path.write_bytes(FORMATS[".nq"](build([str(SEED)]).dataset))
    return path


@pytest.fixture(scope="module")
def pg(graph_file):
    from wikikg.cli import load_graph

    return property_graph(load_graph(str(graph_file)))


@pytest.fixture(scope="module")
def html_file(pg, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("view") / "graph.html"
    path.write_bytes(to_html(pg, "SenseTime seed"))
    return path


# --- the page itself ------------------------------------------------------------------------------

def test_page_is_self_contained(html_file):
    html = html_file.read_text("utf-8")
    assert "<script src" not in html and "<link" not in html and "@import" not in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "default-src 'none'" in html  # the page may load nothing, even by mistake


def test_page_data_is_the_view_data(pg, html_file):
    embedded = json.loads(DATA.search(html_file.read_text("utf-8")).group(1))
    assert embedded == json.loads(json.dumps(view_data(pg)))
    assert len(embedded["nodes"]) == len(pg.entities) and embedded["years"] == [2014, 2021]
    facts = [f for f in embedded["facts"] if f["relation"] == "sanctionedBy"]
    assert facts and all(f["text"] and f["cites"] for f in facts)


def test_markup_in_data_cannot_end_the_script():
    evil = "</script><script>alert(1)</script>"
    pg = PropertyGraph({RES + "X": Entity(RES + "X", evil, ("Company",))})
    html = to_html(pg, title="<b>t</b>").decode("utf-8")
    assert evil not in html and "<b>t</b>" not in html
    assert json.loads(DATA.search(html).group(1))["nodes"][0]["label"] == evil


def test_cli_writes_html_and_png(graph_file, tmp_path):
    runner = CliRunner()
    for name in ("g.html", "g.png"):
        result = runner.invoke(view, [str(graph_file), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    assert (tmp_path / "g.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    again = runner.invoke(view, [str(graph_file), "-o", str(tmp_path / "h.html")])
    assert again.exit_code == 0
    assert (tmp_path / "g.html").read_bytes() == (tmp_path / "h.html").read_bytes()


def test_cli_errors_are_one_line(graph_file, tmp_path):
    runner = CliRunner()
    bad = runner.invoke(view, [str(graph_file), "-o", str(tmp_path / "g.svg")])
    assert bad.exit_code == 1 and "unknown picture format" in bad.output
    missing = runner.invoke(view, [str(tmp_path / "none.ttl"), "-o", str(tmp_path / "g.html")])
    assert missing.exit_code == 1 and "no such file" in missing.output
    assert not (tmp_path / "g.html").exists()


# --- in real headless Chromium --------------------------------------------------------------------

def _browser_or_skip():
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    try:
        import selenium  # noqa: F401
        has_selenium = True
    except ImportError:
        has_selenium = False
    if not (chromium and driver and has_selenium):
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests: chromium, chromedriver and selenium needed")
        pytest.skip("headless Chromium (Debian chromium, chromium-driver) not installed")
    return chromium, driver


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    chromium, driver_path = _browser_or_skip()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=1400,900",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
                "--host-resolver-rules=MAP * ~NOTFOUND"):  # no name resolves: no network at all
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(driver_path), options=opts)
    drv.set_page_load_timeout(30)
    yield drv
    drv.quit()


@pytest.fixture(scope="module")
def page(browser, html_file):
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(html_file.as_uri())
    WebDriverWait(browser, 20).until(lambda d: d.execute_script("return document.body.dataset.ready"))
    return browser


def test_page_loads_offline_and_shows_every_node(page, pg):
    from selenium.webdriver.common.by import By

    assert len(page.find_elements(By.CSS_SELECTOR, "circle.node")) == len(pg.entities)
    assert page.execute_script("return performance.getEntriesByType('resource').length") == 0
    errors = [e for e in page.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors
    legend = page.find_element(By.ID, "legend").text
    assert "Company" in legend and "Person" in legend
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert page.save_screenshot(str(SCREENSHOTS / "view.png"))


def test_search_finds_a_node(page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = page.find_element(By.ID, "search")
    box.clear()
    box.send_keys("qualc")
    results = page.find_elements(By.CSS_SELECTOR, "#results li")
    assert results and "Qualcomm" in results[0].text
    matched = page.find_elements(By.CSS_SELECTOR, "circle.node.match")
    assert [m.get_attribute("data-id") for m in matched] == [RES + "Qualcomm"]
    box.send_keys(Keys.ENTER)
    assert page.find_element(By.ID, "details-title").text.strip() == "Qualcomm"
    assert "partnered with" in page.find_element(By.ID, "details").text


def test_clicking_a_node_shows_its_evidence_and_source(page, pg):
    from selenium.webdriver.common.by import By

    node = page.find_element(By.CSS_SELECTOR, f'circle.node[data-id="{RES}SenseTime"]')
    node.click()
    assert page.find_element(By.ID, "details-title").text.strip() == "SenseTime"
    details = page.find_element(By.ID, "details")
    quotes = [q.text for q in details.find_elements(By.CSS_SELECTOR, "blockquote.evidence")]
    sanction = next(f for f in pg.facts if f.relation == "sanctionedBy" and f.programme)
    assert (sanction.plain or sanction.text).strip() in quotes
    links = {a.get_attribute("href") for a in details.find_elements(By.CSS_SELECTOR, ".cites a")}
    assert {c.url for c in sanction.citations} <= links
    page.save_screenshot(str(SCREENSHOTS / "view-selected.png"))


def test_time_slider_replays_the_history(page, pg):
    from selenium.webdriver.common.by import By

    data = view_data(pg)

    def visible(year):
        page.execute_script("const s = document.getElementById('time'); s.value = arguments[0];"
                            "s.dispatchEvent(new Event('input'));", year)
        return len(page.find_elements(By.CSS_SELECTOR, "line.edge:not(.hidden)"))

    def expected(year):
        return sum(1 for e in data["edges"] if (not e["start"] or int(e["start"][:4]) <= year)
                   and (not e["end"] or int(e["end"][:4]) >= year))

    for year in (2014, 2017, 2019, 2021):
        assert visible(year) == expected(year)
    assert expected(2014) < expected(2017) < expected(2021)
    assert visible(2022) == len(data["edges"])  # the slider's last stop shows everything


# --- legible pictures: arrows, relation labels, labels that never overlap, at seed and dump size ------

DUMP = ROOT.parent / "shared" / "corpus" / "enwiki-2016-sample-206-pages.xml.bz2"
needs_dump = pytest.mark.skipif(not DUMP.exists(), reason="the shared corpus is not beside the repository")


@pytest.fixture(scope="module")
def dump_pg(sample_dump_build):
    return property_graph(sample_dump_build.dataset)


def _overlapping(boxes) -> list:
    """Pairs of (x0, y0, x1, y1) boxes that overlap by more than half a pixel."""
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[0] + 0.5 < b[2] and b[0] + 0.5 < a[2] and a[1] + 0.5 < b[3] and b[1] + 0.5 < a[3]]


def _check_png(pg, name: str):
    from wikikg.formats.view import draw

    pic = draw(pg, name)
    renderer = pic.canvas.get_renderer()
    texts = pic.node_labels + pic.edge_labels
    boxes = [tuple(t.get_window_extent(renderer).extents) for t in texts]
    assert not _overlapping(boxes)
    assert all(t.get_fontsize() >= 9 for t in pic.node_labels) and all(t.get_fontsize() >= 7 for t in pic.edge_labels)
    directed = [e for e in edges(pg) if not e.symmetric]
    heads = [a for a in pic.arrows if type(a.get_arrowstyle()).__name__ == "CurveFilledB"]
    assert len(pic.arrows) == len(edges(pg)) and len(heads) == len(directed)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"{name}.png").write_bytes(pic.png())
    return pic


def test_png_has_arrows_relation_labels_and_every_seed_label_without_overlap(pg):
    pic = _check_png(pg, "view-seed")
    assert len(pic.node_labels) == len(pg.entities)
    assert len(pic.edge_labels) >= len(edges(pg)) // 3
    assert {t.get_text() for t in pic.edge_labels} >= {"member of", "has office in"}


@needs_dump
def test_png_of_the_sample_dump_is_legible(dump_pg):
    pic = _check_png(dump_pg, "view-dump")
    assert len(pic.node_labels) >= 0.8 * len(dump_pg.entities)
    assert pic.edge_labels


VISIBLE_LABELS = """
return [...document.querySelectorAll('text.nlabel:not(.hidden), text.elabel:not(.hidden)')].map((t) => {
  const r = t.getBoundingClientRect(); return [t.classList[0], t.textContent, r.left, r.top, r.right, r.bottom]; });
"""


def _labels_legible_and_apart(page) -> list:
    rows = page.execute_script(VISIBLE_LABELS)
    boxes = [tuple(r[2:]) for r in rows]
    assert not _overlapping(boxes), _overlapping(boxes)[:3]
    assert all(r[5] - r[3] >= 10 for r in rows)  # text about 12px high on screen, whatever the zoom
    return rows


def test_page_draws_arrows_and_relation_labels_and_labels_apart(page, pg):
    from selenium.webdriver.common.by import By

    page.execute_script("const s = document.getElementById('time'); s.value = s.max; s.dispatchEvent(new Event('input'));")
    directed = [e for e in edges(pg) if not e.symmetric]
    arrows = page.find_elements(By.CSS_SELECTOR, 'line.edge[marker-end="url(#arrow)"]')
    assert len(arrows) == len(directed) and len(directed) < len(edges(pg))
    rows = _labels_legible_and_apart(page)
    assert sum(r[0] == "nlabel" for r in rows) >= 0.8 * len(pg.entities)
    assert any(r[0] == "elabel" for r in rows)


@pytest.fixture(scope="module")
def dump_page(browser, dump_pg, tmp_path_factory):
    from selenium.webdriver.support.ui import WebDriverWait

    path = tmp_path_factory.mktemp("dump-view") / "dump.html"
    path.write_bytes(to_html(dump_pg, "sample dump"))
    browser.get(path.as_uri())
    WebDriverWait(browser, 30).until(lambda d: d.execute_script("return document.body.dataset.ready"))
    return browser


@needs_dump
def test_dump_page_shows_legible_labels_apart(dump_page, dump_pg):
    rows = _labels_legible_and_apart(dump_page)
    assert len([r for r in rows if r[0] == "nlabel"]) >= 40
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dump_page.save_screenshot(str(SCREENSHOTS / "view-dump-page.png"))


OFF_SCREEN = """
const box = document.getElementById('graph').getBoundingClientRect();
const out = [...document.querySelectorAll('circle.node')].filter((c) => {
  const r = c.getBoundingClientRect(); return r.right < box.left || r.left > box.right || r.bottom < box.top || r.top > box.bottom; });
return out.map((c) => c.getAttribute('data-id'));
"""
IN_VIEW = """
const box = document.getElementById('graph').getBoundingClientRect();
const c = document.querySelector(`circle.node[data-id="${arguments[0]}"]`), r = c.getBoundingClientRect();
const t = document.querySelector(`text.nlabel[data-index="${c.getAttribute('data-index')}"]`);
return [r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom,
        !t.classList.contains('hidden'), t.getBoundingClientRect().height];
"""


@needs_dump
def test_selecting_a_node_brings_it_into_view(dump_page, dump_pg):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    dump_page.execute_script("document.querySelector('svg').dispatchEvent(new WheelEvent('wheel', "
                             "{deltaY: -500, clientX: 60, clientY: 80, bubbles: true}))")  # zoom into a corner
    for _ in range(6):
        dump_page.execute_script("document.querySelector('svg').dispatchEvent(new WheelEvent('wheel', "
                                 "{deltaY: -500, clientX: 60, clientY: 80, bubbles: true}))")
    away = dump_page.execute_script(OFF_SCREEN)
    assert away
    iri = sorted(away)[len(away) // 2]
    label = dump_pg.entities[iri].label
    box = dump_page.find_element(By.ID, "search")
    box.clear()
    box.send_keys(label)
    box.send_keys(Keys.ENTER)
    assert dump_page.find_element(By.ID, "details-title").text.strip() == label
    inside, labelled, height = dump_page.execute_script(IN_VIEW, iri)
    assert inside and labelled and height >= 10
    _labels_legible_and_apart(dump_page)
    dump_page.save_screenshot(str(SCREENSHOTS / "view-dump-selected.png"))


def test_cli_draws_the_whole_cast_when_asked_for(graph_file, pg, tmp_path):
    runner = CliRunner()
    for args, name in (([], "net.html"), (["--cast"], "all.html")):
        result = runner.invoke(view, [str(graph_file), "-o", str(tmp_path / name), *args])
        assert result.exit_code == 0, result.output
    net = json.loads(DATA.search((tmp_path / "net.html").read_text("utf-8")).group(1))
    whole = json.loads(DATA.search((tmp_path / "all.html").read_text("utf-8")).group(1))
    assert len(net["nodes"]) == len(pg.entities) < len(whole["nodes"])
    assert RES + "Entity_List" in {n["iri"] for n in whole["nodes"]} - {n["iri"] for n in net["nodes"]}
