"""Build ``src/newsaudit/data/site_lists.csv`` and ``site_lists.json`` from the shared site lists.

    python scripts/build_site_lists.py [--data ../shared/data] [--out src/newsaudit/data]

Only lists whose licence lets them ship inside an MIT package are bundled (MIT, Apache-2.0 or
CC BY, with the licence text carried along in ``site_lists.json``); the others are read at run
time from a directory the user names (``load_site_lists(lists_dir=...)``, later ``--lists DIR``).
The decision for each list of ``../shared/data``, from its SOURCE.md and LICENSE:

Bundled
- ``fakenews_hosts_blocklist`` (marktron/fakenews): MIT. 2,194 hand-curated domains, no
  per-site category, so every entry is labelled ``unreliable`` with raw label "blocklisted".
  Dated 2022-10-20, the last change to the list (upstream is deprecated and says it is outdated).
- ``machine_made_media_sites`` (Hanley & Durumeric, ICWSM 2024): Apache-2.0. The paper's
  reliable/mainstream and unreliable/misinformation website populations. Dated 2024-03-18, the
  last change to the two files.
- ``state_media`` (ASD at GMF State Media Profiles, State Media Monitor typology): MIT. Only the
  ``URL`` column and the typology: SC, CaPu, CaPr (state-controlled or captured) become
  ``state``; IP, ISFM, ISF, ISM (funded or managed by the state, editorially independent)
  become ``public``, as upstream warns they must not be treated like SC outlets. Dated
  2023-08-24, the last change to the matrix.

Not bundled (read from the user's directory)
- ``opensources``: LGPL-3.0, a copyleft licence, not one of MIT/Apache-2.0/CC BY.
- ``fake_news_site_lists`` (hearvox/unreliable-news): GPL-3.0, copyleft; the lists are the
  publishers' (PolitiFact, Snopes, BuzzFeed, ...) work as compiled there.
- ``media_reliability`` (idiap/News-Media-Reliability): the code is Apache-2.0 but the labels are
  third-party ratings: Media Bias/Fact Check and NewsGuard are commercial ratings (never
  bundled), Wikipedia's perennial-sources verdicts are CC BY-SA (share-alike, not CC BY), and
  the "manual" list's provenance is not documented.
- ``us_news_domains`` (ercexpo/us-news-domains): no licence stated, so all rights are reserved.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsaudit.reference.lists import (  # noqa: E402 - after the src path is set
    CSV_COLUMNS, PLATFORMS, ListInfo, Listing, Row, make_listings, registered_domain, split_entry,
)

# State Media Monitor typology (upstream README): code -> (normalised label, meaning).
TYPOLOGY = {
    "SC": ("state", "state-controlled"),
    "CaPu": ("state", "captured public/state-managed"),
    "CaPr": ("state", "captured private"),
    "ISFM": ("public", "independent state-funded and state-managed"),
    "IP": ("public", "independent public"),
    "ISF": ("public", "independent state-funded"),
    "ISM": ("public", "independent state-managed"),
}
# Leading labels that name a language edition of the same outlet ("english.alarabiya.net"):
# a state outlet's edition makes its registered domain the outlet's too.
EDITION_LABELS = frozenset({
    "en", "eng", "english", "ar", "arabic", "ru", "russian", "fr", "francais", "french", "de", "german",
    "es", "espanol", "spanish", "mundo", "pt", "portuguese", "br", "tr", "turkish", "ur", "urdu", "fa",
    "persian", "zh", "cn", "ch", "chinese", "ja", "jp", "japanese", "ko", "korean", "it", "pl", "gr",
    "rs", "az", "lt", "uk", "hk",
})

BUNDLED = {
    "fakenews_hosts": ListInfo(
        "fakenews_hosts", "marktron/fakenews hosts blocklist", "2022-10-20", "MIT",
        "https://github.com/marktron/fakenews", True,
        "Hand-curated 2016-2022 blocklist of sites that 'willfully and regularly spread clickbait, "
        "hoaxes, propaganda and disinformation'; unlabelled, deprecated upstream."),
    "machine_made_media": ListInfo(
        "machine_made_media", "Machine-Made Media site lists (Hanley & Durumeric, ICWSM 2024)", "2024-03-18",
        "Apache-2.0", "https://github.com/hanshanley/machine-made-media", True,
        "Reliable/mainstream and unreliable/misinformation news-site populations of the paper."),
    "state_media": ListInfo(
        "state_media", "State Media Profiles (ASD at GMF, State Media Monitor typology)", "2023-08-24", "MIT",
        "https://github.com/ASD-at-GMF/state-media-profiles", True,
        "State-affiliated outlets of 158 countries coded by degree of state control."),
}
SOURCES = {  # list -> (folder in the shared data, upstream commit)
    "fakenews_hosts": ("fakenews_hosts_blocklist", "marktron/fakenews@63730dc22a95c648e54932694c82031418a79fce"),
    "machine_made_media": ("machine_made_media_sites",
                           "hanshanley/machine-made-media@2cff68d320d17e3a70afab6941a14e00737c0a45"),
    "state_media": ("state_media", "ASD-at-GMF/state-media-profiles@d878fee1e0aecce9bd63a65ae826df84c6d80e59"),
}
NOT_BUNDLED = {
    "opensources": ("LGPL-3.0", "copyleft licence (not MIT, Apache-2.0 or CC BY)"),
    "fake_news_site_lists": ("GPL-3.0", "copyleft licence; the publishers' lists as compiled by hearvox"),
    "media_reliability": ("Apache-2.0 code, third-party labels",
                          "commercial ratings (MBFC, NewsGuard) and CC BY-SA Wikipedia verdicts"),
    "us_news_domains": ("none stated", "no licence: all rights reserved"),
}


def read_hosts(path: Path) -> Iterator[Row]:
    """A hosts file: ``0.0.0.0 domain`` per line; comments and the null host skipped."""
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) >= 2 and fields[1] not in ("0.0.0.0", "localhost"):
            yield Row("fakenews_hosts", fields[1], "unreliable", "blocklisted")


def read_machine_made(folder: Path) -> Iterator[Row]:
    """The two one-domain-a-line files; an entry "a.com/b.com" names two domains."""
    for file_name, label, raw in (("reliable_domains.txt", "reliable", "reliable/mainstream"),
                                  ("unreliable_domains.txt", "unreliable", "unreliable/misinformation")):
        for line in (folder / file_name).read_text(encoding="utf-8").splitlines():
            for entry in _domain_alternatives(line.strip()):
                yield Row("machine_made_media", entry, label, raw)


def _domain_alternatives(entry: str) -> list[str]:
    """``["a.com", "b.com"]`` for "a.com/b.com" when both halves are domains, else ``[entry]``."""
    halves = entry.split("/")
    if len(halves) == 2 and all(re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", half) for half in halves):
        return halves
    return [entry] if entry else []


def read_state_media(path: Path) -> Iterator[Row]:
    """``State_Media_Matrix.csv``: each outlet's URL, typology and names (the path is dropped)."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            code = row.get("Typology", "").strip()
            entry = split_entry(row.get("URL", ""))
            typology = TYPOLOGY.get(code.rstrip("?"))
            if entry is None or typology is None:
                continue
            label, meaning = typology
            yield from (Row("state_media", host, label, f"{code}: {meaning}", _state_note(row))
                        for host in _state_hosts(entry[0]))


def _state_hosts(host: str) -> list[str]:
    """The host, and its registered domain when the host is a language edition of it."""
    registered = registered_domain(host)
    first = host.split(".", 1)[0]
    if registered and host != registered and first in EDITION_LABELS and registered not in PLATFORMS:
        return [host, registered]
    return [host]


def _state_note(row: dict[str, str]) -> str:
    """The outlet and its country: "RT International (Russia)"."""
    name = (row.get("Main assets", "").strip() or row.get("Media company", "").strip()).rstrip("*").strip()
    country = row.get("Country", "").strip()
    return f"{name} ({country})" if name and country else name or country


def build(data: Path) -> tuple[list[Listing], int]:
    """Listings of the bundled lists, sorted, and the number of unusable rows skipped."""
    rows = [
        *read_hosts(data / "fakenews_hosts_blocklist" / "fakenews.hosts"),
        *read_machine_made(data / "machine_made_media_sites"),
        *read_state_media(data / "state_media" / "State_Media_Matrix.csv"),
    ]
    listings, skipped = make_listings(rows, BUNDLED)
    return sorted(listings, key=lambda item: (item.list, item.domain, item.path, item.label)), skipped


def write_csv(listings: list[Listing], path: Path) -> None:
    """The bundled CSV: a header, then one row per listing, LF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in listings:
        writer.writerow([getattr(item, column) for column in CSV_COLUMNS])
    path.write_text(buffer.getvalue(), encoding="utf-8")


def metadata(listings: list[Listing], data: Path) -> dict:
    """List metadata with row counts, origin, licence text; and why the others are not here."""
    lists = []
    for name, info in BUNDLED.items():
        folder, origin = SOURCES[name]
        lists.append({
            "name": name, "title": info.title, "date": info.date, "licence": info.licence,
            "source_url": info.source_url, "origin": origin, "description": info.description,
            "rows": sum(1 for item in listings if item.list == name),
            "licence_text": (data / folder / "LICENSE").read_text(encoding="utf-8").strip(),
        })
    not_bundled = [{"name": name, "licence": licence, "reason": reason}
                   for name, (licence, reason) in NOT_BUNDLED.items()]
    return {"generated_by": "scripts/build_site_lists.py", "lists": lists, "not_bundled": not_bundled}


def main(argv: list[str] | None = None) -> int:
    """Build both files and print what was written."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "newsaudit" / "data")
    args = parser.parse_args(argv)
    listings, skipped = build(args.data)
    write_csv(listings, args.out / "site_lists.csv")
    meta = metadata(listings, args.data)
    (args.out / "site_lists.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n",
                                              encoding="utf-8")
    counts = ", ".join(f"{item['name']} {item['rows']}" for item in meta["lists"])
    print(f"wrote {len(listings)} listings ({counts}); {skipped} rows skipped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
