"""HTML pages: metadata, body without furniture or picture text, sections, media, bad pages."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from newsaudit.errors import NoArticle
from newsaudit.structure.html import parse_html

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED_HTML = ROOT.parent / "shared" / "data" / "article_extraction" / "html"


def page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def news():
    return parse_html(page("html_news_full.html"))


@pytest.fixture(scope="module")
def simple():
    return parse_html(page("html_simple_article.html"))


def test_news_page_metadata_fills_headline_byline_outlet_and_url(news):
    assert news.headline == "Ferry operator cuts winter crossings as fuel bill doubles"
    assert news.byline == "Marta Kowalczyk"
    assert news.outlet == "The Lakeshore Ledger"
    assert news.outlet_source == "metadata"
    assert news.url == "https://news.lakeshoreledger.co.uk/region/ferry-winter-crossings-cut"


def test_domain_is_the_registered_domain_under_a_multi_part_suffix(news):
    assert news.domain == "lakeshoreledger.co.uk"


def test_published_comes_from_json_ld_date_published_not_the_modified_date(news):
    assert news.published == "2025-03-03"
    assert news.published_source == "metadata"
    assert "JSON-LD datePublished" in news.published_note


def test_simple_page_names_its_meta_date_tag_and_application_name(simple):
    assert simple.published == "2024-10-14"
    assert "<meta date>" in simple.published_note
    assert simple.outlet == "Valley Farm Weekly"
    assert simple.byline == "Tobias Reinholt"
    assert simple.headline == "Orchard growers report best apple harvest in a decade"


def test_caller_url_gives_the_domain_when_the_page_has_no_canonical_link():
    article = parse_html(page("html_simple_article.html"), url="https://www.valleyfarmweekly.com/news/apples")
    assert article.url == "https://www.valleyfarmweekly.com/news/apples"
    assert article.domain == "valleyfarmweekly.com"


def test_body_is_the_story_paragraphs_joined_by_blank_lines(news):
    paragraphs = news.text.split("\n\n")
    assert len(paragraphs) == 6
    assert paragraphs[0].startswith("The company that runs the only car ferry")
    assert paragraphs[-1].endswith("later this month.")


@pytest.mark.parametrize("furniture", [
    "cookies", "Accept all", "Share on Facebook", "Copy link", "Home", "Opinion", "newsletter", "Subscribe",
    "Bridge repairs to close", "Harbour dredging plan", "Harbour master warns of silting",
    "Ferry fares rise by a fifth", "All rights reserved", "About us", "Privacy policy", "By Marta",
])
def test_page_furniture_never_reaches_the_body(news, furniture):
    assert furniture not in news.text


def test_headings_are_sections_not_body_text(news):
    assert [section.heading for section in news.sections] == [
        None, "Commuters face longer days", "What the council can do"]
    assert "Commuters face longer days" not in news.text
    assert "What the council can do" not in news.text


def test_section_offsets_cover_their_paragraphs(news):
    first, commuters, council = news.sections
    assert news.text[first.start:first.end].startswith("The company that runs")
    assert news.text[commuters.start:commuters.end].startswith("About 1,400 people cross the lake")
    assert news.text[commuters.start:commuters.end].endswith("actually use it.\"")
    assert news.text[council.start:council.end].startswith("The council owns the slipways")
    assert council.end == len(news.text)
    assert first.end + 2 == commuters.start and commuters.end + 2 == council.start


def test_figures_become_media_with_caption_credit_alt_and_agency(news):
    lead, inline = news.media
    assert lead.caption == ("The Eastwick ferry waits at Harrow Quay on 1 March 2025, when only two of six "
                            "planned sailings left the harbour.")
    assert lead.credit == "Jonas Berg/Reuters"
    assert lead.alt == "The Eastwick ferry moored at its quay in fog"
    assert lead.date == "2025-03-01"
    assert lead.src == "https://cdn.lakeshoreledger.co.uk/img/ferry-quay.jpg"
    assert inline.caption == "Drivers queue for the first crossing of the day."
    assert inline.credit == "AP Photo/Hannah Leclerc"


def test_agency_follows_the_credit_when_the_wire_module_is_present(news):
    assert [item.agency for item in news.media] == ["Reuters", "AP"]


def test_caption_and_credit_text_is_not_body_text(news):
    for item in news.media:
        for part in (item.caption, item.credit, item.alt):
            assert part not in news.text
    assert "Jonas Berg" not in news.text and "Hannah Leclerc" not in news.text


WORDPRESS_CAPTION_PAGE = """<html><head><title>Dam repairs begin</title></head><body><article>
<h1>Dam repairs begin</h1>
<p>Engineers began repairs on the Ashby reservoir dam on Tuesday after cracks were found in the spillway during a routine inspection in the spring.</p>
<div class="wp-caption"><img src="/dam.jpg" alt="The Ashby dam spillway"><p class="wp-caption-text">The cracked spillway of the Ashby dam. Photo: Rhea Moss/Ashby Echo</p></div>
<p>The water company said the work would take nine weeks and that the reservoir would be kept at two thirds of its capacity until the repairs are finished.</p>
</article></body></html>"""


def test_caption_outside_a_figure_is_media_and_not_body_text():
    article = parse_html(WORDPRESS_CAPTION_PAGE)
    assert len(article.media) == 1
    assert article.media[0].caption.startswith("The cracked spillway of the Ashby dam")
    assert article.media[0].alt == "The Ashby dam spillway"
    assert "cracked spillway" not in article.text
    assert "Rhea Moss" not in article.text
    assert article.text.startswith("Engineers began repairs")


def test_json_ld_publisher_names_the_outlet_when_no_site_name_tag():
    html = page("html_simple_article.html").replace(
        '<meta name="application-name" content="Valley Farm Weekly">',
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
        '"publisher": {"@type": "Organization", "name": "Upper Valley Grower"}}]}</script>')
    assert parse_html(html).outlet == "Upper Valley Grower"


def test_clean_page_has_one_section_and_no_furniture(simple):
    assert len(simple.sections) == 1 and simple.sections[0].heading is None
    assert simple.sections[0].end == len(simple.text)
    assert simple.boilerplate == ()
    assert simple.media == ()
    assert simple.text.count("\n\n") == 3


def test_page_with_only_navigation_and_footer_has_no_article():
    with pytest.raises(NoArticle, match="no article text found in the HTML page"):
        parse_html(page("html_no_article.html"))


def test_truncated_page_keeps_the_text_before_the_cut():
    html = page("html_news_full.html")
    cut = html.index("What the council can do") - 6  # inside "<h2>": mid-tag
    article = parse_html(html[:cut])
    assert article.headline == "Ferry operator cuts winter crossings as fuel bill doubles"
    assert "About 1,400 people cross the lake" in article.text
    assert "The council owns the slipways" not in article.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=len(page("html_news_full.html"))))
def test_a_page_cut_anywhere_parses_or_refuses_cleanly(cut):
    try:
        article = parse_html(page("html_news_full.html")[:cut])
    except NoArticle:
        return
    for section in article.sections:
        assert 0 <= section.start <= section.end <= len(article.text)
    assert "Accept all cookies" not in article.text


@pytest.mark.parametrize("garbage", ["", "   ", "<", "<html>", "not html at all", "\x00\x01"])
def test_pages_without_a_document_refuse_with_no_article(garbage):
    with pytest.raises(NoArticle):
        parse_html(garbage)


def test_real_pages_parse_without_crashing():
    if not SHARED_HTML.exists():
        pytest.skip(f"{SHARED_HTML} is absent (../shared is only beside the repo in the project's CI)")
    parsed = 0
    for path in sorted(SHARED_HTML.glob("*.html.gz"))[:25]:
        try:
            article = parse_html(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
        except NoArticle:
            continue
        parsed += 1
        for section in article.sections:
            assert 0 <= section.start <= section.end <= len(article.text)
    assert parsed >= 20


def test_date_only_in_the_url_is_found_by_htmldate_and_said_so():
    html = page("html_simple_article.html").replace('<meta name="date" content="2024-10-14">', "")
    article = parse_html(html, url="https://www.valleyfarmweekly.com/2024/10/14/apple-harvest")
    assert article.published == "2024-10-14" and article.published_source == "metadata"
    assert "URL" in article.published_note


def test_date_element_on_the_page_is_found_when_no_tag_states_one():
    html = page("html_simple_article.html").replace('<meta name="date" content="2024-10-14">', "").replace(
        "<h1>", '<p class="post-date">Posted <time datetime="2024-10-13">13 October 2024</time></p><h1>')
    article = parse_html(html)
    assert article.published == "2024-10-13"
    assert "htmldate" in article.published_note


def test_published_tag_wins_over_a_different_date_in_the_url(news):
    article = parse_html(page("html_news_full.html"), url="https://news.lakeshoreledger.co.uk/2025/03/09/ferry")
    assert article.published == "2025-03-03"
    assert article.domain == "lakeshoreledger.co.uk"


def test_page_without_any_date_leaves_published_empty():
    html = page("html_simple_article.html").replace('<meta name="date" content="2024-10-14">', "")
    article = parse_html(html)
    assert article.published is None and article.published_source is None and article.published_note is None


def test_pictures_in_the_related_box_are_not_the_article_media(news):
    assert len(news.media) == 2
    assert all("bridge" not in (item.alt or "").lower() for item in news.media)
    assert "Scaffolding" not in news.text


CAPTION_SOURCE_PAGE = """<html><head><title>Shipyard wins navy order</title></head><body><article>
<h1>Shipyard wins navy order</h1>
<span class="image-container"><span class="image"><img src="/yard.jpg" alt="FILE PHOTO: A crane at the Tolvik shipyard, April 2, 2024. REUTERS/Ines Varga">
<span class="caption-source"><span class="caption">A crane at the Tolvik shipyard.</span><span class="source"><span>Reuters</span></span></span></span></span>
<p>The Tolvik shipyard has won an order for four patrol boats from the navy, its largest contract in more than a decade, the company said on Wednesday.</p>
<p>The yard expects to hire about 300 welders and fitters over the next two years to build the boats, which will be delivered from 2028.</p>
</article></body></html>"""


def test_credit_inside_a_caption_wrapper_is_the_credit_alone_and_not_body_text():
    article = parse_html(CAPTION_SOURCE_PAGE)
    (picture,) = article.media
    assert picture.caption == "A crane at the Tolvik shipyard."
    assert picture.credit == "Reuters"
    assert picture.date == "2024-04-02"  # from the agency caption kept in the alt text
    assert "crane" not in article.text and "Reuters" not in article.text
    assert article.text.startswith("The Tolvik shipyard has won")


def test_the_article_objects_date_wins_over_other_json_ld_dates():
    html = page("html_simple_article.html").replace('<meta name="date" content="2024-10-14">', (
        '<script type="application/ld+json">[{"@type": "ImageObject", "datePublished": "2019-05-01"}, '
        '{"@type": ["NewsArticle"], "datePublished": "2024-10-12T06:00:00Z"}]</script>'))
    article = parse_html(html)
    assert article.published == "2024-10-12"
    assert "JSON-LD datePublished" in article.published_note


def test_broken_json_ld_is_ignored_and_the_meta_tags_still_count():
    html = page("html_simple_article.html").replace(
        "<title>", '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script><title>')
    article = parse_html(html)
    assert article.published == "2024-10-14" and article.outlet == "Valley Farm Weekly"


DAM_PAGE = """<html><head><title>Dam repairs begin</title></head><body><article>
<h1>Dam repairs begin</h1>
<p>Engineers began repairs on the Ashby reservoir dam on Tuesday after cracks were found in the spillway during a routine inspection in the spring.</p>
{picture}
<p>The water company said the work would take nine weeks and that the reservoir would be kept at two thirds of its capacity until the repairs are finished.</p>
</article></body></html>"""


def test_credit_left_in_a_paragraph_by_the_extractor_is_removed_from_the_body():
    picture = ('<p><img src="/dam.jpg" alt="The Ashby dam spillway"><span class="caption">The cracked spillway '
               'of the Ashby dam, seen from the east bank on Monday.</span> <span class="credit">Rhea Moss/Ashby Echo'
               '</span></p>')
    article = parse_html(DAM_PAGE.format(picture=picture))
    assert article.media[0].credit == "Rhea Moss/Ashby Echo"
    assert "Rhea Moss" not in article.text
    assert "Rhea Moss/Ashby Echo" in article.boilerplate
    assert article.text.count("\n\n") == 1


def test_figure_without_figcaption_takes_its_own_text_as_caption_minus_the_credit():
    picture = ('<figure><img src="/dam.jpg" alt="The Ashby dam spillway"><p>The cracked spillway of the Ashby dam, '
               'seen from the east bank on Monday. <span class="credit">Rhea Moss/Ashby Echo</span></p></figure>')
    (item,) = parse_html(DAM_PAGE.format(picture=picture)).media
    assert item.caption == "The cracked spillway of the Ashby dam, seen from the east bank on Monday."
    assert item.credit == "Rhea Moss/Ashby Echo"


def test_a_post_written_as_a_list_of_long_items_is_an_article():
    items = "".join(f"<li>Item {n}: the ferry board met on the quay to read the new timetable aloud to commuters.</li>"
                    for n in range(3))
    article = parse_html(f"<html><body><article><h1>Notes from the quay</h1><ul>{items}</ul></article></body></html>")
    assert "new timetable" in article.text


def test_the_page_parse_matches_trafilaturas_and_picks_element_classes_in_c():
    """One parse for newsaudit and trafilatura: the same tree as trafilatura's loader, comments dropped,
    every element an ``HtmlElement`` (the class chosen without a Python callback per element)."""
    from lxml import etree
    from lxml.html import HtmlElement
    from trafilatura import load_html

    from newsaudit.structure.html import load_tree

    page = ("<html><head><title>Ferry fares rise</title></head><body><article><h1>Ferry fares rise</h1>"
            "<p>The <!-- x -->harbour board raised fares.</p><form><input name='q' value='1'><label>Find</label>"
            "</form></article></body></html>")
    tree = load_tree(page)
    assert etree.tostring(tree) == etree.tostring(load_html(page))
    assert {type(element) for element in tree.iter()} == {HtmlElement}
    assert tree.find(".//form").text_content() == "Find"
