"""Writes the nasty-input corpus of this folder (run once; the files are committed): python make.py"""
from __future__ import annotations

import bz2
import codecs
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOOD = ("'''{0}''' is a technology company. {0} was founded by [[Jane Roe]] and [[John Smith]] in 2001. "
        "In 2017, {0} partnered with [[Beta Labs]].<ref>{{{{cite web |url=https://example.org/a "
        "|title=Deal |publisher=Example News |date=5 May 2017}}}}</ref>\n")


def page(title: str, text: str, pid: int) -> str:
    esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (f"  <page>\n    <title>{title}</title>\n    <ns>0</ns>\n    <id>{pid}</id>\n    <revision>\n"
            f"      <text xml:space=\"preserve\">{esc}</text>\n    </revision>\n  </page>\n")


DUMP_HEAD = '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">\n'
THREE = DUMP_HEAD + "".join(page(t, GOOD.format(t), i) for i, t in
                            enumerate(["Acme Corporation", "Gamma Group", "Delta Holdings"], 1)) + "</mediawiki>\n"


def files() -> dict[str, bytes]:
    """name -> bytes of every file of the corpus."""
    out: dict[str, str | bytes] = {
        "broken_templates.wikitext": "{{Infobox company\n| name = Broken Templates Inc\n| founder = [[Jane Roe]]"
        "<br>[[John Smith\n| hq_location = [[Hong Kong]\n{{cite web|url=|title=}}}}}}\n"
        + GOOD.format("Broken Templates Inc") + "{{{{{{ }} {{#if:|}} {{ | | = = }} {{}} }}}}\n{{unclosed|at the end",
        "unclosed_ref.wikitext": GOOD.format("Unclosed Ref Ltd").replace("</ref>", "")
        + "It later partnered with [[Qux Systems]].<ref name=x>never closed\n\n== History ==\nMore text.<ref>",
        "unclosed_table.wikitext": GOOD.format("Unclosed Table Co") + "{| class=\"wikitable\"\n! Year !! Partner\n"
        "|-\n| 2017 || [[Beta Labs]]\n|-\n| 2018 || [[Gamma Group\n",
        "unclosed_comment.wikitext": GOOD.format("Unclosed Comment Co") + "<!-- a comment that never ends\n"
        + GOOD.format("Hidden Co"),
        "nesting_10000_templates.wikitext": GOOD.format("Deep Nesting Co") + "{{a|" * 10_000 + "x" + "}}" * 10_000,
        "nesting_10000_links.wikitext": GOOD.format("Deep Links Co") + "[[a|" * 10_000 + "x" + "]]" * 10_000,
        "unclosed_templates_3000.wikitext": GOOD.format("Runaway Co") + "{{a|x " * 3_000,
        "latin1.wikitext": GOOD.format("Café Société SA").encode("latin-1"),
        "utf16_bom.wikitext": codecs.BOM_UTF16_LE + GOOD.format("Sixteen Bit Co").encode("utf-16-le"),
        "utf8_bom.wikitext": codecs.BOM_UTF8 + GOOD.format("Byte Order Co").encode("utf-8"),
        "binary_junk.wikitext": bytes((i * 131 + 7) % 256 for i in range(4096)),
        "empty.wikitext": b"",
        "only_whitespace.wikitext": " \n\t\r\n   \u3000\n",
        "only_redirect.wikitext": "#REDIRECT [[Acme Corporation]]\n",
        "giant_table.wikitext": GOOD.format("Giant Table Co") + "{| class=\"wikitable\"\n! Name !! Founded !! Partner\n"
        + "".join(f"|-\n| [[Company {i}]] || {1900 + i % 120} || [[Partner {i % 97}]]\n" for i in range(3000)) + "|}\n",
        "huge_single_line.wikitext": (GOOD.format("One Line Co").strip() + " ") * 700,
        "unicode_junk.wikitext": GOOD.format("Ünïcödé Co") + "שלום [[עולם]] مرحبا \u202eevil\u202c e\u0301\u0302 "
        "𝔘𝔫𝔦 😀👨‍👩‍👧 \U0010fffd \u200b\u200d \u0085\u2028\u2029 ﬁ İ &bogus; &#0; &#xD800; &#1114112;\n",
        "control_chars_late.wikitext": GOOD.format("Control Char Co") * 80 + "after the first 8 KB: \x01\x1b[31m"
        "\x7f\x0b\x0c end.\n" + GOOD.format("Control Char Co"),
        "nul_late.wikitext": GOOD.format("Late Nul Co") * 80 + "after the first 8 KB: \x00 end.\n"
        + GOOD.format("Late Nul Co"),
        "link_garbage.wikitext": GOOD.format("Link Garbage Co") + "[[[[[[ ]]]]]] [[|]] [[#]] [[:]] [[Category:]] "
        "[[File:]] [[<b>x</b>]] [http:// ] [ftp://x y] [[a|b|c|d]] [[{{x}}]] ]]]] [[\n",
        "truncated_dump.xml": THREE[: THREE.index("Delta Holdings") + 200],
        "truncated_dump.xml.bz2": bz2.compress(THREE.encode("utf-8"))[:-40],
        "corrupt.xml.bz2": b"BZh91AY&SY" + bytes(range(200)),
        "not_a_dump.xml": "<?xml version=\"1.0\"?>\n<catalog><book id=\"1\">Not MediaWiki</book></catalog>\n",
        "billion_laughs.xml": "<?xml version=\"1.0\"?>\n<!DOCTYPE mediawiki [\n <!ENTITY lol \"lol\">\n"
        + "".join(f" <!ENTITY lol{i} \"{('&lol' + str(i - 1 if i > 1 else '') + ';') * 10}\">\n" for i in range(1, 10))
        + "]>\n<mediawiki><page><title>Laughs</title><ns>0</ns><id>1</id><revision><text>&lol9;</text>"
        "</revision></page></mediawiki>\n",
        "external_entity.xml": "<?xml version=\"1.0\"?>\n<!DOCTYPE mediawiki [<!ENTITY x SYSTEM \"file:///etc/passwd\">"
        "<!ENTITY y SYSTEM \"http://127.0.0.1:9/evil.dtd\">]>\n<mediawiki><page><title>X</title><ns>0</ns>"
        "<id>1</id><revision><text>&x;&y;</text></revision></page></mediawiki>\n",
        "odd_pages.xml": DUMP_HEAD + page("", "no title", 1) + page("Odd Corp", GOOD.format("Odd Corp"), 2)
        .replace("<ns>0</ns>", "<ns>zero</ns>") + page("Good Page Corp", GOOD.format("Good Page Corp"), 3)
        + "  <page><title>Empty Page</title><ns>0</ns><id>4</id><revision><text/></revision></page>\n"
        + "  <page><title>Redirected</title><ns>0</ns><id>5</id><redirect title=\"Good Page Corp\" />"
        "<revision><text>#REDIRECT [[Good Page Corp]]</text></revision></page>\n</mediawiki>\n",
    }
    return {k: v if isinstance(v, bytes) else v.encode("utf-8") for k, v in out.items()}


if __name__ == "__main__":
    for name, data in files().items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data):,} bytes")
