"""The package layout holds: stage packages never import each other; shared layers import no stage."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsaudit"
STAGE_PACKAGES = ("structure", "claims", "checks")
SHARED_LAYERS = ("text", "reference")


def imported_packages(path: Path) -> set[str]:
    return imported_by(path.read_text(encoding="utf-8"), path.relative_to(PACKAGE).parts[:-1])


def imported_by(source: str, relative_to: tuple[str, ...]) -> set[str]:
    """The first-level newsaudit packages a module in ``relative_to`` imports, at any depth."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(relative_to[: len(relative_to) - node.level + 1])
                parts = base + (node.module.split(".") if node.module else [])
                names = [parts + [alias.name] for alias in node.names] if not node.module else [parts]
            elif (node.module or "").startswith("newsaudit."):
                names = [node.module.split(".")[1:]]
            else:
                continue
            found.update(name[0] for name in names if name)
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("newsaudit."))
    return found


def modules_of(package: str) -> list[Path]:
    return sorted((PACKAGE / package).rglob("*.py"))


@pytest.mark.parametrize("package", STAGE_PACKAGES)
def test_a_stage_package_imports_no_other_stage_package(package: str):
    for module in modules_of(package):
        others = imported_packages(module) & (set(STAGE_PACKAGES) - {package})
        assert not others, f"{module.relative_to(PACKAGE)} imports {sorted(others)}"


@pytest.mark.parametrize("layer", SHARED_LAYERS)
def test_shared_layers_import_no_stage_package(layer: str):
    for module in modules_of(layer):
        stages = imported_packages(module) & set(STAGE_PACKAGES)
        assert not stages, f"{module.relative_to(PACKAGE)} imports {sorted(stages)}"


def test_the_import_scanner_sees_relative_absolute_and_local_imports():
    source = ("from ..claims.quotes import x\nfrom newsaudit.structure import y\nfrom .. import text\n"
              "def f():\n    from .common import evidence\n    import newsaudit.reference.outlets\n")
    assert imported_by(source, ("checks",)) == {"claims", "structure", "text", "checks", "reference"}
