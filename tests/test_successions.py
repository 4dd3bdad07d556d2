"""Succession boxes: the three-part form joined into one record per post (parse/successions.py)."""
from __future__ import annotations

from wikikg.model import Article
from wikikg.parse import parse_wikitext

TEXT = """'''Jane Roe''' is an academic.
{{s-start}}
{{s-bef|before=[[Ann Doe]]}}
{{s-ttl|title=Director of the [[Foo Institute]]|years=1990–2000}}
{{s-aft|after=[[Bob Poe]]}}
{{s-ttl|title=Master of [[Bar College]]|years=2001–2005}}
{{s-aft|after=[[Cy Moe]]}}
{{s-bef|before=[[Dee Roe]]}}
{{s-end}}
{{succession box|before=[[Eve Doe]]|title=Dean of the [[Baz School]]|years=2006|after=[[Fay Poe]]}}
"""


def _boxes():
    return [b for b in parse_wikitext(Article("Jane Roe", TEXT, "case", "wikitext")).infoboxes]


def test_three_parts_make_one_box_per_post():
    boxes = _boxes()
    assert [b.kind for b in boxes] == ["succession box"] * 3
    first, second, third = ([f.name for f in b.fields] for b in boxes)
    assert first == ["before", "title", "years", "after"]
    assert second == ["title", "years", "after"]  # a title closes the previous post's run; a lone s-bef makes none
    assert third == ["before", "title", "years", "after"]


def test_fields_keep_their_own_sources():
    box = _boxes()[0]
    assert "[[Ann Doe]]" in box.field("before").source and "[[Bob Poe]]" in box.field("after").source
    assert box.start <= box.field("before").start < box.field("after").end <= box.end
    assert TEXT[box.field("after").start:box.field("after").end] == box.field("after").source
