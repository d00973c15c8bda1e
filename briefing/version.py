"""The version of briefing and the User-Agent that names it: one definition each.

The version is the installed package's (pyproject.toml `version`, the only place it is written).
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version as _installed_version

try:
    __version__ = _installed_version("briefing")
except PackageNotFoundError:  # a checkout that was never installed (pip install -e . fixes it)
    __version__ = "0+unknown"

USER_AGENT = f"briefing/{__version__} (situation-brief generator)"
