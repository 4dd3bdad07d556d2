"""Whether a sections.toml spec holds for the article's subject: its classes, its name, its own infobox's kind."""
from __future__ import annotations

from functools import cache

from wikikg.extract.listings import norm
from wikikg.kb.mappings import infoboxes
from wikikg.kb.sections import SectionSpec
from wikikg.model import Mention, ParsedArticle


def applies(spec: SectionSpec, subject: Mention, boxes: frozenset[str] = frozenset()) -> bool:
    """Whether a spec holds in an article about `subject` (its unless_subject, typed_subject, subjects, subject_name
    or subject_boxes; `boxes`: the kinds of the subject's own infobox, own_boxes)."""
    return not (subject.types & spec.unless_subject or (spec.typed_subject and not subject.strength)
                or not for_subject(spec, subject, boxes))


def for_subject(spec: SectionSpec, subject: Mention, boxes: frozenset[str] = frozenset()) -> bool:
    """Whether the subject is one a spec is for: of one of its `subjects` classes, or with a `subject_name` or an
    infobox of one of its `subject_boxes` kinds and no `unless_subject` class (a club's "Foo Academy"; a spec with a
    `subject_name` or `subject_boxes` and no `subjects`: only such a name or box)."""
    named = spec.subject_name is not None and not subject.types & spec.unless_subject and bool(spec.subject_name.search(subject.key))
    boxed = bool(spec.subject_boxes & boxes) and not subject.types & spec.unless_subject
    return named or boxed or bool(subject.types & spec.subjects) or not spec.subjects and spec.subject_name is None \
        and not spec.subject_boxes


def own_boxes(article: ParsedArticle) -> frozenset[str]:
    """The kind of the article's first infobox (its subject's own), by its canonical name in infobox.toml
    ("Infobox party" is a "political party"'s); empty when it has none."""
    if not article.infoboxes:
        return frozenset()
    kind = norm(article.infoboxes[0].kind)
    return frozenset({_kinds().get(kind, kind)})


@cache
def _kinds() -> dict[str, str]:
    """Each infobox name or alias (normalised) -> its kind's canonical name."""
    return {norm(name): box.kind for box in infoboxes().kinds for name in (box.kind, *box.aliases)}
