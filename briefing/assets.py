"""Where the packaged default templates are.

In the checkout (and an editable install) they are the top-level ``templates/``; in a wheel,
pyproject.toml ships that same folder inside the package as ``briefing/templates``.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def template_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "brief.html.j2").is_file():
            return candidate
    raise FileNotFoundError(f"packaged templates not found in {here / 'templates'} or {here.parent / 'templates'}")
