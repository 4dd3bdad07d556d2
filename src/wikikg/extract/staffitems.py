"""Infobox list items under a staff heading ("As manager", "Coaching career"): the subject's posts, no memberships."""
from __future__ import annotations

import re

_WORD = re.compile(r"[\w-]+")
_DIGIT = re.compile(r"\d")
_JOINERS = frozenset({"and", "of", "the", "&"})  # role_words joins roles with them: no role alone


def without_staff_items(items: list, role_words: frozenset[str]) -> list:
    """The items of a list of clubs or teams that are not under a heading naming a staff role: a heading is an
    item with no link and no figure ("As player", "League Manager"); "| teams = ;As player [[Foo]] ;As manager
    [[Bar]]": the subject played for Foo and managed Bar, a post, not a player's membership. Any other item
    stays (an unlinked name is one too)."""
    out, staff = [], False
    for item in items:
        if not item.links and not _DIGIT.search(item.text):
            staff = not (role_words - _JOINERS).isdisjoint(_WORD.findall(item.text.casefold()))
            if staff:
                continue  # the heading itself ("As coach") is no club
        if not staff:
            out.append(item)
    return out
