"""Site reputation: public site lists, the loader and the three ``site.*`` findings.

Unit tests build their own tiny lists (made-up domains) in ``tmp_path`` in the layout of the
shared data; the last tests read ``../shared/data`` and skip when it is absent.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import pickle
from datetime import date
from pathlib import Path

import pytest

from newsaudit import codes
from newsaudit.checks import registered_checks, run_checks
from newsaudit.checks.reputation import check_reputation, check_site_reputation
from newsaudit.reference.outlets import load_outlets
from newsaudit.model import Article, Finding, InputInfo, Report, Tool
from newsaudit.reference.lists import (
    BUNDLED_CSV, BUNDLED_META, LABELS, NEGATIVE, POSITIVE, Listing, ListInfo, SiteLists, load_site_lists,
    split_entry,
)

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = ROOT.parent / "shared" / "data"
TODAY = date(2025, 6, 1)


def make_report(url=None, domain=None, published="2021-04-28") -> Report:
    article = Article(outlet=None, domain=domain, url=url, headline="A headline", byline=None,
                      published=published, published_source="metadata" if published else None, text="Body.")
    return Report(Tool("newsaudit", "test"), InputInfo("-", "html", "0"), article)


def findings(lists: SiteLists, url=None, domain=None, published="2021-04-28") -> list[Finding]:
    return list(check_site_reputation(make_report(url, domain, published), lists, today=TODAY))


def write(path: Path, text: str, newline: str = "\n") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))


@pytest.fixture
def lists_dir(tmp_path: Path) -> Path:
    """A tiny copy of the non-bundled lists, shaped like ../shared/data, with made-up sites."""
    write(tmp_path / "opensources" / "sources.csv",
          ",type,2nd type,3rd type,Source Notes (things to know?),\n"
          "fakedaily-example.com,fake,,,,\n"
          "www.Spoof-Example.com,satire,,,,\n"
          "conspiracy-blog.wordpress.com,conspiracy,bias,,,\n"
          "thinktank-example.org/blog,political,reliable,,,\n"
          "disputed-example.com,bias,,,,\n"
          "statey-example.com,state,,,,\n")
    write(tmp_path / "fake_news_site_lists" / "politifact-2017-11.csv",
          '"domain","type_of_site","registration"\n'
          '"FakeDaily-Example.com","Fake news","Somewhere"\n'
          '"bignews.com.co","Imposter site","Elsewhere"\n')
    # BuzzFeed's snapshot has old-Mac CR-only line ends.
    write(tmp_path / "fake_news_site_lists" / "buzzfeed-2018-12.csv",
          'domain,2018,2017,2016,yrs,network\n"hoaxhits-example.com","1","","1","2","Hoax Network"\n',
          newline="\r")
    write(tmp_path / "us_news_domains" / "us-news-domains-v2.0.0.csv",
          "domain,ideology,type\ndisputed-example.com,,local\nrealtown-example.com,0.1,local\n"
          "socialsite-example.com,,\n")
    write(tmp_path / "us_news_domains" / "future_corrections.txt",
          "# The following domains should be excluded in a version 3.0:\nsocialsite-example.com; not news\n")
    write(tmp_path / "media_reliability" / "mbfc" / "mbfc.csv",
          "source,country,bias,factual_reporting,press_freedom,media_type,popularity,"
          "mbfc_credibility_rating,nela_gt_label\n"
          "lowfacts-example.com,usa,right,very low,mostly free,website,,low credibility,unreliable\n"
          "goodpaper-example.com,usa,least biased,high,mostly free,newspaper,,high credibility,reliable\n"
          "unfree-example.com,x,left,mixed,total oppression,news agency,,low credibility,mixed\n")
    return tmp_path


@pytest.fixture
def lists(lists_dir: Path) -> SiteLists:
    return load_site_lists(lists_dir, bundled=False)


def listing(domain: str, label: str, name: str = "made_up", list_date: str = "2020-01-01", **fields) -> Listing:
    return Listing(list=name, title=f"The {name} list", domain=domain, label=label, raw_label=fields.pop("raw", label),
                   list_date=list_date, licence="MIT", **fields)


def site_lists(*listings: Listing) -> SiteLists:
    names = sorted({item.list for item in listings})
    infos = tuple(ListInfo(name, f"The {name} list", "2020-01-01", "MIT", f"https://lists.example/{name}")
                  for name in names)
    return SiteLists(infos, listings)


# --- entries and lookups -------------------------------------------------------------------

@pytest.mark.parametrize("entry, expected", [
    ("www.Example-News.com", ("example-news.com", "")),
    ("https://m.example-news.com/politics/?page=2", ("example-news.com", "/politics")),
    ("http:example-news.com", ("example-news.com", "")),
    ("Spaced-Out. com", ("spaced-out.com", "")),
    ("bignews.com.co.", ("bignews.com.co", "")),
    ("someone.blogspot.com", ("someone.blogspot.com", "")),
    ("82.221.129.208", None),
    ("", None),
    ("blogspot.com", None),  # a public suffix, not a site
])
def test_entries_are_normalised_to_host_and_path(entry, expected):
    assert split_entry(entry) == expected


def test_an_entry_covers_its_subdomains_and_service_prefixes_but_not_its_parent():
    lists = site_lists(listing("fakedaily-example.com", "fake"), listing("news.other-example.com", "fake"))
    for query in ("fakedaily-example.com", "www.fakedaily-example.com", "m.fakedaily-example.com",
                  "https://edition.fakedaily-example.com/a/b", "FAKEDAILY-EXAMPLE.COM"):
        assert [item.domain for item in lists.lookup(query)] == ["fakedaily-example.com"], query
    assert lists.lookup("other-example.com") == ()
    assert lists.lookup("fakedaily-example.co.uk") == ()
    assert lists.lookup("not a domain") == ()


def test_a_hosting_platform_is_not_its_users(lists):
    assert [item.label for item in lists.lookup("conspiracy-blog.wordpress.com")] == ["unreliable"]
    assert lists.lookup("https://another-blog.wordpress.com/post") == ()
    platform = site_lists(listing("reddit.com", "unreliable", "perennial"))
    assert findings(platform, url="https://www.reddit.com/r/news/comments/x") == []


def test_an_entry_with_a_path_covers_only_that_section(lists):
    section = lists.lookup("https://thinktank-example.org/blog/post-1")
    assert [item.label for item in section] == ["political", "reliable"]
    assert lists.lookup("https://thinktank-example.org/blogger") == ()
    assert lists.lookup("thinktank-example.org") == ()


# --- the loader ---------------------------------------------------------------------------

def test_the_loader_reads_each_shared_data_layout(lists):
    names = {info.name for info in lists.lists}
    assert names == {"opensources", "fake_news_site_lists/politifact-2017-11", "fake_news_site_lists/buzzfeed-2018-12",
                     "media_reliability/mbfc", "us_news_domains"}
    [buzzfeed] = lists.lookup("hoaxhits-example.com")  # CR-only line ends
    assert (buzzfeed.label, buzzfeed.raw_label, buzzfeed.note) == (
        "fake", "top fake-news hits 2016, 2018", "Hoax Network")
    assert {(item.list, item.label) for item in lists.lookup("fakedaily-example.com")} == {
        ("opensources", "fake"), ("fake_news_site_lists/politifact-2017-11", "fake")}
    assert [item.raw_label for item in lists.lookup("bignews.com.co")] == ["Imposter site"]
    assert lists.lookup("socialsite-example.com") == ()  # dropped by future_corrections.txt
    assert lists.notes == ()  # every family was found


def test_lists_missing_from_the_directory_are_noted(lists_dir):
    partial = load_site_lists(lists_dir / "us_news_domains", bundled=False)
    assert {info.name for info in partial.lists} == {"us_news_domains"}
    assert sum("not found" in note for note in partial.notes) == 3


def test_opensources_tags_stay_apart_by_label_and_together_by_list(lists):
    [item] = lists.lookup("conspiracy-blog.wordpress.com")
    assert (item.list, item.label, item.raw_label, item.list_date, item.licence) == (
        "opensources", "unreliable", "conspiracy; bias", "2017-04-28", "LGPL-3.0")
    assert all(item.label in LABELS for item in lists.listings)


def test_mbfc_needs_a_poor_factual_record_to_call_a_site_unreliable(lists):
    assert [item.label for item in lists.lookup("lowfacts-example.com")] == ["unreliable"]
    assert [item.label for item in lists.lookup("goodpaper-example.com")] == ["reliable"]
    assert [item.label for item in lists.lookup("unfree-example.com")] == ["mixed"]


def test_a_missing_or_empty_lists_dir_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        load_site_lists(tmp_path / "nowhere")
    with pytest.raises(FileNotFoundError, match="holds none of the site lists"):
        load_site_lists(tmp_path)


def test_site_lists_are_immutable_and_pickle(lists):
    copy = pickle.loads(pickle.dumps(lists))
    assert copy == lists and copy.lookup("fakedaily-example.com") == lists.lookup("fakedaily-example.com")
    with pytest.raises(dataclasses.FrozenInstanceError):
        lists.listings = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        lists._index["new.com"] = ()  # type: ignore[index]


def test_the_bundled_file_holds_only_lists_whose_licence_allows_it():
    meta = json.loads(BUNDLED_META.read_text(encoding="utf-8"))
    assert {item["name"] for item in meta["lists"]} == {"fakenews_hosts", "machine_made_media", "state_media"}
    assert {item["licence"] for item in meta["lists"]} <= {"MIT", "Apache-2.0"}
    assert all(item["licence_text"] and item["rows"] > 0 for item in meta["lists"])
    assert {item["name"] for item in meta["not_bundled"]} == {
        "opensources", "fake_news_site_lists", "media_reliability", "us_news_domains"}
    bundled = load_site_lists()
    assert {item.list for item in bundled.listings} == {"fakenews_hosts", "machine_made_media", "state_media"}
    assert BUNDLED_CSV.read_text(encoding="utf-8").splitlines()[0] == "list,domain,path,label,raw_label,note"


def test_bundled_state_media_tells_state_control_from_independent_public_media():
    bundled = load_site_lists()
    assert {item.label for item in bundled.lookup("https://de.rt.com/x") if item.list == "state_media"} == {"state"}
    assert {item.label for item in bundled.lookup("www.bbc.co.uk") if item.list == "state_media"} == {"public"}
    # A language edition makes its registered domain the outlet's too.
    assert any(item.list == "state_media" for item in bundled.lookup("www.mehrnews.com"))


# --- findings -----------------------------------------------------------------------------

def test_a_site_on_fake_lists_only_gets_the_finding_with_list_name_date_label_and_age(lists):
    [finding] = findings(lists, url="https://www.fakedaily-example.com/2021/story.html")
    assert finding.code == "site.unreliable_list" and finding.severity == "medium"
    assert "fakedaily-example.com is on 2 public lists of unreliable or fake news sites" in finding.message
    assert "OpenSources, 2017-04-28, 4.0 years old when the article was published: “fake”" in finding.message
    assert ("PolitiFact Fake News Almanac, 2017-11, 3.5 years old when the article was published: “Fake news”"
            in finding.message)
    assert finding.evidence[0].text == "www.fakedaily-example.com" and finding.evidence[0].where == "domain"
    assert [e.where for e in finding.evidence[1:]] == ["site_list", "site_list"]
    assert {ref.source for ref in finding.refs} == {
        "site list opensources", "site list fake_news_site_lists/politifact-2017-11"}
    assert all("LGPL-3.0" in ref.detail for ref in finding.refs if ref.source == "site list opensources")


def test_an_undated_page_measures_list_age_today(lists):
    [finding] = findings(lists, domain="fakedaily-example.com", published=None)
    assert "OpenSources, 2017-04-28, 8.1 years old: “fake”" in finding.message


def test_a_list_newer_than_the_article_says_so():
    lists = site_lists(listing("fakedaily-example.com", "fake", list_date="2023-04-28"))
    [finding] = findings(lists, domain="fakedaily-example.com", published="2021-04-28")
    assert "2.0 years after the article" in finding.message


def test_a_site_only_called_satire_is_low(lists):
    [finding] = findings(lists, url="http://spoof-example.com/")
    assert (finding.code, finding.severity) == ("site.unreliable_list", "low")
    assert "lists of satire" not in finding.message and "1 public list of satire" in finding.message


def test_a_site_on_a_real_outlet_list_and_a_fake_list_is_disputed_not_fake(lists):
    [finding] = findings(lists, domain="disputed-example.com")
    assert (finding.code, finding.severity) == ("site.disputed_lists", "low")
    assert "OpenSources" in finding.message and "US news domains" in finding.message
    assert "not reported as fake" in finding.message


def test_state_media_is_low_and_independent_public_media_info():
    lists = site_lists(listing("statetv-example.com", "state", "state_media", raw="SC: state-controlled"),
                       listing("publictv-example.com", "public", "state_media", raw="IP: independent public"))
    [state] = findings(lists, domain="statetv-example.com")
    [public] = findings(lists, url="https://news.publictv-example.com/a")
    assert (state.code, state.severity) == ("site.state_affiliated", "low")
    assert "SC: state-controlled" in state.message
    assert (public.code, public.severity) == ("site.state_affiliated", "info")
    assert "editorially independent" in public.message and "listed as publictv-example.com" in public.message


def test_no_finding_for_a_site_no_list_names(lists):
    assert findings(lists, url="https://www.realtown-example.com/news/1") == []
    assert findings(lists, url="https://unknown-example.net/") == []
    assert findings(lists) == []  # neither URL nor domain
    assert findings(lists, domain="goodpaper-example.com") == []


def test_the_catalogue_lists_every_code_and_severity_the_check_emits(lists):
    site_codes = {code: entry for code, entry in codes.CATALOGUE.items() if entry.family == "site"}
    emitted = [f for domain in ("fakedaily-example.com", "spoof-example.com", "disputed-example.com",
                                "statey-example.com") for f in findings(lists, domain=domain)]
    assert {f.code for f in emitted} == set(site_codes) == {
        codes.SITE_UNRELIABLE_LIST, codes.SITE_DISPUTED_LISTS, codes.SITE_STATE_AFFILIATED}
    for finding in emitted:
        codes.check_finding(finding.code, finding.severity)
    assert all(entry.meaning and entry.score == "provenance" for entry in site_codes.values())


def test_the_check_is_registered_and_its_findings_pass_the_catalogue(lists):
    assert check_reputation in registered_checks()

    class Resources:
        site_lists = lists
    found = run_checks(make_report(domain="fakedaily-example.com"), Resources(), [check_reputation])
    assert [f.code for f in found] == ["site.unreliable_list"]


def test_evidence_gives_each_lists_name_licence_date_label_and_age(lists):
    [finding] = findings(lists, url="https://www.fakedaily-example.com/2021/story.html")
    lines = [e.text for e in finding.evidence if e.where == "site_list"]
    assert "OpenSources (LGPL-3.0), 2017-04-28, 4.0 years old when the article was published: “fake”" in lines


# --- the outlet table as a list of real outlets ---------------------------------------------

def test_an_outlet_of_the_outlet_table_on_a_fake_list_is_disputed_not_fake():
    lists = site_lists(listing("nytimes.com", "unreliable", "blocklist", raw="blocklisted"))
    outlets = load_outlets()
    report = make_report(url="https://www.nytimes.com/2021/04/28/world/story.html")
    [finding] = check_site_reputation(report, lists, today=TODAY, outlets=outlets)
    assert (finding.code, finding.severity) == ("site.disputed_lists", "low")
    assert "1 list of real outlets lists it too (newsaudit outlet table" in finding.message
    assert any("The New York Times" in e.text for e in finding.evidence)
    assert any(ref.source == "site list newsaudit_outlets" for ref in finding.refs)
    assert list(check_site_reputation(report, lists, today=TODAY)) != [finding]  # without the table: fake


def test_a_state_outlet_in_the_outlet_table_keeps_its_own_state_label():
    lists = site_lists(listing("statetv-example.com", "unreliable", "blocklist"),
                       listing("statetv-example.com", "state", "state_media", raw="SC: state-controlled"))

    class Outlets:
        @staticmethod
        def by_domain(domain):
            from newsaudit.reference.outlets import Outlet
            return Outlet("State TV", "statetv-example.com", "XX") if domain == "statetv-example.com" else None
    found = list(check_site_reputation(make_report(domain="statetv-example.com"), lists, today=TODAY,
                                       outlets=Outlets()))
    assert [(f.code, f.severity) for f in found] == [("site.disputed_lists", "low"), ("site.state_affiliated", "low")]


def test_the_outlet_table_alone_gives_no_finding():
    outlets = load_outlets()
    assert list(check_site_reputation(make_report(url="https://www.nytimes.com/a"), site_lists(), today=TODAY,
                                      outlets=outlets)) == []


def test_the_bundled_lists_flag_no_outlet_of_the_outlet_table_as_fake():
    bundled, outlets = load_site_lists(), load_outlets()
    fake = sorted(outlet.domain for outlet in outlets.outlets
                  for f in check_site_reputation(make_report(url=f"https://{outlet.domain}/a"), bundled,
                                                 today=TODAY, outlets=outlets)
                  if f.code == "site.unreliable_list")
    assert fake == []


def test_the_registry_form_reads_lists_from_resources(lists):
    class Resources:
        site_lists = lists
    found = list(check_reputation(make_report(domain="fakedaily-example.com"), Resources()))
    assert [f.code for f in found] == ["site.unreliable_list"]


def test_findings_fit_the_report_schema(lists, report_schema):
    jsonschema = pytest.importorskip("jsonschema")
    found = tuple(f for domain in ("fakedaily-example.com", "disputed-example.com", "statey-example.com")
                  for f in findings(lists, domain=domain))
    report = dataclasses.replace(make_report(domain="fakedaily-example.com"), findings=found)
    jsonschema.validate(report.to_dict(), report_schema)


# --- the shared lists and real pages (../shared/data) --------------------------------------

@pytest.fixture(scope="module")
def shared_lists() -> SiteLists:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"{SHARED_DATA} is absent: the shared site lists and real pages live only beside the repo")
    return load_site_lists(SHARED_DATA)


def real_page_urls() -> list[str]:
    truth = json.loads((SHARED_DATA / "article_extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    return [page["url"] for page in truth.values()]


def codes_for(lists: SiteLists, url: str) -> set[str]:
    return {f.code for f in check_site_reputation(make_report(url=url), lists, today=TODAY)}


@pytest.mark.parametrize("domain", ["abcnews.com.co", "nationalreport.net", "70news.wordpress.com",
                                    "yournewswire.com", "naturalnews.com"])
def test_sites_on_the_shared_unreliable_lists_get_the_finding(shared_lists, domain):
    assert "site.unreliable_list" in codes_for(shared_lists, f"https://www.{domain}/story")


def test_bundled_lists_alone_flag_known_fake_sites():
    bundled = load_site_lists()
    for domain in ("abcnews.com.co", "yournewswire.com"):
        assert "site.unreliable_list" in codes_for(bundled, f"http://{domain}/a")


def test_real_pages_get_no_unreliable_list_finding(shared_lists):
    urls = real_page_urls()
    assert len(urls) == 127
    flagged = sorted(url for url in urls if "site.unreliable_list" in codes_for(shared_lists, url))
    assert flagged == []


def test_the_reliable_list_gets_no_unreliable_list_finding(shared_lists):
    reliable = (SHARED_DATA / "machine_made_media_sites" / "reliable_domains.txt").read_text(encoding="utf-8").split()
    assert len(reliable) > 2000
    flagged = sorted(domain for domain in reliable if "site.unreliable_list" in codes_for(shared_lists, domain))
    assert flagged == []
    assert all(item.label in NEGATIVE | POSITIVE | {"state", "public", "mixed", "political", "other"}
               for item in shared_lists.listings)


def test_the_bundled_file_is_what_the_build_script_makes_from_shared_data(shared_lists):
    spec = importlib.util.spec_from_file_location("build_site_lists", ROOT / "scripts" / "build_site_lists.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    listings, _skipped = module.build(SHARED_DATA)
    assert tuple(listings) == load_site_lists().listings
