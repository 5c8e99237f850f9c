"""Import layering of extraction, learning and evaluation, read from the source (no module is imported).

Every ``import`` and ``from … import`` statement of every module under ``src/storyline`` counts, those inside
functions too. The rules keep the loop extract → learn → eval → extract from coming back:

* extraction (``storyline.extract``) imports nothing from ``storyline.learn`` but the model registry
  ``storyline.learn.models`` (loading a trained model file is fine; a feature extraction needs lives in
  ``extract/``);
* the model registry imports, directly or not, nothing from ``extract`` or ``eval``;
* nothing under ``extract/`` or ``learn/`` imports an ``eval`` module that imports, directly or not, an
  ``extract`` module (gold readers such as ``eval/polnear.py`` import no extraction);
* the modules of ``extract``, ``learn`` and ``eval`` import one another without a cycle.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "storyline"
REGISTRY = "storyline.learn.models"
LAYERED = ("storyline.extract", "storyline.learn", "storyline.eval")


def _modules() -> dict[str, Path]:
    """Dotted name → file of every module of the package (a package is its ``__init__``)."""
    found = {}
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _in(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


@cache
def imports(name: str) -> frozenset[str]:
    """The package's own modules that module ``name`` imports anywhere in its source: for ``from X import
    y``, ``X`` and, when ``y`` is a module of X, ``X.y`` as well."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if _is_package(name) else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return frozenset(m for m in found if m in MODULES and m != name and _in(m, PACKAGE))


@cache
def reaches(name: str) -> frozenset[str]:
    """Every module of the package that importing ``name`` imports, directly or not."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        for target in imports(todo.pop()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return frozenset(seen - {name})


def _under(package: str) -> list[str]:
    return [m for m in MODULES if _in(m, package) and m != package]


def test_the_import_reader_sees_the_known_imports():
    assert "storyline.extract.attribution" in imports("storyline.extract.pipeline")
    assert REGISTRY in imports("storyline.extract.attribution")
    assert "storyline.learn.content_ends" in imports("storyline.learn.attribution")  # from . import content_ends
    assert "storyline.eval.attribution" in imports("storyline.eval.slices")  # inside a function


def test_extraction_imports_no_learning_but_the_model_registry():
    wrong = {m: sorted(t for t in imports(m) if _in(t, "storyline.learn") and t not in {REGISTRY, "storyline.learn"})
             for m in _under("storyline.extract")}
    assert {m: t for m, t in wrong.items() if t} == {}


def test_the_model_registry_imports_no_extraction_or_evaluation():
    assert [t for t in reaches(REGISTRY) if _in(t, "storyline.extract") or _in(t, "storyline.eval")] == []


def test_extraction_and_learning_import_no_evaluation_that_extracts():
    extracting = {m for m in _under("storyline.eval") if any(_in(t, "storyline.extract") for t in reaches(m))}
    wrong = {m: sorted(imports(m) & extracting)
             for m in _under("storyline.extract") + _under("storyline.learn")}
    assert {m: t for m, t in wrong.items() if t} == {}


def test_extraction_learning_and_evaluation_import_one_another_without_a_cycle():
    layered = [m for m in MODULES if any(_in(m, p) for p in LAYERED)]
    assert [m for m in layered if any(t == m or m in reaches(t) for t in imports(m))] == []
