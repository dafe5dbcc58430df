"""What the shipped knowledge base is built from, read from the small manifest packed beside it.

The command line's help names its data ("O*NET 30.1, BLS OEWS May 2025 ...") from here, so a
rebuilt knowledge base labels itself without `--help` opening it or importing numpy.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

SHIPPED_NAME = "careerpath-kb.sqlite.gz"
MANIFEST_NAME = SHIPPED_NAME + ".json"  # written beside every build by the importer
DATA = Path(__file__).resolve().parent / "kb" / "data"


@lru_cache(maxsize=1)
def release_labels() -> dict[str, str]:
    """{"onet": "30.1", "oews": "May 2025", "projections": "2024-34"}, or {} without a manifest."""
    try:
        manifest = json.loads((DATA / MANIFEST_NAME).read_text(encoding="utf-8"))
        return {
            "onet": manifest["onet_version"],
            "oews": manifest["oews_release"],
            "projections": manifest["projections_release"],
        }
    except (OSError, ValueError, KeyError):
        return {}


def data_line() -> str:
    """'O*NET 30.1 (USDOL/ETA, CC BY 4.0), BLS OEWS May 2025, BLS Employment Projections 2024-34'."""
    labels = release_labels()
    if not labels:
        return "O*NET (USDOL/ETA, CC BY 4.0), BLS OEWS wages, BLS Employment Projections"
    return (
        f"O*NET {labels['onet']} (USDOL/ETA, CC BY 4.0), BLS OEWS {labels['oews']}, "
        f"BLS Employment Projections {labels['projections']}"
    )
