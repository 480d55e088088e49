"""Story links and corroboration over a DuckDB store made by ``newsaudit batch``.

``link_store(connection)`` reads the store's ``articles`` table (``article_id`` and the whole
report as JSON in ``report``), links the articles that report one story, and rewrites two tables:

- ``story_links(article_id, other_article_id, score)``: each link in both directions;
- ``corpus_findings(article_id, idx, code, severity, message, evidence, refs)``: the
  ``claim.corroborated`` and ``claim.contradicted_elsewhere`` findings of each linked article
  (evidence and refs as JSON, in the report's own shape).

The articles are read in chunks and kept as small sketches; the full reports are read again only
for the articles that have links, a group of linked articles at a time, so memory stays with the
sketches and the largest group. ``corroborate_with_store(connection, report)`` sets one new
article beside the stored articles of its days (for ``newsaudit check ARTICLE --store``).
Example::

    import duckdb
    from newsaudit.corpus.store import link_store
    link_store(duckdb.connect("corpus.duckdb"))
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Iterable, Iterator, Optional, Sequence

from pathlib import Path

from ..errors import ConfigError
from ..model import Finding, Report, to_dict
from .corroborate import corroborate, corroborate_one
from .stories import LINK_SCORE, WINDOW_DAYS, Link, Sketch, link_stories, sketch, sketch_data

CHUNK = 2000  # articles read per query
GROUP_ARTICLES = 2000  # linked articles whose reports are read together for corroboration

LINKS_DDL = ("CREATE TABLE IF NOT EXISTS story_links (article_id VARCHAR NOT NULL, "
             "other_article_id VARCHAR NOT NULL, score DOUBLE, PRIMARY KEY (article_id, other_article_id))")
FINDINGS_DDL = ("CREATE TABLE IF NOT EXISTS corpus_findings (article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, "
                "code VARCHAR, severity VARCHAR, message VARCHAR, evidence JSON, refs JSON, "
                "PRIMARY KEY (article_id, idx))")


@dataclass(frozen=True)
class LinkSummary:
    articles: int
    links: int  # pairs, each counted once
    findings: int


def link_store(connection: Any, *, score: float = LINK_SCORE, corroborate_claims: bool = True) -> LinkSummary:
    """Link the store's articles and write ``story_links`` (and ``corpus_findings``)."""
    sketches = list(_sketches(connection))
    links = link_stories(sketches, score=score)
    connection.execute(LINKS_DDL)
    connection.execute("DELETE FROM story_links")
    _insert(connection, "story_links", [(l.article_id, l.other_article_id, l.score) for l in links])
    found = _write_findings(connection, links) if corroborate_claims else 0
    return LinkSummary(len(sketches), len(links) // 2, found)


def link_new(connection: Any, article_ids: Iterable[str], *, score: float = LINK_SCORE,
             corroborate_claims: bool = True) -> LinkSummary:
    """Link only the given (newly stored) articles, against the stored articles of their days,
    and update ``story_links`` and ``corpus_findings`` for them and the articles they link to:
    the pass ``newsaudit batch --link-stories=new`` runs, whose cost follows the new articles
    rather than the store. Weights are read from the articles of those days, so a score can
    differ a little from a whole-store pass (``link_store``), which rewrites every link."""
    new = sorted(set(article_ids))
    connection.execute(LINKS_DDL)
    connection.execute(FINDINGS_DDL)
    if not new:
        return LinkSummary(0, 0, 0)
    fresh = [sketch_data(data) for data in _by_ids(connection, new)]
    days = {s.day for s in fresh}
    near = sorted({day + timedelta(days=shift) for day in days if day is not None
                   for shift in range(-WINDOW_DAYS, WINDOW_DAYS + 1)})
    clauses, parameters = [], []
    if near:
        clauses.append(f"published_date IN ({', '.join('?' for _ in near)})")
        parameters += near
    if None in days:
        clauses.append("published_date IS NULL")
    if "published_date" not in _columns(connection, "articles"):
        clauses, parameters = ["TRUE"], []
    query = f"SELECT article_id, report FROM articles WHERE {' OR '.join(clauses)}"
    mine = {s.article_id for s in fresh}
    pool = fresh + [s for s in map(sketch_data, _datas(connection, query, tuple(parameters))) if s.article_id not in mine]
    links = [l for l in link_stories(pool, score=score) if l.article_id in mine or l.other_article_id in mine]
    _delete(connection, "story_links", new, "article_id")
    _delete(connection, "story_links", new, "other_article_id")
    _insert(connection, "story_links", [(l.article_id, l.other_article_id, l.score) for l in links])
    found = 0
    if corroborate_claims:
        touched = sorted(mine | {l.article_id for l in links} | {l.other_article_id for l in links})
        marks = ", ".join("?" for _ in touched)
        all_links = [Link(a, b, value) for a, b, value in connection.execute(
            f"SELECT article_id, other_article_id, score FROM story_links WHERE article_id IN ({marks}) "
            f"OR other_article_id IN ({marks})", touched + touched).fetchall()]
        _delete(connection, "corpus_findings", touched, "article_id")
        found = _write_findings(connection, all_links, only=set(touched), clear=False)
    return LinkSummary(len(new), len(links) // 2, found)


def _by_ids(connection: Any, ids: Sequence[str]) -> Iterator[dict]:
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        yield from _datas(connection, f"SELECT article_id, report FROM articles WHERE article_id IN "
                                      f"({', '.join('?' for _ in chunk)})", tuple(chunk))


def _delete(connection: Any, table: str, ids: Sequence[str], column: str) -> None:
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        connection.execute(f"DELETE FROM {table} WHERE {column} IN ({', '.join('?' for _ in chunk)})", chunk)


def open_store(path: str | Path) -> Any:
    """A read-only connection to a store made by ``newsaudit batch``, or a ``ConfigError`` that
    says in one line why the file is not one (missing, a folder, not DuckDB, locked, no
    ``articles`` table of reports)."""
    import duckdb

    path = Path(path)
    if not path.exists():
        raise ConfigError(f"store {path} does not exist (make one with: newsaudit batch INPUT... --store {path})")
    if path.is_dir():
        raise ConfigError(f"store {path} is a directory, not a DuckDB file")
    try:
        connection = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as error:
        if "not a valid DuckDB database" in str(error) or not isinstance(error, duckdb.IOException):
            raise ConfigError(f"store {path} is not a DuckDB file") from error
        raise ConfigError(f"cannot open store {path}: {_first_line(error)}") from error
    tables = {row[0] for row in connection.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
    if "articles" not in tables or "store_meta" not in tables \
            or not {"article_id", "report"} <= _columns(connection, "articles"):
        connection.close()
        raise ConfigError(f"{path} is not a newsaudit store (no articles table of reports from newsaudit batch)")
    return connection


def _first_line(error: BaseException) -> str:
    return " ".join(str(error).split())[:300]


@dataclass(frozen=True)
class StoreCheck:
    """One article set beside a store: how many stored articles were read (its days), which of
    them report its story, and the findings."""

    read: int
    linked: tuple[Link, ...]
    findings: tuple[Finding, ...]

    def note(self, store: str) -> str:
        if not self.linked:
            return (f"store {store}: none of the {self.read} stored articles published within {WINDOW_DAYS} days "
                    "of this one reports its story; no claim was compared")
        return (f"store {store}: {len(self.linked)} of the {self.read} stored articles published within "
                f"{WINDOW_DAYS} days report the same story; their claims were compared with this one's")


def corroborate_with_store(connection: Any, report: Report, *, score: float = LINK_SCORE) -> list[Finding]:
    """One article's ``claim.corroborated`` / ``claim.contradicted_elsewhere`` findings against the
    store's articles published within the linking window of it (``newsaudit check --store``)."""
    return list(check_against_store(connection, report, score=score).findings)


def check_against_store(connection: Any, report: Report, *, score: float = LINK_SCORE) -> StoreCheck:
    """``corroborate_with_store`` with what was read and linked. The stored copy of the article
    itself (the same article id, or the same body text: the same page read without its address
    or from another record) is left out: an article does not corroborate itself."""
    mine = sketch(report)
    if "published_date" not in _columns(connection, "articles"):
        query, parameters = "SELECT article_id, report FROM articles WHERE article_id <> ?", (mine.article_id,)
    elif mine.day is None:
        query = "SELECT article_id, report FROM articles WHERE published_date IS NULL AND article_id <> ?"
        parameters = (mine.article_id,)
    else:
        first, last = mine.day - timedelta(days=WINDOW_DAYS), mine.day + timedelta(days=WINDOW_DAYS)
        query = "SELECT article_id, report FROM articles WHERE published_date BETWEEN ? AND ? AND article_id <> ?"
        parameters = (first, last, mine.article_id)
    text = " ".join(report.article.text.split())
    others = [(sketch_data(data), data) for data in _datas(connection, query, parameters)
              if " ".join(str((data.get("article") or {}).get("text") or "").split()) != text]
    pool = [mine, *(s for s, _data in others if s.article_id != mine.article_id)]
    links = tuple(l for l in link_stories(pool, score=score) if l.article_id == mine.article_id)
    if not links:
        return StoreCheck(len(others), (), ())
    linked = {l.other_article_id for l in links}
    reports = [Report.from_dict(data) for s, data in others if s.article_id in linked]
    return StoreCheck(len(others), links, tuple(corroborate_one(report, reports, links)))


def _columns(connection: Any, table: str) -> set[str]:
    return {row[0] for row in connection.execute(f"DESCRIBE {table}").fetchall()}


def _datas(connection: Any, query: str, parameters: tuple = ()) -> Iterator[dict]:
    cursor = connection.execute(query, parameters)
    while True:
        rows = cursor.fetchmany(CHUNK)
        if not rows:
            return
        for _article_id, report in rows:
            yield json.loads(report) if isinstance(report, str) else report


def _reports(connection: Any, query: str, parameters: tuple = ()) -> Iterator[Report]:
    """Reports as far as corroboration reads them: article, claims and quotes (rebuilding the
    findings, places and stages too cost more than comparing the claims)."""
    for data in _datas(connection, query, parameters):
        article = {key: value for key, value in (data.get("article") or {}).items() if key not in ("sections", "media")}
        yield Report.from_dict({key: data[key] for key in ("tool", "input", "claims", "quotes", "schema_version")
                                if key in data} | {"article": article})


def _sketches(connection: Any) -> Iterator[Sketch]:
    for data in _datas(connection, "SELECT article_id, report FROM articles"):  # links do not depend on order
        yield sketch_data(data)


def _write_findings(connection: Any, links: list[Link], *, only: Optional[set[str]] = None,
                    clear: bool = True) -> int:
    """``corpus_findings`` rows for the linked articles (those in ``only`` when given)."""
    connection.execute(FINDINGS_DDL)
    if clear:
        connection.execute("DELETE FROM corpus_findings")
    written = 0
    for group in _groups(links):
        ids = sorted({l.article_id for l in group} | {l.other_article_id for l in group})
        marks = ", ".join("?" for _ in ids)
        reports = list(_reports(connection, f"SELECT article_id, report FROM articles WHERE article_id IN ({marks})",
                                tuple(ids)))
        rows = []
        for article, findings in corroborate(reports, group).items():
            if only is not None and article not in only:
                continue
            for index, finding in enumerate(findings):
                data = to_dict(finding)
                rows.append((article, index, finding.code, finding.severity, finding.message,
                             json.dumps(data["evidence"], ensure_ascii=False), json.dumps(data["refs"], ensure_ascii=False)))
        _insert(connection, "corpus_findings", rows)
        written += len(rows)
    return written


def _insert(connection: Any, table: str, rows: list[tuple]) -> None:
    """Rows through an Arrow table (one scan); a parameterised ``INSERT`` binds every value
    separately, which made writing a large corpus's links take minutes."""
    if not rows:
        return
    import pyarrow as pa

    names = [row[0] for row in connection.execute(f"DESCRIBE {table}").fetchall()]
    columns = list(zip(*rows))
    connection.from_arrow(pa.table({name: pa.array(column) for name, column in zip(names, columns)})).insert_into(table)


def _groups(links: list[Link]) -> Iterator[list[Link]]:
    """Links in groups of whole connected stories, ``GROUP_ARTICLES`` articles or so at a time."""
    parent: dict[str, str] = {}

    def root(item: str) -> str:
        parent.setdefault(item, item)
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for link in links:
        a, b = root(link.article_id), root(link.other_article_id)
        if a != b:
            parent[max(a, b)] = min(a, b)
    stories: dict[str, list[Link]] = {}
    for link in links:
        stories.setdefault(root(link.article_id), []).append(link)
    group: list[Link] = []
    articles = 0
    for key in sorted(stories):
        group += stories[key]
        articles += len({l.article_id for l in stories[key]})
        if articles >= GROUP_ARTICLES:
            yield group
            group, articles = [], 0
    if group:
        yield group
