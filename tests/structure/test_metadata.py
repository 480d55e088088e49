"""Headline and byline of HTML pages: the site's part cut, the printed <h1> preferred, bylines found and cleaned."""

from __future__ import annotations

import pytest

from newsaudit.structure.html import parse_html, url_date
from newsaudit.structure.metadata import choose_headline, site_keys, strip_site

STORY = ("<p>The harbour board voted on Tuesday to close the old ferry pier for repairs that will last most of "
         "the coming year, its chair told reporters after the meeting.</p>"
         "<p>Commuters will use a temporary landing stage on the north quay while the work goes on, and the "
         "board said fares would not change during the closure.</p>"
         "<p>Engineers found cracks in three of the pier's concrete piles during an inspection in the spring, "
         "according to a report the board published last month.</p>")


def html_page(head: str = "", body_top: str = "", story: str = STORY, body_end: str = "") -> str:
    return (f"<html><head>{head}</head><body><header><h1 class='logo'>Harbour Herald</h1></header>"
            f"<article>{body_top}{story}{body_end}</article></body></html>")


KEYS = site_keys(("The Harbour Herald",), "https://www.harbourherald.co.uk/news/pier")


@pytest.mark.parametrize("title, expected", [
    ("Old ferry pier to close for a year | The Harbour Herald", "Old ferry pier to close for a year"),
    ("Harbour Herald - Old ferry pier to close for a year", "Old ferry pier to close for a year"),
    ("Old ferry pier to close for a year - News - harbourherald.co.uk", "Old ferry pier to close for a year - News"),
    ("12.03.2024 | Old ferry pier to close for a year", "Old ferry pier to close for a year"),
    ("Pier closes – commuters move to the north quay", "Pier closes – commuters move to the north quay"),
    ("Old ferry pier to close for a year", "Old ferry pier to close for a year"),
    ("Harbour Herald » Blog Archive » Old ferry pier to close for a year", "Old ferry pier to close for a year"),
    ("Blog-Archiv » Old ferry pier to close for a year", "Old ferry pier to close for a year"),
    ("The archive » Old ferry pier to close for a year", "The archive » Old ferry pier to close for a year"),
])
def test_the_sites_part_is_cut_from_a_stated_title_and_nothing_else(title, expected):
    assert strip_site(title, KEYS) == expected


def test_a_printed_h1_that_agrees_with_the_stated_title_is_the_headline_as_printed():
    stated = ["Old Ferry Pier To Close For A Year | The Harbour Herald"]
    assert choose_headline(stated, ["Old ferry pier to close for a year"], KEYS) == "Old ferry pier to close for a year"


def test_a_kicker_before_the_headline_in_the_h1_is_left_out():
    stated = ["Old ferry pier to close for a year | The Harbour Herald"]
    printed = ["Transport Old ferry pier to close for a year"]
    assert choose_headline(stated, printed, KEYS) == "Old ferry pier to close for a year"


def test_an_h1_that_is_the_sites_name_is_not_the_headline():
    stated = ["Old ferry pier to close for a year | The Harbour Herald"]
    assert choose_headline(stated, ["Harbour Herald"], KEYS) == "Old ferry pier to close for a year"


def test_html_headline_has_no_site_suffix_and_the_body_does_not_repeat_it():
    head = ('<title>Old ferry pier to close for a year | The Harbour Herald</title>'
            '<meta property="og:site_name" content="The Harbour Herald">')
    article = parse_html(html_page(head, "<h2>Old ferry pier to close for a year</h2>"),
                         url="https://www.harbourherald.co.uk/news/pier")
    assert article.headline == "Old ferry pier to close for a year"
    assert all(section.heading != article.headline for section in article.sections)


@pytest.mark.parametrize("head, top, expected", [
    ('<meta name="author" content="Ann Lee">', "", "Ann Lee"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Pier", "author": '
     '[{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Bo Chen"}]}</script>', "", "Ann Lee, Bo Chen"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "author": [{"@type": "Organization", '
     '"name": "The Harbour Herald"}, {"@type": "Person", "name": "Ann Lee"}]}</script>', "", "Ann Lee"),
    ("", '<p class="byline">By Ann Lee and Bo Chen | Published 3 May 2024, 10:15</p>', "Ann Lee and Bo Chen"),
    ("", '<span class="author vcard"><a class="url fn n" rel="author" href="/author/al">Ann Lee</a></span>', "Ann Lee"),
    ("", "<p>Von Jan Vogel</p>", "Jan Vogel"),
    ('<meta name="author" content="The Harbour Herald">', "", "The Harbour Herald"),
])
def test_the_byline_is_found_wherever_the_page_credits_one(head, top, expected):
    head += '<meta property="og:site_name" content="The Harbour Herald">'
    article = parse_html(html_page(head, top), url="https://www.harbourherald.co.uk/news/pier")
    assert article.byline == expected


def test_a_reporting_line_at_the_end_of_the_body_is_the_byline():
    end = "<p>Reporting by Ann Lee; Editing by Bo Chen</p>"
    assert parse_html(html_page(body_end=end)).byline == "Ann Lee"


def test_an_author_in_the_comments_is_not_the_byline():
    end = ('<div class="comments"><span class="comment-author">Cy Dow</span>'
           '<p class="byline">By Cy Dow</p></div>')
    assert parse_html(html_page(body_end=end)).byline is None


def test_a_full_date_in_the_url_is_read_and_an_impossible_one_is_not():
    assert str(url_date("https://www.harbourherald.co.uk/2023/11/05/pier")) == "2023-11-05"
    assert str(url_date("https://www.harbourherald.co.uk/news/2023-11-05-pier")) == "2023-11-05"
    assert url_date("https://x.example/news/2023/13/40/pier") is None


def test_a_url_date_far_from_the_tag_is_the_first_publication():
    head = '<meta property="article:published_time" content="2024-06-01T09:00:00Z">'
    article = parse_html(html_page(head), url="https://www.harbourherald.co.uk/2023/11/05/pier")
    assert article.published == "2023-11-05" and "URL" in article.published_note


def test_the_day_the_page_prints_wins_over_a_utc_timestamp_a_day_off():
    head = '<meta property="article:published_time" content="2024-06-02T01:30:00+00:00">'
    top = '<p class="date">Published June 1, 2024</p>'
    article = parse_html(html_page(head, top))
    assert article.published in ("2024-06-01", "2024-06-02")  # htmldate's reading of the printed day or the tag


def test_an_age_gate_a_tip_box_and_a_sign_up_box_never_reach_the_body():
    top = "<h2>Please enter your date of birth to view this video</h2>"
    end = ("<p>Got a news tip? Email the newsroom any time.</p>"
           "<p>Sign up for our free morning newsletter to get the top stories delivered to your inbox.</p>")
    article = parse_html(html_page(body_top=top, body_end=end))
    assert "date of birth" not in article.text and "news tip" not in article.text and "newsletter" not in article.text
    assert all(section.heading is None or "birth" not in section.heading for section in article.sections)
    assert "Engineers found cracks" in article.text


def test_the_sites_tagline_after_its_name_is_cut_with_it():
    title = "Old ferry pier to close for a year | harbourherald.co.uk | Your paper on the coast"
    assert strip_site(title, KEYS) == "Old ferry pier to close for a year"


def test_a_title_another_stated_title_extends_with_a_separator_loses_the_extension():
    stated = ["Old ferry pier to close for a year – HHB", "Old ferry pier to close for a year"]
    assert choose_headline(stated, [], KEYS) == "Old ferry pier to close for a year"
    printed = ["Old ferry pier to close for a year"]
    assert choose_headline(["Old ferry pier to close for a year | Coast news desk"], printed, KEYS) == printed[0]


def test_a_title_that_holds_the_sites_name_with_more_words_is_kept_whole():
    keys = site_keys(("Tidewater",), "https://www.tidewater.example/letters/1")
    assert choose_headline(["Tidewater Weekly", "Tidewater Weekly"], [], keys) == "Tidewater Weekly"
    assert choose_headline(["Tidewater Weekly"], ["Tidewater"], keys) == "Tidewater Weekly"


def test_soft_hyphens_and_ruby_readings_are_not_part_of_the_headline():
    assert choose_headline(["Fer\u00adry pier re\u00adopens"], [], KEYS) == "Ferry pier reopens"
    page = html_page("<title>\u6e2f\u306e\u6865 | Harbour Herald</title>",
                     "<h1>\u6e2f<rt>\u307f\u306a\u3068</rt>\u306e\u6865</h1>")
    assert parse_html(page, url="https://www.harbourherald.co.uk/news/pier").headline == "\u6e2f\u306e\u6865"


def _page_with(head: str, before_article: str, body_class: str = "", top: str = "") -> str:
    return (f"<html><head>{head}</head><body class='{body_class}'>{before_article}"
            f"<article>{top}{STORY}</article></body></html>")


URL = "https://www.harbourherald.co.uk/news/pier"
TITLE = "<title>Old ferry pier to close for a year | The Harbour Herald</title>"


def test_the_bodys_theme_classes_do_not_hide_the_h1():
    page = _page_with('<meta property="og:title" content="Pier to close">',
                      "<div class='header'><h1>Old ferry pier to close for a year</h1></div>",
                      body_class="theme-menu-light has-sidebar")
    assert parse_html(page, url=URL).headline == "Old ferry pier to close for a year"


def test_a_field_whose_label_is_hidden_is_not_a_kicker():
    top = ('<h1 class="page-title"><span class="field field--name-title field--label-hidden">'
           'Old ferry pier to close for a year</span></h1>')
    page = _page_with('<meta property="og:title" content="Pier to close">', "", top=top)
    assert parse_html(page, url=URL).headline == "Old ferry pier to close for a year"


def test_an_h1_in_a_breadcrumb_bar_counts_where_a_stated_title_prints_it():
    stated = ["Pier to close", "Ferries: Old ferry pier to close for a year | The Harbour Herald"]
    assert choose_headline(stated, [], KEYS, aside=["Ferries: Old ferry pier to close for a year"]) == (
        "Ferries: Old ferry pier to close for a year")
    assert choose_headline(stated, [], KEYS, aside=["Harbour news in brief"]) == "Pier to close"
    nav = "<nav class='breadcrumb'><h1>Ferries: Old ferry pier to close for a year</h1></nav>"
    page = _page_with('<meta property="og:title" content="Ferries: Old ferry pier to close for a year">', nav)
    assert parse_html(page, url=URL).headline == "Ferries: Old ferry pier to close for a year"


def test_a_stated_title_the_page_prints_as_a_lesser_heading_is_the_headline():
    # no <h1>: the stated title printed as an <h2> wins over the first stated title, in the printed form
    stated = ["Old Ferry Pier To Close For A Year", "Old ferry pier to close – for a year", "Pier news"]
    assert choose_headline(stated, [], KEYS, subheads=["Old ferry pier to close – for a year"]) == (
        "Old ferry pier to close – for a year")
    # the site's part goes when the <h2> prints the title without it, though it does not name the site
    assert choose_headline(["Old ferry pier to close for a year | Coast desk and more"], [], KEYS,
                           subheads=["Old ferry pier to close for a year"]) == "Old ferry pier to close for a year"
    # a lone <h1> that agrees with no stated title yields to the stated title printed as an <h2>
    assert choose_headline(["Old ferry pier to close for a year"], ["Details"], KEYS,
                           subheads=["Old ferry pier to close for a year"]) == "Old ferry pier to close for a year"
    assert choose_headline(["Old ferry pier to close for a year"], ["Ferry pier shut until spring"], KEYS,
                           subheads=["Other harbour news"]) == "Ferry pier shut until spring"


def test_an_h1_that_prints_a_whole_stated_title_keeps_what_a_partial_site_name_would_cut():
    url = "https://www.pierguide24.co.uk/"
    keys = site_keys(("Pier",), url)
    stated = ["Pier guide – tips for every harbour", "Pier guide – tips for every harbour | Pier"]
    assert strip_site(stated[0], keys) == "tips for every harbour"  # "Pier guide" names the site
    assert choose_headline(stated, ["Pier guide – tips for every harbour"], keys, url=url) == (
        "Pier guide – tips for every harbour")
    # an <h1> that prints the site's exact name with the story is still cut
    assert choose_headline(["Old ferry pier to close for a year | The Harbour Herald"],
                           ["Old ferry pier to close for a year | The Harbour Herald"], KEYS) == (
        "Old ferry pier to close for a year")


def test_a_site_name_that_holds_a_separator_is_cut_whole():
    keys = site_keys(("Salsa moves - Rueda in Town",), "http://rueda.wiki.example/enchufla")
    assert strip_site("Enchufla turns - Salsa moves - Rueda in Town", keys) == "Enchufla turns"
    assert strip_site("Salsa moves - Rueda in Town - Enchufla turns", keys) == "Enchufla turns"
    assert choose_headline(["Enchufla turns - Salsa moves - Rueda in Town", "Salsa moves - Rueda in Town"],
                           ["Salsa moves - Rueda in Town"], keys, ["Salsa moves - Rueda in Town"]) == "Enchufla turns"


def test_a_title_that_opens_with_the_domains_name_loses_it_though_the_page_states_that_name_alone():
    url = "https://web.archive.org/web/20140226054445/http://www.pier4talks.co.uk/2013/08/07/ferry"
    keys = site_keys(("Pier 4 talks",), url)
    stated = ["Pier 4 talks » Blog Archive » Old ferry pier to close for a year", "Pier 4 talks"]
    assert choose_headline(stated, ["Pier 4 talks"], keys, url=url) == "Old ferry pier to close for a year"


def test_a_kicker_in_its_own_element_that_a_stated_title_sets_apart_is_left_out():
    top = "<h1> <span class='subtitle'>Harbour works</span> Old ferry pier to close for a year </h1>"
    head = '<meta property="og:title" content="Harbour works - Old ferry pier to close for a year">'
    assert parse_html(_page_with(head, "", top=top), url=URL).headline == "Old ferry pier to close for a year"
    # without the stated separator the opening element is part of the headline
    head = '<meta property="og:title" content="Harbour works Old ferry pier to close for a year">'
    assert parse_html(_page_with(head, "", top=top), url=URL).headline == (
        "Harbour works Old ferry pier to close for a year")


def test_a_cjk_title_loses_the_sites_part_after_a_spaceless_mark_where_the_page_prints_the_rest():
    story = "\u6e2f\u53e3\u7684\u65e7\u6e21\u8f6e\u7801\u5934\u5c06\u5173\u95ed\u4e00\u5e74\uff01"
    title = f"<title>{story}-\u6e2f\u53e3\u65b0\u95fb\u7f51</title>"
    page = _page_with(title, f"<div class='h-title'>{story}</div>")
    assert parse_html(page, url=URL).headline == story
    # nothing printed corroborates the cut: the title stays whole
    assert parse_html(_page_with(title, ""), url=URL).headline == f"{story}-\u6e2f\u53e3\u65b0\u95fb\u7f51"


def test_a_kicker_before_a_colon_goes_where_the_page_prints_the_rest_alone():
    stated = ["Preview: Harbour Racer Beta", "Harbour Herald | Previews: Harbour Racer Beta"]
    assert choose_headline(stated, [], KEYS, subheads=["Harbour Racer Beta"]) == "Harbour Racer Beta"
    # what stands before the colon is not the headline though the page prints it alone
    assert choose_headline(["Dezuka Pier: Fried fish cakes, hot and fresh"], [], KEYS,
                           subheads=["Dezuka Pier"]) == "Dezuka Pier: Fried fish cakes, hot and fresh"
    assert choose_headline(["Preview: Harbour Racer Beta"], [], KEYS) == "Preview: Harbour Racer Beta"


def test_a_tagline_glued_to_the_title_and_repeated_after_the_separator_is_cut():
    keys = site_keys((), "https://www.quaylistings.co.uk/?p=12")
    title = "Dockside Bakery OpenAll the traders on the quay | All the traders on the quay"
    assert strip_site(title, keys) == "Dockside Bakery Open"
    assert choose_headline([title], ["All the traders on the quay", "Dockside Bakery Open"], keys) == (
        "Dockside Bakery Open")


def test_a_title_that_is_only_a_short_form_of_the_sites_name_gives_way_to_the_pages_first_title():
    keys = site_keys((), "https://www.lanternmagazine.co.uk/story/interview")
    stated = ["Lantern Magazine", "LANTERN • Lantern Magazine"]
    assert choose_headline(stated, ["Lantern Magazine"], keys, subheads=["Before and After"]) == "Before and After"


def test_an_off_article_h1_the_article_prints_again_as_a_title_is_the_headline():
    stated = ["Winter reading list | Harbour Herald | Read now!"]
    headline = "Six novels for long nights on the coast"
    assert choose_headline(stated, [], KEYS, subheads=["Culture", headline], aside=[headline]) == headline
    # an off-article heading printed nowhere in the article is a teaser: the stated title stands
    assert choose_headline(stated, [], KEYS, subheads=["Culture"], aside=["Sign up for our letters"]) == (
        "Winter reading list")


def test_a_separator_with_nothing_on_one_side_is_not_part_of_the_title():
    assert choose_headline(["Old ferry pier to close for a year -"], [], KEYS) == "Old ferry pier to close for a year"
    assert choose_headline(["| Old ferry pier to close for a year"], [], KEYS) == "Old ferry pier to close for a year"


def test_a_kicker_before_a_colon_goes_though_another_heading_prints_the_whole_title():
    stated = ["Rail strike: Harbour ferries to run all night", "Rail strike: Harbour ferries to run all night | Harbour Herald"]
    printed = ["Rail strike: Harbour ferries to run all night"]  # a breadcrumb's current item, set as an <h1>
    assert choose_headline(stated, printed, KEYS, subheads=["Harbour ferries to run all night"]) == (
        "Harbour ferries to run all night")
    # where no heading prints the part after the colon alone, the colon belongs to the headline
    assert choose_headline(stated, printed, KEYS, subheads=["Timetable"]) == "Rail strike: Harbour ferries to run all night"


def test_an_h1_inside_a_link_to_the_home_page_is_the_sites_name():
    page = ("<html><head><title>Pier repairs to last a year - Harbour Herald</title></head><body>"
            "<div id='top'><a href='/'><h1>Harbour Post and Times</h1></a></div>"
            f"<article>{STORY}</article></body></html>")
    assert parse_html(page, url="https://www.harbourherald.co.uk/news/pier").headline == "Pier repairs to last a year"


def test_a_site_name_with_an_umlaut_is_cut_where_the_address_spells_it_out():
    stated = ["Pier repairs to last a year « Hafenblätter Nord"]
    assert choose_headline(stated, [], frozenset(), url="https://www.hafenblaetter-nord.de/pier") == (
        "Pier repairs to last a year")


def test_a_wrapper_class_that_says_the_layout_lacks_a_menu_does_not_hide_the_headline():
    page = ("<html><head><title>Harbour Herald</title></head><body>"
            f"<div class='container no-sub-nav'><h2>Pier repairs to last a year</h2>{STORY}</div></body></html>")
    assert parse_html(page, url="https://www.harbourherald.co.uk/news/pier").headline == "Pier repairs to last a year"


def test_a_title_that_is_the_sites_template_with_the_story_left_out_names_the_site():
    url = "https://www.harbourherald.co.uk/travel/winter"
    subheads = ["Winter timetable for the harbour ferries"]
    # "Harbour Herald Online -": the site's name before a separator with nothing after it
    assert choose_headline(["Harbour Herald Online -"], [], frozenset(), subheads=subheads, url=url) == subheads[0]
    # with no dangling separator the title may be a headline that names the site ("Harbour Herald Online")
    assert choose_headline(["Harbour Herald Online"], [], frozenset(), subheads=subheads, url=url) == (
        "Harbour Herald Online")
    # a dangling title that does not open with the domain's name is the story
    assert choose_headline(["Winter ferries -"], [], frozenset(), subheads=subheads, url=url) == "Winter ferries"


def test_a_heading_for_screen_readers_only_is_not_printed():
    head = '<title>The Harbour Herald</title><meta property="og:site_name" content="The Harbour Herald">'
    for hidden in ("text-hide", "sr-only"):  # the page's title is the site's name: the first printed heading stands
        top = f"<h2 class='{hidden}'>Main content</h2><h2>Old ferry pier to close for a year</h2>"
        assert parse_html(_page_with(head, "", top=top), url=URL).headline == "Old ferry pier to close for a year"


def test_a_byline_class_is_found_in_any_case_and_other_boxes_are_not():
    from newsaudit.structure.metadata import _byline_class

    assert _byline_class("article-Byline") and _byline_class("post-AUTHOR name") and _byline_class("vcard fn")
    assert _byline_class("by-ſtaff writer")  # a non-ASCII class goes to the pattern itself
    assert not _byline_class("author-avatar") and not _byline_class("comment-author")
    assert not _byline_class("headline big") and not _byline_class("")


@pytest.mark.parametrize("title", [
    "Old ferry pier to close for a year › Harbour Herald",
    "Old ferry pier to close for a year // Harbour Herald",
    "Old ferry pier to close for a year > Harbour Herald",
    "Old ferry pier to close for a year ǀ Harbour Herald",
    "Old ferry pier to close for a year｜Harbour Herald",
])
def test_the_sites_part_is_cut_after_any_separator_a_title_template_uses(title):
    assert strip_site(title, KEYS) == "Old ferry pier to close for a year"


@pytest.mark.parametrize("title", [
    "Pier notes - 26 October 2010 - Blog - Tales of the quay",
    "Pier notes | 3. März 2011 | Blog | Tales of the quay",
    "Pier notes - 12.10.2010 - Blog - Tales of the quay",
])
def test_a_date_between_separators_ends_the_story(title):
    assert strip_site(title, KEYS) == "Pier notes"


def test_title_parts_that_only_start_like_a_date_stay():
    assert strip_site("Pier notes - May the tide be kind - Blog", KEYS) == "Pier notes - May the tide be kind - Blog"


def test_a_two_letter_domain_name_after_a_separator_is_the_sites():
    stated = ["Old ferry pier to close for a year | HH"]
    assert choose_headline(stated, [], frozenset(), url="https://www.hh.de/pier") == (
        "Old ferry pier to close for a year")
    assert choose_headline(stated, [], frozenset(), url="https://www.pierpost.de/pier") == stated[0]


NO_NAME_URL = "https://www.pierpost.example/news/pier"
TITLED = ("<title>Old ferry pier to close for a year | Harbour Herald</title>"
          "<meta property='og:title' content='Old ferry pier to close for a year | Harbour Herald'>")


@pytest.mark.parametrize("names", [
    '<link rel="alternate" type="application/rss+xml" title="Harbour Herald &raquo; Feed" href="/feed">',
    '<meta name="apple-mobile-web-app-title" content="Harbour Herald">',
    '<script type="application/ld+json">{"@type": "WebSite", "name": "Harbour Herald"}</script>',
])
def test_the_sites_name_comes_from_its_feeds_bookmark_title_and_json_ld_website(names):
    head = TITLED + names
    page = f"<html><head>{head}</head><body><article>{STORY}</article></body></html>"
    assert parse_html(page, url=NO_NAME_URL).headline == "Old ferry pier to close for a year"


def test_the_sites_name_comes_from_a_logo_linking_home_and_the_footers_copyright_line():
    head = TITLED
    for extra in ("<a class='site-logo' href='/'><img src='/l.png' alt='Harbour Herald logo'></a>",
                  "<footer><p>© 2003–2024 Harbour Herald. All rights reserved.</p></footer>"):
        page = f"<html><head>{head}</head><body>{extra}<article>{STORY}</article></body></html>"
        assert parse_html(page, url=NO_NAME_URL).headline == "Old ferry pier to close for a year"
    # a copyright line in a picture's credit is not the site's: the title stays whole
    credit = "<figure><img src='/p.jpg'><figcaption>© 2024 Harbour Herald</figcaption></figure>"
    page = f"<html><head>{head}</head><body><article>{credit}{STORY}</article></body></html>"
    assert parse_html(page, url=NO_NAME_URL).headline == "Old ferry pier to close for a year | Harbour Herald"


def test_a_feed_named_after_the_story_does_not_make_the_story_the_sites_name():
    head = ("<title>Old ferry pier to close for a year</title>"
            '<link rel="alternate" type="application/rss+xml" title="Old ferry pier to close for a year">')
    page = f"<html><head>{head}</head><body><article>{STORY}</article></body></html>"
    assert parse_html(page, url=NO_NAME_URL).headline == "Old ferry pier to close for a year"


def test_a_stated_title_after_a_kicker_keeps_the_letter_case_the_heading_prints():
    stated = ["Ferry pier to close for a whole year | Harbour Herald"]
    assert choose_headline(stated, ["HARBOUR: FERRY PIER TO CLOSE FOR A WHOLE YEAR"], KEYS) == (
        "FERRY PIER TO CLOSE FOR A WHOLE YEAR")
    assert choose_headline(stated, ["Harbour: Ferry pier to close for a whole year"], KEYS) == (
        "Ferry pier to close for a whole year")


def test_the_small_print_inside_a_heading_is_not_the_headline():
    head = "<title>Old ferry pier to close for a year</title>"
    top = "<h1>Old ferry pier to close for a year<br><small>12.03.2024 • Local news</small></h1>"
    page = f"<html><head>{head}</head><body><article>{top}{STORY}</article></body></html>"
    assert parse_html(page, url=NO_NAME_URL).headline == "Old ferry pier to close for a year"


def test_an_h1_that_prints_a_stated_title_and_more_is_the_headline_as_printed():
    # the tags state a shorter title than the page prints: the printed one is the headline
    stated = ["Old ferry pier to close | Harbour Herald"]
    assert choose_headline(stated, ["Old ferry pier to close for a year of repairs"], KEYS) == (
        "Old ferry pier to close for a year of repairs")


def test_on_a_page_with_no_h1_the_first_h2_about_the_stated_title_is_the_headline():
    # the stated title is a section's or an SEO title the page never prints; the <h2> it opens with is shown
    stated = ["Pier works - Harbour board projects"]
    h2s = ["Tender for the new pier works on the north quay", "All projects"]
    assert choose_headline(stated, [], KEYS, subheads=h2s, h2s=h2s) == h2s[0]
    # an <h2> with no word of the stated titles is a box's heading (a cookie notice, a menu), not the headline
    assert choose_headline(stated, [], KEYS, subheads=["We use cookies"], h2s=["We use cookies"]) == stated[0]
    # a blog's date line over its posts is no headline
    dated = ["Saturday, 5 October 2013"]
    assert choose_headline(["Pier works: notes from the board | Harbour Herald"], [], KEYS, subheads=dated,
                           h2s=dated) == "Pier works: notes from the board"
    # an <h1> off the article that agrees with a stated title keeps the stated title
    assert choose_headline(["Pier works to begin in May"], [], KEYS, subheads=["Harbour works calendar"],
                           h2s=["Harbour works calendar"], aside=["Pier works to begin in May, board says"]) == (
        "Pier works to begin in May")
    # a page with an <h1> of its own keeps the rules for <h1>s
    assert choose_headline(stated, ["Pier works"], KEYS, subheads=h2s, h2s=h2s) == "Pier works"


def test_a_page_without_h1_that_prints_its_headline_as_h2_gives_that_headline():
    head = "<title>Projects | Harbour Herald</title>"
    top = "<h2>Harbour projects: the new landing stage</h2>"
    page = (f"<html><head>{head}</head><body><nav><h2>Menu</h2></nav>"
            f"<article>{top}{STORY}</article></body></html>")
    assert parse_html(page, url=NO_NAME_URL).headline == "Harbour projects: the new landing stage"


@pytest.mark.parametrize("title", [
    "Pier notes - Saturday, 5 October 2013 - Blog - Tales of the quay",
    "Pier notes | Samstag, 5. Oktober 2013 | Blog | Tales of the quay",
])
def test_a_date_after_its_weekday_between_separators_ends_the_story(title):
    assert strip_site(title, KEYS) == "Pier notes"
