"""Turtle that the grammar accepts: rdflib's serializer, with a prefixed name only for a valid PN_LOCAL."""
from __future__ import annotations

import re

from rdflib.plugin import register
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.serializer import Serializer

__all__ = ["TURTLE", "GrammaticalTurtleSerializer"]

TURTLE = "wikikg-turtle"  # the format name to give Graph.serialize

# Turtle 1.1's PN_LOCAL (https://www.w3.org/TR/turtle/#grammar-production-PN_LOCAL). rdflib 7 takes any
# Unicode letter for a local name, so 'µTorrent' or 'ºC' would become dbr:µTorrent, which Turtle
# parsers refuse (U+00B5 and U+00BA are letters outside PN_CHARS_BASE); those stay <full IRIs>.
_BASE = ("A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d\u2070-\u218f"
         "\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff")
_CHARS = _BASE + "_\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PN_LOCAL = re.compile(rf"(?:[{_BASE}_:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?")


class GrammaticalTurtleSerializer(TurtleSerializer):
    """rdflib's Turtle serializer, writing <the full IRI> where its prefixed name would not parse."""

    def get_pname(self, uri, gen_prefix: bool = True):
        """The prefixed name of `uri`, or None (write it in full) when its local part is no PN_LOCAL."""
        pname = super().get_pname(uri, gen_prefix)
        if pname is not None and not _PN_LOCAL.fullmatch(pname.split(":", 1)[1]):
            return None
        return pname


register(TURTLE, Serializer, "wikikg.formats.turtle", "GrammaticalTurtleSerializer")
