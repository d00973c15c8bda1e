"""Imports flow one way (README, Layout): no stage imports a later one.

Data flows sources -> text -> summarize/figures -> stories -> render -> deliver/run. In imports, text/ is
the toolbox every stage uses (sentences, dates, cleaning, outlet names): the readers call it, so it sits
below sources/ and never imports it. Every module of the package is in exactly one layer below; a module
may import its own layer and the layers before it, never a later one. Imports inside functions count.
"""
import ast
import typing
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "briefing"

# Layers in import order; a name is a top-level module or subpackage of briefing.
LAYERS: list[tuple[str, set[str]]] = [
    ("base", {"models", "errors", "version", "logs", "progress", "parallel", "assets"}),
    ("text", {"text"}),
    ("sources", {"sources"}),
    ("summarize/figures", {"summarize", "figures"}),
    ("stories", {"cluster", "cluster_terms", "titles", "stories", "places"}),
    ("render", {"serialize", "chart", "render", "changes", "map"}),
    ("deliver/run", {"config", "pipeline", "deliver", "state", "lock", "run", "cli", "__init__", "__main__"}),
]
LAYER_OF = {name: i for i, (_, names) in enumerate(LAYERS) for name in names}
# within one layer, the two stages that run side by side do not use each other
APART = [("summarize", "figures")]


def unit(module: str) -> str:
    """briefing.sources.feed -> sources; briefing -> __init__."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import of a briefing module in the file, relative imports resolved."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "briefing"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "briefing":
                continue
            if target == "briefing":  # from briefing import config, sources ...: each is a module
                found += [(node.lineno, f"briefing.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, target))
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_module_has_a_layer():
    missing = sorted({unit(module_name(p)) for p in MODULES} - set(LAYER_OF))
    assert not missing, f"put these in a layer of tests/test_layers.py LAYERS: {missing}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE.parent)))
def test_no_module_imports_a_later_stage(path):
    mine = unit(module_name(path))
    if mine not in LAYER_OF:
        pytest.skip("no layer yet (see test_every_module_has_a_layer)")
    wrong = []
    for line, target in imports(path):
        theirs = unit(target)
        if theirs == mine or theirs not in LAYER_OF:
            continue
        if LAYER_OF[theirs] > LAYER_OF[mine]:
            wrong.append(f"line {line}: {target} ({LAYERS[LAYER_OF[theirs]][0]} comes after {LAYERS[LAYER_OF[mine]][0]})")
        elif {mine, theirs} in [set(pair) for pair in APART]:
            wrong.append(f"line {line}: {target} ({mine} and {theirs} run side by side)")
    assert not wrong, f"{path.relative_to(PACKAGE.parent)} imports a later stage:\n" + "\n".join(wrong)


def test_text_never_imports_sources():
    for path in (PACKAGE / "text").rglob("*.py"):
        assert not [t for _, t in imports(path) if unit(t) == "sources"], path


def test_the_check_sees_imports_inside_functions_and_relative_ones():
    # the parser itself: a lazy import and a relative one are found and resolved
    path = PACKAGE / "render.py"
    found = {t for _, t in imports(path)}
    assert "briefing.serialize" in found and "briefing.models" in found  # render uses `from .models import`


def test_the_closed_sets_in_models_match_the_figures_package():
    from briefing.figures import CATEGORIES
    from briefing.models import Category

    assert typing.get_args(Category) == tuple(CATEGORIES)
