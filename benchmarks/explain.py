"""Why a sentence gives (or does not give) a fact: its slotted text, each mention's class, the rules it triggers.

    python benchmarks/explain.py ARTICLE.wikitext PATTERN

For every sentence of the article whose plain text matches PATTERN (a regex, case-insensitive): the sentence
with each mention replaced by its slot ⟦i⟧, each mention's key, classes, link and strength (known.py), and the
ids of the relation rules whose trigger matches; then every statement any extractor read from a sentence that
matches. A developer's tool for dev articles (tests/blind/README.md: never for a test article). Not run by pytest.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from wikikg.extract.mentions import find_mentions
from wikikg.extract.registry import EXTRACTORS, Extraction
from wikikg.extract.select import Slotted
from wikikg.kb import triggerwords
from wikikg.pipeline.stages import parse_article, subject_of
from wikikg.read.files import read_file


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    path, pattern = Path(sys.argv[1]), re.compile(sys.argv[2], re.I)
    if "/test/" in path.as_posix():
        sys.exit("explain.py: a test article is not read while rules are written (tests/blind/README.md)")
    parsed = parse_article(read_file(path))
    work = Extraction(parsed, subject_of(parsed))
    for step in EXTRACTORS:
        work.found[step.name] = step(work)
    ctx = work.context
    for s in parsed.sentences:
        if not pattern.search(s.text):
            continue
        mentions = find_mentions(s, ctx)
        sl = Slotted.build(s.text, mentions)
        print("=" * 80, f"\n[{s.section or 'lead'}] {sl.text}")
        for i, m in enumerate(mentions):
            print(f"  ⟦{i}⟧ {m.text!r} key={m.key!r} types={sorted(m.types)} linked={m.linked} strength={m.strength}")
        present = triggerwords.words_in(sl.text)
        for rule in triggerwords.candidates(present):
            for t in rule.triggers(sl.text, present):
                print(f"  trigger {rule.id}: {t.group()!r}")
    for name, statements in work.found.items():
        for st in statements:
            if pattern.search(st.evidence.plain or st.evidence.text):
                obj = getattr(st.obj, "key", st.obj)
                print(f"{name}: {st.subject.key} --{st.predicate}--> {obj}  ({st.rule})")


if __name__ == "__main__":
    main()
