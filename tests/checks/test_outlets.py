"""The outlet table and the impersonation matcher: imitations fire, real outlets never do."""

from __future__ import annotations

import csv

import pytest

from newsaudit.checks.outlets import impersonation_of
from newsaudit.reference.outlets import TABLE_PATH, load_outlets


@pytest.fixture(scope="module")
def table():
    return load_outlets()


def test_the_table_lists_at_least_300_real_outlets_with_a_domain_and_a_country():
    with TABLE_PATH.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 300
    for row in rows:
        assert row["name"].strip() and "." in row["domain"] and len(row["country"].strip()) == 2, row
    pairs = [(row["name"].lower(), row["domain"].lower()) for row in rows]
    assert len(pairs) == len(set(pairs)), "an outlet is listed twice"


def test_no_outlet_in_the_table_is_taken_for_an_imitation_of_another(table):
    wrong = []
    for outlet in table.outlets:
        for name in (outlet.name,) + outlet.aliases:
            for domain in (None,) + outlet.domains:
                match = impersonation_of(name, domain, table)
                if match is not None:
                    wrong.append((name, domain, match.outlet.name))
    assert wrong == []


@pytest.mark.parametrize("name, domain", [
    ("New York Post", "nypost.com"),
    ("New York Daily News", None),
    ("The Times of India", None),
    ("The Washington Times", None),
    ("The Irish Times", None),
    ("The New York Sun", None),
    ("The Boston Herald", None),
    ("Chicago Sun-Times", None),
    ("The Seattle Times", None),
    ("The Guardian Nigeria", "guardian.ng"),
    ("Bloomberg Tax", None),
    ("Guardian Weekly", None),
    ("The Daily Telegram", None),
    ("Financial Review", None),
    ("Chicago Reader", None),
    ("The Chicago Defender", None),
    ("The Millbrook Courier", None),
    (None, "thestar.com.my"),
    (None, "telegraphindia.com"),  # a newspaper-word brand and a place, on its own suffix: a namesake
    (None, "dailytelegraph.com.au"),
    (None, "belfasttelegraph.co.uk"),
    (None, "thestaronline.com"),  # a short newspaper-word brand with filler: too many namesakes
    (None, "batimes.com.ar"),
    (None, "phillyvoice.com"),  # built on "philly", an old second address of the Inquirer: a plain word
    ("Valley Farm Weekly", "valleyfarmweekly.com"),
])
def test_real_or_unrelated_outlets_with_similar_names_stay_silent(table, name, domain):
    assert impersonation_of(name, domain, table) is None


@pytest.mark.parametrize("name, domain, imitated, severity", [
    ("The Chicago Budgets", None, "Chicago Tribune", "medium"),
    ("The Wall Street Budget", None, "The Wall Street Journal", "medium"),
    ("The Washington Pest", None, "The Washington Post", "high"),
    ("The Guardain", None, "The Guardian", "high"),
    ("The Financial Tides", None, "Financial Times", "high"),
    (None, "nytimes-news.com", "The New York Times", "medium"),
    (None, "nytirnes.com", "The New York Times", "medium"),
    (None, "washingtonpost.com.co", "The Washington Post", "medium"),
    (None, "cnn.com.de", "CNN", "medium"),  # "com.de" is a .de site selling subdomains, not a CNN edition
    (None, "independent.co.uk.de", "The Independent", "medium"),
    (None, "econornist.com", "The Economist", "medium"),
    (None, "reuters.news", "Reuters", "medium"),
    (None, "foxnews-24.com", "Fox News", "medium"),
    (None, "https://www.cnn-breakingnews247.com/world/story", "CNN", "medium"),
    ("BBC News Daily", "bbc-newsdaily.co", "BBC News", "high"),
    (None, "srnh.com.au", "The Sydney Morning Herald", "medium"),  # "rn" for "m" in a three-letter brand
    (None, "vvsj.com", "The Wall Street Journal", "medium"),
    (None, "latimes-24.com", "Los Angeles Times", "medium"),  # "la" here is no article
])
def test_imitations_name_the_outlet_they_imitate(table, name, domain, imitated, severity):
    match = impersonation_of(name, domain, table)
    assert match is not None and match.outlet.name == imitated and match.severity == severity
    assert imitated in match.message


def test_a_swapped_masthead_with_a_domain_that_does_not_spell_it_is_left_alone(table):
    # "The New York Budgets" on its own imitates the Times; on a domain that is some other
    # site's, the name alone says too little to accuse that site.
    assert impersonation_of("The New York Budgets", None, table).outlet.name == "The New York Times"
    assert impersonation_of("The New York Budgets", "newyorkbudgets.com", table) is not None
    assert impersonation_of("The New York Budgets", "harbourpress.org", table) is None


def test_a_known_outlets_own_domain_is_never_an_imitation_whatever_the_page_calls_itself(table):
    assert impersonation_of("The New York Budgets", "https://www.nytimes.com/2025/01/01/a.html", table) is None


# A small stand-in for the spaCy model's word list: the rule needs only membership.
LEXICON = frozenset({"culture", "today", "mail", "irish", "times", "stat", "tides", "star", "ledgers", "lanterns",
                     "mirrors", "globe", "daily", "net", "china"})


@pytest.mark.parametrize("name, imitated", [
    ("USA Todsy", "USA Today"),            # a neighbour key, in a masthead of common words
    ("The Globe and Mqil", "The Globe and Mail"),
    ("The Ieish Times", "The Irish Times"),
])
def test_a_changed_letter_that_leaves_no_word_is_a_slip_given_a_lexicon(table, name, imitated):
    plain = impersonation_of(name, None, table)  # without a word list: no slip reading
    assert plain is None or "misspelled" not in plain.name_reason
    match = impersonation_of(name, None, table, LEXICON)
    assert match is not None and match.outlet.name == imitated and "misspelled" in match.name_reason


@pytest.mark.parametrize("name", ["The Daily Stat", "The Daily Mirror", "Addis Zemen", "SABA News", "Culture"])
def test_words_foreign_names_and_acronyms_are_not_slips(table, name):
    assert impersonation_of(name, None, table, LEXICON) is None


def test_a_long_masthead_keeps_its_frame_when_the_last_word_is_swapped(table):
    match = impersonation_of("The Globe and Lanterns", None, table, LEXICON)
    assert match is not None and match.outlet.name == "The Globe and Mail" and match.severity == "medium"
    assert impersonation_of("The Lanterns and Mail", None, table, LEXICON).outlet.name == "The Globe and Mail"
    assert impersonation_of("The Daily Lanterns", None, table, LEXICON) is None  # "The Daily" is no frame


@pytest.mark.parametrize("name, domain, language", [
    ("Política", None, "es"),               # an accent no slip adds
    ("El Nuevo Día", None, "es"),
    ("Antary", None, "id"),                 # short one-word names are words somewhere
    ("TINE.no", "tine.no", "no"),
    (None, "publica.pl", "pl"),             # another country's suffix: a namesake in its language
    ("Política", "politica.com.ar", "es"),
])
def test_names_and_sites_in_other_languages_are_not_slips_of_english_mastheads(table, name, domain, language):
    assert impersonation_of(name, domain, table, LEXICON, language) is None


def test_a_slip_that_leaves_no_english_word_counts_on_english_pages_only(table):
    assert impersonation_of("USA Todsy", None, table, LEXICON, "en") is not None
    plain = impersonation_of("USA Todsy", None, table, LEXICON, "de")
    assert plain is None or "misspelled" not in plain.name_reason


@pytest.mark.parametrize("domain", [
    "theguardiandaily.com", "telegraphworld.co.uk",  # could be look-alikes, but are shaped like ...
    "observertoday.com", "dispatchnews.com", "dailyrecordnews.com",  # ... real local papers' domains
    "journalinquirer.com", "messenger-inquirer.com", "observer-reporter.com",  # another paper's noun added
    "clevelandbanner.com", "tampabaylive.com", "richmond-dailynews.com",  # a paper's place as the brand
    "abc-7.com", "telemundo51.com", "newschannel4.com",  # stations' channel numbers
    "nikkeiwest.com", "newindianexpress.com",  # a region or "new" makes another paper
    "cbnnews.com",  # a letter changed in a short acronym is another acronym
])
def test_a_newspaper_word_brand_place_or_acronym_with_words_added_is_a_namesake(table, domain):
    assert impersonation_of(None, domain, table) is None


def test_the_domain_rules_read_through_the_brand_index_find_what_a_scan_of_every_brand_finds(table):
    """Each rule is tried only on the brands the index offers it; a scan of the whole table, rule by
    rule, must give the same outlet and reason on look-alikes of every kind and on plain sites."""
    from newsaudit.checks import outlets
    from newsaudit.reference.outlets import site_of

    def scanned(site):
        for rule in (outlets._embedded, outlets._appended, outlets._suffix_swap, outlets._affixed,
                     outlets._look_alike, outlets._misspelled):
            for brand in table.brands:
                reason = rule(site, brand, table)
                if reason:
                    return brand.outlet, reason
        return None

    hosts = []
    for brand in table.brands[::7]:
        label, registered = brand.label, brand.registered
        hosts += [registered + ".co", f"news.{registered}.example.net", f"{label}-news.com", f"{label}daily.com",
                  label.replace("m", "rn") + "." + brand.suffix, label[:2] + label[3:] + "." + brand.suffix,
                  f"{label}.info", f"harbour{label}.org"]
    found = 0
    for host in hosts:
        site = site_of(host)
        if site is None or (site.label in table.labels and site.suffix not in outlets.SUSPICIOUS_SUFFIXES):
            continue
        hit = outlets._domain_lookalike(site, table)
        assert ((hit.outlet, hit.reason) if hit else None) == scanned(site), host
        found += hit is not None
    assert found > 20  # the hosts hold look-alikes of each kind, not only misses
