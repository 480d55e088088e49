"""The gazetteer's disk cache gives the same answers as a fresh build, and survives a damaged file."""

from __future__ import annotations

from newsaudit.reference.gazetteer import load_gazetteer

NAMES = ("Pokrovsk", "Kiev", "Kostiantynivka", "Rostov Oblast", "Paris", "Springfield")


def test_a_cached_gazetteer_answers_like_a_fresh_one(tmp_path):
    fresh = load_gazetteer(tmp_path)  # builds and writes the cache
    [cached_file] = list(tmp_path.glob("gazetteer-*.marshal"))
    cached = load_gazetteer(tmp_path)
    assert type(cached.records).__name__ == "_Records"
    for name in NAMES:
        assert cached.resolve(name, "UA") == fresh.resolve(name, "UA")
    cached_file.write_bytes(b"not a gazetteer")
    rebuilt = load_gazetteer(tmp_path)
    assert rebuilt.resolve("Pokrovsk", "UA") == fresh.resolve("Pokrovsk", "UA")
    assert cached_file.stat().st_size > 1_000_000  # replaced by a whole new cache
