"""Curated YAML, parsed once per machine.

PyYAML builds Python objects in Python: the catalog's files cost a third of a second on every
start, where the same data as JSON loads in a few milliseconds. `load` keeps a JSON copy in the
cache folder (careerpath.cachedir, CAREERPATH_CACHE overrides), keyed by a hash of the YAML text,
so an edited file is parsed afresh and an unwritable cache only costs speed.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any


def parse(text: str) -> Any:
    import yaml  # only on a cache miss: importing PyYAML alone costs a fresh process 30 ms

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def load_text(text: str, name: str) -> Any:
    """The YAML `text` (known as `name`) as Python data, through the JSON cache."""
    from careerpath.cachedir import cache_dir

    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
    cached = cache_dir() / "yaml" / f"{name}-{digest}.json"
    try:
        return json.loads(cached.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = parse(text)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        tmp.replace(cached)
    except (OSError, TypeError, ValueError):
        pass  # YAML that JSON cannot hold (dates) or a read-only cache: parse every time
    return data


def load(path: Path) -> Any:
    return load_text(path.read_text(encoding="utf-8"), path.name)
