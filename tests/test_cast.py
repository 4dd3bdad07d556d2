"""Tests for wikikg.extract.cast: every typed entity an article names is in its graph, with evidence."""
from __future__ import annotations

from rdflib import RDF, RDFS, Namespace, URIRef

from wikikg.formats.writers import property_graph, union
from wikikg.graph import entity_iri
from wikikg.pipeline.stages import build

WKG = Namespace("https://w3id.org/wikikg/ontology#")
RES = Namespace("https://w3id.org/wikikg/resource/")
TEXT = ("'''Acme Widgets''' is a [[company]] in [[Springfield, Illinois|Springfield]]. It was founded in 1990 by "
        "[[Jane Roe]].\n\nIn 2001 the economist [[Agnès Maltais]] met officials of the [[Ministry of Trade (Ruritania)|"
        "Ministry of Trade]] to discuss [[artificial intelligence]].\n\n== Films ==\n{| class=\"wikitable\"\n"
        "! Year !! Director\n|-\n| 2008 || [[Bernard Drainville]]\n|}\n")


def _graph(tmp_path):
    path = tmp_path / "Acme_Widgets.wikitext"
    path.write_text(TEXT, encoding="utf-8")
    return build([str(path)]).dataset


def test_named_entities_outside_any_fact_are_typed_nodes_with_their_sentence(tmp_path):
    ds = _graph(tmp_path)
    g = union(ds)
    for title, cls in (("Agnès_Maltais", "Person"), ("Ministry_of_Trade_(Ruritania)", "GovernmentAgency"),
                       ("Bernard_Drainville", "Person")):
        node = URIRef(entity_iri(title.replace("_", " "), True))
        assert (node, RDF.type, WKG[cls]) in g, title
        assert g.value(node, RDFS.label) is not None
        evidence = g.value(node, WKG.mentionedIn)
        text = str(g.value(evidence, WKG.text))
        start, end = int(g.value(evidence, WKG.charStart)), int(g.value(evidence, WKG.charEnd))
        assert TEXT[start:end] == text and title.split("_")[0] in text
    # a concept link has no class: it stays out; an entity in a fact gets no cast record
    assert not list(g.triples((URIRef(RES + "Artificial_intelligence"), None, None)))
    assert g.value(URIRef(RES + "Jane_Roe"), WKG.mentionedIn) is None
    assert (URIRef(RES + "Acme_Widgets"), WKG.foundedBy, URIRef(RES + "Jane_Roe")) in g


def test_the_network_exports_leave_the_cast_out_unless_asked(tmp_path):
    ds = _graph(tmp_path)
    cast = entity_iri("Agnès Maltais", True)
    assert cast not in property_graph(ds).entities
    assert cast in property_graph(ds, cast=True).entities
    assert str(RES + "Jane_Roe") in property_graph(ds).entities


def test_a_column_header_types_the_cells_nothing_else_types(tmp_path):
    """ "Director" cells name people (linked or a person-shaped plain name), "City" cells places; a
    "Title" column names neither."""
    text = ("'''Acme Pictures''' is a film company.\n\n== Filmography ==\n{| class=\"wikitable\"\n"
            "! Year !! Title !! Director !! City\n|-\n| 2004 || [[Arahan Nights]] || [[Oh Tae-sung]] || [[Portside]]\n"
            "|-\n| 2011 || Countdown Run || Huh Sang-min || [[Portside]]\n|}\n")
    g = _graph_of(tmp_path, "Acme_Pictures", text)
    assert (URIRef(entity_iri("Oh Tae-sung", True)), RDF.type, WKG.Person) in g
    assert (URIRef(entity_iri("Huh Sang-min", False)), RDF.type, WKG.Person) in g
    assert (URIRef(entity_iri("Portside", True)), RDF.type, WKG.Place) in g
    assert not list(g.triples((URIRef(entity_iri("Arahan Nights", True)), RDF.type, None)))


def test_a_person_shaped_venue_in_a_stadiums_column_is_a_place(tmp_path):
    """ "[[Jane Quux Field]]" reads as a person's name; under "Baseball stadium" it is a place, as is an untyped
    link under "Arena" (not under a bare "Venue": a show's venues are clubs and contests as often); a person's name
    without a place's last word stays a person."""
    text = ("'''Foo Conference''' is a college athletic conference.\n\n== Facilities ==\n{| class=\"wikitable\"\n"
            "! School !! Baseball stadium !! Arena !! Venue\n|-\n| [[Foo State University]] || [[Jane Quux Field]] || "
            "[[Barbowl]] || [[Quuxfest]]\n|-\n| [[Bar College]] || [[John Quux]] || [[Bazdome]] || [[Bazfest]]\n|}\n")
    g = _graph_of(tmp_path, "Foo_Conference", text)
    assert (URIRef(entity_iri("Jane Quux Field", True)), RDF.type, WKG.Place) in g
    assert (URIRef(entity_iri("Barbowl", True)), RDF.type, WKG.Place) in g
    assert (URIRef(entity_iri("John Quux", True)), RDF.type, WKG.Person) in g
    assert (URIRef(entity_iri("Quuxfest", True)), RDF.type, WKG.Place) not in g


def test_an_infobox_value_is_in_the_cast_and_a_qualifier_names_the_class(tmp_path):
    """ "allegiance = [[Turkish Armed Forces]]" and "country = {{flag|Turkey}}" name entities of the article;
    a title's qualifier names what it is by its head noun: "(state song)" is no place, "(financier)" a person."""
    text = ("{{Infobox military unit\n|unit_name= Example Brigade\n|country= {{flag|Turkey}}\n"
            "|allegiance= [[Turkish Armed Forces]]\n|anthem= [[Alabama (state song)]]\n}}\n"
            "'''Example Brigade''' is a brigade. Its sponsor was [[Fred Wilson (financier)|Fred Wilson]].\n")
    g = _graph_of(tmp_path, "Example_Brigade", text)
    assert (URIRef(entity_iri("Turkish Armed Forces", True)), RDF.type, WKG.MilitaryOrganization) in g
    assert (URIRef(entity_iri("Turkey", True)), RDF.type, WKG.Place) in g
    assert (URIRef(entity_iri("Fred Wilson (financier)", True)), RDF.type, WKG.Person) in g
    assert not list(g.triples((URIRef(entity_iri("Alabama (state song)", True)), RDF.type, None)))


def test_a_name_written_with_two_spaces_is_one_entity_with_one_label(tmp_path):
    text = ("'''Acme Archive''' is an archive. It works with the Freedonian Institute of Sylvanian  Studies. "
            "The Freedonian Institute of Sylvanian Studies holds its papers.\n")
    g = _graph_of(tmp_path, "Acme_Archive", text)
    node = URIRef(entity_iri("Freedonian Institute of Sylvanian Studies", False))
    assert [str(x) for x in g.objects(node, RDFS.label)] == ["Freedonian Institute of Sylvanian Studies"]


def test_letters_numerals_and_posts_are_no_cast():
    """The words before a letter or a numeral ("group D", "group VIII") or a post after a rank ("the General
    Chief of the Armed Forces") do not make them entities; a person the same sentences name still is one."""
    from wikikg.model import Article
    from wikikg.pipeline.stages import extract_article

    text = ("'''Politics of Freedonia''' takes place in a framework. The council consists of the General Chief "
            "of the Armed Forces and his deputy. Copper is listed under group VIII and once under group IB; "
            "compare group A with group D, as [[Jane Roe]] did.")
    cast = {st.obj.key for st in extract_article(Article("Politics of Freedonia", text)).statements
            if st.predicate == "mentionedIn"}
    assert cast == {"Jane Roe"}


def _graph_of(tmp_path, stem: str, text: str):
    """The graph of one article written to a file of that stem."""
    path = tmp_path / f"{stem}.wikitext"
    path.write_text(text, encoding="utf-8")
    return union(build([str(path)]).dataset)


def test_unlinked_countries_and_regions_beside_links_in_an_infobox_item_are_places(tmp_path):
    """ "death_place = [[Fooville]], Germany", "area_served = Ecuador, Egypt, [[Timor-Leste]], Togo": the
    unlinked countries and regions of an item that also links are places; a linked name's own words
    ("[[Washington, D.C.]]") are not read again."""
    text = ("{{Infobox person\n|name= Jane Roe\n|death_place= [[Fooville]], Germany\n"
            "|residence= [[Washington, D.C.]], Ecuador, [[Timor-Leste]]\n}}\n'''Jane Roe''' was an engineer.\n")
    g = _graph_of(tmp_path, "Jane_Roe", text)
    for name in ("Germany", "Ecuador"):
        assert (URIRef(entity_iri(name, False)), RDF.type, WKG.Place) in g, name
    assert not list(g.triples((URIRef(entity_iri("Washington", False)), None, None)))


def test_the_before_a_generic_subdivision_name_makes_a_common_noun():
    """ "the West", "the Capital", "the Gulf": one-word names the gazetteers know only as some country's
    subdivision are common nouns after "the"; a region of an English-speaking country stays a place."""
    from wikikg.model import Article
    from wikikg.pipeline.stages import extract_article

    text = ("'''Foo Party''' is a political party. It grew in the West and in the Capital, and then in the Punjab "
            "in the 1990s.")
    cast = {st.obj.key: st.obj.types for st in extract_article(Article("Foo Party", text)).statements
            if st.predicate == "mentionedIn"}
    assert "West" not in cast and "Capital" not in cast
    assert cast.get("Punjab") == {"Place"}


def test_an_infobox_parameter_names_the_class_of_its_untyped_values(tmp_path):
    """ "death_place = [[Fooville]]", "garrison = [[Camp Bar]]": the parameter's name says its values are places
    (sections.toml [field_classes]); a value with a lower-case word is a concept ("region = [[Western philosophy]]"),
    and a parameter of no class ("influences = [[Jane Roe]]") types nothing."""
    text = ("{{Infobox person\n|name= Sam Poe\n|death_place= [[Fooville]], [[Barshire]]\n|residence= [[Bazton Heights]]\n"
            "|region= [[Western philosophy]]\n|influences= [[Quux]]\n}}\n'''Sam Poe''' was a writer.\n")
    g = _graph_of(tmp_path, "Sam_Poe", text)
    for name in ("Fooville", "Bazton Heights"):
        assert (URIRef(entity_iri(name, True)), RDF.type, WKG.Place) in g, name
    for name in ("Western philosophy", "Quux"):
        assert not list(g.triples((URIRef(entity_iri(name, True)), RDF.type, None))), name


SEE_ALSO = ("'''Foo Alliance''' is an association.\n\n== See also ==\n* [[Bar Energy Alliance]]\n* [[Baz fuel cycle]]\n"
            "* [[Military history of Freedonia]]\n* [[Court of Appeals (disambiguation)]]\n* [[Perpetual Union]]\n"
            "* [[Jane Roe]], its first director\n\n== References ==\n{{reflist}}\n")


def test_see_also_links_join_the_cast_typed_by_their_titles_alone(tmp_path):
    g = _graph_of(tmp_path, "Foo_Alliance", SEE_ALSO)
    for title, cls in (("Bar_Energy_Alliance", "Organization"), ("Jane_Roe", "Person")):
        node = URIRef(RES + title)
        assert (node, RDF.type, WKG[cls]) in g, title
        evidence = g.value(node, WKG.mentionedIn)
        start, end = int(g.value(evidence, WKG.charStart)), int(g.value(evidence, WKG.charEnd))
        assert SEE_ALSO[start:end] == str(g.value(evidence, WKG.text)) and title.split("_")[0] in SEE_ALSO[start:end]
    # a concept, a topic, a disambiguation page and a two-word shape ("Perpetual Union") stay out
    for title in ("Baz_fuel_cycle", "Military_history_of_Freedonia", "Court_of_Appeals_(disambiguation)",
                  "Perpetual_Union"):
        assert not list(g.triples((URIRef(RES + title), None, None))), title


def test_infobox_parameters_that_name_people_type_their_links(tmp_path):
    text = ("{{Infobox person\n| name = Jane Roe\n| children = [[Zorba Quillfeather]]<br />[[Existentialism]]\n"
            "| label = [[Quux Sounds]]\n}}\n'''Jane Roe''' is a singer.\n")
    g = _graph_of(tmp_path, "Jane_Roe", text)
    assert (URIRef(RES + "Zorba_Quillfeather"), RDF.type, WKG.Person) in g
    assert (URIRef(RES + "Quux_Sounds"), RDF.type, WKG.Organization) in g
    assert not list(g.triples((URIRef(RES + "Existentialism"), RDF.type, None)))  # one word: no person's name


def test_an_entity_only_a_refused_fact_named_stays_in_the_cast(tmp_path):
    text = "'''Jane Roe''' is a tennis player.\n\nIn 1993 she won a doubles title, partnered with [[John Doe]].\n"
    g = _graph_of(tmp_path, "Jane_Roe", text)
    node = URIRef(RES + "John_Doe")
    assert (node, RDF.type, WKG.Person) in g
    assert not list(g.triples((None, WKG.partneredWith, node)))  # the refused fact stays refused
    evidence = g.value(node, WKG.mentionedIn)
    assert "partnered with" in str(g.value(evidence, WKG.text))


def test_an_entity_only_a_refused_fact_typed_by_a_default_leaves_no_classless_node(tmp_path):
    text = ("'''Jane Roe''' is a tennis player.\n\nIn 1999 she signed an endorsement deal with [[Foo (razors)|Foo]] "
            "and became its spokeswoman.\n")
    g = _graph_of(tmp_path, "Jane_Roe", text)
    node = URIRef(RES + "Foo_(razors)")
    assert not list(g.triples((None, WKG.partneredWith, node)))  # a person is no partner under the ontology's range
    assert not list(g.triples((node, None, None)))  # nothing says what Foo is: no node with no class


def test_a_makers_link_after_by_is_a_person_by_the_given_name_lexicon():
    from wikikg.extract.makers import by_makers
    from wikikg.model import Mention
    text = "The portrait was painted by Henry Quillfeather; the book was published by Henry Quillbooks; a novel " \
           "influenced by Late Greek."
    found = [Mention(n, n, True, start=text.index(n), end=text.index(n) + len(n))
             for n in ("Henry Quillfeather", "Henry Quillbooks", "Late Greek")]
    typed = [m.types for m in by_makers(found, text)]
    assert typed == [frozenset({"Person"}), frozenset(), frozenset()]  # not after "published by"; no given name


def test_captions_of_images_galleries_and_infoboxes_name_the_cast(tmp_path):
    """An image's caption, a gallery line's and an infobox's "caption" field name people and places too (parse/
    captions.py), with the caption as evidence; an unlinked name in italics or quotation marks there is a work's
    title ("''Jane Roe Crossing the Foo''"), and an image's options ("thumb", "200px") are no caption."""
    text = ("{{Infobox building\n| name = Foo Hall\n| caption = Foo Hall seen from [[Bazton Stadium]]\n}}\n"
            "'''Foo Hall''' is a building.\n"
            "[[File:Foo.jpg|thumb|200px|[[Agnès Maltais]] at the opening, in [[Fooville Stadium]]]]\n"
            "== History ==\nIt opened in 1900.\n"
            "[[File:Bar.jpg|thumb|''Jane Roe Crossing the Foo'', a painting]]\n"
            "<gallery>\nFile:Baz.jpg|The hall seen from [[Quux Stadium]]\n</gallery>\n")
    path = tmp_path / "Foo_Hall.wikitext"
    path.write_text(text, encoding="utf-8")
    g = union(build([str(path)]).dataset)
    for name, cls in (("Agnès Maltais", "Person"), ("Fooville Stadium", "Place"), ("Quux Stadium", "Place"),
                      ("Bazton Stadium", "Place")):
        node = URIRef(entity_iri(name, True))
        assert (node, RDF.type, WKG[cls]) in g, name
        evidence = g.value(node, WKG.mentionedIn)
        start, end = int(g.value(evidence, WKG.charStart)), int(g.value(evidence, WKG.charEnd))
        assert name in text[start:end], name
    assert not any("Jane" in str(o) for o in g.objects(None, RDFS.label))


def test_a_schools_heads_a_buildings_operator_and_a_partys_chambers_are_typed_by_their_parameter(tmp_path):
    """"| dean = Jane Roe, John Doe" names people though nothing links them; "| operator = [[Foo]]" an
    organisation, "| seats1_title = [[Barzon]]" a government body (a chamber) (sections.toml [field_classes])."""
    text = ("{{Infobox school\n| name = Foo Academy\n| dean = Zorba Quillfeather, Mira Quillfeather\n"
            "| operator = [[Quux]]\n| seats1_title = [[Barzon]]\n}}\n'''Foo Academy''' is a school.\n")
    g = _graph_of(tmp_path, "Foo_Academy", text)
    for name in ("Zorba Quillfeather", "Mira Quillfeather"):
        assert (URIRef(entity_iri(name, False)), RDF.type, WKG.Person) in g, name
    assert (URIRef(RES + "Quux"), RDF.type, WKG.Organization) in g
    assert (URIRef(RES + "Barzon"), RDF.type, WKG.GovernmentAgency) in g


def test_an_image_caption_is_read_and_an_unclosed_image_markup_gives_none():
    """parse/captions.py: the caption is the last part of a closed "[[File:...]]" that is no image option (links and
    templates inside it kept); an unclosed "[[File:" gives no caption (and is scanned only a bounded length)."""
    from wikikg.parse.captions import _spans
    text = ("[[File:Foo.jpg|thumb|right|A [[Jane Roe]] portrait {{nowrap|x}}]] text [[Image:B.png|200px|Second]] "
            "end [[File:C.jpg|thumb|" + "words " * 10)
    assert [text[s:e] for s, e in _spans(text, ())] == ["A [[Jane Roe]] portrait {{nowrap|x}}", "Second"]


def test_a_link_alone_in_parentheses_after_a_person_in_a_people_field_is_no_person(tmp_path):
    """ "| minister = [[Jane Roe]] (''[[Foo Democrats (Freedonia)|Foo Democrats]]'')": her party, an organisation;
    "| state_head = [[Queen Foo]] (represented by [[John Roe]])": both people."""
    text = ("{{Infobox national military\n|name= Freedonian Defence\n"
            "|minister= [[Jane Roe]] (''[[Foo Democrats (Freedonia)|Foo Democrats]]'')\n"
            "|state_head= [[Queen Foo]] (represented by [[John Roe]])\n}}\n"
            "The '''Freedonian Defence''' is the armed forces of [[Freedonia]].\n")
    g = _graph_of(tmp_path, "Freedonian_Defence", text)
    party = URIRef(entity_iri("Foo Democrats (Freedonia)", True))
    assert (party, RDF.type, WKG.Organization) in g and (party, RDF.type, WKG.Person) not in g
    assert (URIRef(entity_iri("Jane Roe", True)), RDF.type, WKG.Person) in g
    assert (URIRef(entity_iri("John Roe", True)), RDF.type, WKG.Person) in g


def test_a_ship_class_and_a_history_page_are_no_entities(tmp_path):
    """ "* 1 Alfred Roe class patrol craft" names a class of ships, nobody; "| history = [[Military history of
    Freedonia]]" a topic, "| type = [[Infantry|Light Infantry Division]]" an arm: no military organisations."""
    text = ("{{Infobox national military\n|name= Freedonian Navy\n|history= [[Military history of Freedonia]]\n"
            "|type= [[Infantry|Light Infantry Division]]\n}}\n"
            "The '''Freedonian Navy''' is the navy of [[Freedonia]].\n\n===Ships===\n"
            "* 1 Alfred Roe class patrol craft\n* 2 Bar-class patrol boats\n")
    g = _graph_of(tmp_path, "Freedonian_Navy", text)
    assert not list(g.triples((URIRef(entity_iri("Military history of Freedonia", True)), RDF.type, None)))
    assert not list(g.triples((URIRef(entity_iri("Infantry", True)), RDF.type, None)))  # an arm, no unit
    assert not [s for s, _, o in g.triples((None, RDFS.label, None)) if str(o).startswith("Alfred Roe")]


def test_initials_and_a_surname_in_a_column_of_people_and_in_prose_are_people(tmp_path):
    """A record holder written "E.R. Roe" is a person's name (initials run together are no acronym there), and so is
    each of the names a cell of people lists between commas, and a link or a prose name of initials and a surname."""
    text = ("'''Foo Harriers''' is an athletics club. It was led by [[W.B. Doe]] and by J. C. Poe.\n\n"
            "== Club records ==\n{| class=\"wikitable\"\n! Event !! Record Holder !! Date\n|-\n"
            "| 100 m || E.R. Hadley || 1957\n|-\n| 4×100 m || C.P.N. Quill, Jane Roe, F.A.R. Pike || 1960\n|}\n")
    g = _graph_of(tmp_path, "Foo_Harriers", text)
    assert (URIRef(entity_iri("E.R. Hadley", False)), RDF.type, WKG.Person) in g
    assert (URIRef(entity_iri("W.B. Doe", True)), RDF.type, WKG.Person) in g
    assert (URIRef(entity_iri("J. C. Poe", False)), RDF.type, WKG.Person) in g
    for runner in ("C.P.N. Quill", "Jane Roe", "F.A.R. Pike"):  # a relay team's cell: each name between commas
        assert (URIRef(entity_iri(runner, False)), RDF.type, WKG.Person) in g, runner


def test_an_italic_link_or_table_cell_names_a_work_not_the_place_or_person_its_title_reads_as(tmp_path):
    """ "''[[Foo Park]]''", a table cell "| ''[[Jane Roe]]'' ||": a film's, a series' or a book's title; a venue's
    link in plain text is a place; a newspaper in italics stays an organisation."""
    text = ("'''Acme Pictures''' is a film company.\n\nIts first film, ''[[Barton Park]]'', was shown at the "
            "[[Fooville Coliseum]] and reviewed by ''[[The Fooville Times]]''.\n\n== Films ==\n{| class=\"wikitable\"\n"
            "! Year !! Film\n|-\n| 2004 || ''[[Jane Roe]]''\n|-\n| 2005 || [[John Doe]]\n|}\n")
    g = _graph_of(tmp_path, "Acme_Pictures", text)
    assert not list(g.triples((URIRef(entity_iri("Barton Park", True)), RDF.type, None)))
    assert not list(g.triples((URIRef(entity_iri("Jane Roe", True)), RDF.type, None)))
    assert (URIRef(entity_iri("John Doe", True)), RDF.type, WKG.Person) in g
    assert (URIRef(entity_iri("Fooville Coliseum", True)), RDF.type, WKG.Place) in g
    assert (URIRef(entity_iri("The Fooville Times", True)), RDF.type, WKG.NewsOrganization) in g


def test_a_succession_box_names_the_predecessor_and_the_successor(tmp_path):
    """ "{{s-bef|before=[[Jane Roe]]}}", "{{s-aft|after=[[John Doe]]}}": people the article names, typed by their titles."""
    text = ("'''Jane Q. Public''' (born 1950) is a politician.\n\n== Career ==\nShe was elected in 1990.\n\n"
            "{{s-start}}\n{{s-bef|before=[[Jane Roe]]}}\n{{s-ttl|title=Mayor of Fooville|years=1990–1994}}\n"
            "{{s-aft|after=[[John Doe]]}}\n{{s-end}}\n")
    g = _graph_of(tmp_path, "Jane_Q._Public", text)
    for name in ("Jane Roe", "John Doe"):
        assert (URIRef(entity_iri(name, True)), RDF.type, WKG.Person) in g, name


def test_a_later_mention_that_types_an_entity_more_strongly_gives_its_record(tmp_path):
    """"[[Jane Roe Field]] was completed" reads as a person's name by its shape alone; "the [[Jane Roe Field]]
    modernization" later says a place (a name English gives the article is no one's): the record takes the stronger."""
    text = ("'''Foo College''' is a college in Fooville.\n\nExpansion of [[Jane Roe Field]] was completed in 2007. "
            "The [[Jane Roe Field]] modernization was a gift to the college.\n")
    g = _graph_of(tmp_path, "Foo_College", text)
    node = URIRef(entity_iri("Jane Roe Field", True))
    assert (node, RDF.type, WKG.Place) in g and (node, RDF.type, WKG.Person) not in g
    assert str(g.value(g.value(node, WKG.mentionedIn), WKG.text)).startswith("The [[Jane Roe Field]] modernization")
