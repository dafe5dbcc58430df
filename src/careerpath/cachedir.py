"""Where careerpath keeps what it derives once per machine: a module of its own so the light
parts (title resolution, the catalog) can use it without importing the knowledge base."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """The cache folder (CAREERPATH_CACHE overrides; else XDG_CACHE_HOME or ~/.cache, then careerpath)."""
    if os.environ.get("CAREERPATH_CACHE"):
        return Path(os.environ["CAREERPATH_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "careerpath"
