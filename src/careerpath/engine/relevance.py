"""What the target is distinctively hired for: the relevance model behind "what to learn".

O*NET rates every skill and knowledge area for every occupation, so read literally it asks
a technical writer for Public Safety and Security. An item earns a place in a plan because
the *target* stands out on it against occupations in general, the person lacks it, and the
target relies on it. Technologies are ranked by how specific they are to the target's kind
of work (its SOC minor group, or major group where the minor one is small) against all
occupations: Confluence says more about technical
writing than Microsoft Excel, which nearly every occupation lists. See docs/methodology.md.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from careerpath.kb import KnowledgeBase, Technology

from .profiles import Profiles

# An element is distinctive for an occupation when its emphasis (importance x level) lies at
# least this many standard deviations above the mean over all rated occupations.
DISTINCTIVE_Z = 1.0
# Below this importance (1-5, 3 = "Important") the target does not rely on an element enough
# for it to enter a plan, however unusual it is.
MIN_IMPORTANCE = 2.75
# Technologies listed for more than this share of occupations are general office tools.
GENERAL_TOOL_SHARE = 0.15
# A technology is specific to the target's kind of work when it is listed at least this many
# times more often within the target's SOC minor group than across all occupations.
SPECIFIC_LIFT = 2.0
# A tool postings do not ask for must be far more specific to be worth naming at all.
SPECIFIC_LIFT_NOT_IN_DEMAND = 5.0
MIN_GROUP_SIZE = 8


@dataclass(frozen=True)
class Distinctiveness:
    """Per-occupation z-scores of O*NET emphasis, and technology frequencies."""

    z: np.ndarray  # (n, m) emphasis z-score per element
    tech_share: dict[str, float]  # technology -> share of occupations listing it
    tech_group_share: dict[tuple[str, str], float]  # (SOC group, technology) -> share in group
    group_of: dict[str, str]  # occupation -> the SOC group its tools are compared in
    # Names that read like a kind of software ("Workday software", "Salesforce software") but
    # that O*NET marks as a Hot Technology somewhere: products, which no category ever is.
    branded: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def distinctiveness_for(kb: KnowledgeBase) -> Distinctiveness:
    """Read from the arrays derived at build time (engine/derived.py); see compute_distinctiveness."""
    from .derived import derived_arrays, strings  # derived.py computes with this module

    a = derived_arrays(kb)
    groups = strings(a["tech_groups"])
    names = strings(a["tech_names"])
    return Distinctiveness(
        z=a["z"],
        tech_share=dict(zip(names, a["tech_share"].tolist(), strict=True)),
        tech_group_share={
            (groups[g], names[t]): share
            for g, t, share in zip(
                a["group_share_group"].tolist(),
                a["group_share_tech"].tolist(),
                a["group_share"].tolist(),
                strict=True,
            )
        },
        group_of={kb.codes[row]: groups[g] for row, g in enumerate(a["group_of"].tolist()) if g >= 0},
        branded=frozenset(strings(a["branded"])),
    )


def compute_distinctiveness(kb: KnowledgeBase, p: Profiles) -> Distinctiveness:
    own = np.array([p.donor[i] == i for i in range(p.n)])  # borrowed profiles would count twice
    emphasis = p.importance * p.level
    mean = emphasis[own].mean(axis=0)
    std = np.maximum(emphasis[own].std(axis=0), 1e-6)
    z = (emphasis - mean) / std
    z.setflags(write=False)

    listing = {code: names for code, names in kb.technology_names().items() if code in kb.index and names}
    minor_sizes: dict[str, int] = {}
    for code in listing:
        minor_sizes[minor_group(code)] = minor_sizes.get(minor_group(code), 0) + 1
    counts: dict[str, int] = {}
    group_counts: dict[tuple[str, str], int] = {}
    group_sizes: dict[str, int] = {}
    for code, names in listing.items():
        group = _group(code, minor_sizes)
        group_sizes[group] = group_sizes.get(group, 0) + 1
        for name in names:
            counts[name] = counts.get(name, 0) + 1
            group_counts[(group, name)] = group_counts.get((group, name), 0) + 1
    listed = sum(group_sizes.values())
    return Distinctiveness(
        z=z,
        tech_share={name: n / listed for name, n in counts.items()},
        tech_group_share={key: n / group_sizes[key[0]] for key, n in group_counts.items()},
        group_of={code: _group(code, minor_sizes) for code in listing},
        branded=frozenset(name for name in kb.hot_technology_counts() if _GENERIC.fullmatch(name)),
    )


def minor_group(code: str) -> str:
    """SOC minor group: "27-3042.00" -> "27-3". Occupations in it do the same kind of work."""
    return code[:4]


def _group(code: str, sizes: dict[str, int]) -> str:
    """The minor group, or the major group ("43") where the minor one is too small for a share
    to mean anything (one or two occupations make every tool they list look specific)."""
    minor = minor_group(code)
    return minor if sizes.get(minor, 0) >= MIN_GROUP_SIZE else code[:2]


def element_relevance(p: Profiles, d: Distinctiveness, target_row: int, column: int, gap: float) -> float:
    """How much learning this element moves the person towards the target: the target's
    distinctiveness on it, times the size of the gap (capped at 3 level points, past which a
    bigger gap says more about the source than the target), times how much the target relies
    on it (importance / 5). Zero when not distinctive."""
    z = float(d.z[target_row, column])
    importance = float(p.importance[target_row, column])
    if z < DISTINCTIVE_Z or importance < MIN_IMPORTANCE:
        return 0.0
    return z * min(gap, 3.0) * importance / 5


# O*NET names some entries by kind, not product ("Reporting software", "Mathematical software"):
# nothing a person could install or learn as such.
_GENERIC = re.compile(r"[A-Z][a-z]+(?: (?:[a-z]+|[A-Z]{2,}))* (?:software|systems?|tools?)")


# Everyday software whatever the job: nobody is hired for a browser, an email client or Zoom,
# however often one kind of work happens to list a particular one.
EVERYDAY_CATEGORIES = frozenset(
    {
        "Internet browser software",
        "Electronic mail software",
        "Video conferencing software",
        "Instant messaging software",
        "Mobile messaging service software",
        "Network conferencing software",
    }
)


def is_general_tool(d: Distinctiveness, tech: Technology) -> bool:
    if d.tech_share.get(tech.name, 0.0) > GENERAL_TOOL_SHARE or tech.commodity_title in EVERYDAY_CATEGORIES:
        return True
    return bool(_GENERIC.fullmatch(tech.name)) and tech.name not in d.branded


def technology_lift(d: Distinctiveness, code: str, tech: Technology) -> float:
    share = d.tech_share.get(tech.name, 0.0)
    if share == 0:
        return 0.0
    return d.tech_group_share.get((d.group_of.get(code, minor_group(code)), tech.name), 0.0) / share


def technology_relevance(d: Distinctiveness, code: str, tech: Technology) -> float:
    """Specific to this kind of work (lift), and more so when employers' postings ask for it
    (In Demand). General office tools score zero: nobody changes careers to learn Outlook."""
    if is_general_tool(d, tech) or not (tech.hot or tech.in_demand):
        return 0.0
    lift = technology_lift(d, code, tech)
    if lift < (SPECIFIC_LIFT if tech.in_demand else SPECIFIC_LIFT_NOT_IN_DEMAND):
        return 0.0
    demand = 2.0 if tech.in_demand else 1.0
    return demand * math.log1p(lift)
