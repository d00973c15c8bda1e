"""The wheel must carry every subpackage and the default templates (pip install . outside the checkout)."""
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "briefing").rglob("__init__.py")}
    assert on_disk <= listed, f"add to pyproject.toml [tool.setuptools] packages: {sorted(on_disk - listed)}"
    assert config["package-dir"]["briefing.templates"] == "templates"


def test_packaged_templates_are_the_top_level_folder():
    from briefing import assets

    folder = assets.template_dir()
    for name in ("brief.html.j2", "brief.css", "brief.md.j2", "email.txt.j2", "email.html.j2"):
        assert (folder / name).is_file(), name
