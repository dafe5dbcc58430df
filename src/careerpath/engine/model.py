"""The Guide and its parts: plain typed values. Renderers only format these.

JSON field names are stable and documented in docs/json.md; `from` is spelled
`from_` in Python (a keyword) and serialised as `from`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Priority = Literal["Critical", "Important", "Nice to have"]
Difficulty = Literal["Easy", "Moderate", "Challenging", "Hard"]
ItemKind = Literal["skill", "knowledge", "technology", "topic", "work_style"]
LearnKind = Literal["skill", "knowledge", "technology", "topic", "hired_for"]


class Value(BaseModel):
    model_config = ConfigDict(frozen=True, populate_by_name=True, defer_build=True)


class RoleChoice(Value):
    code: str
    title: str


class Role(Value):
    code: str
    title: str
    specialization: str | None = None  # display name, e.g. "AI / Machine Learning"
    specialization_id: str | None = None
    ratings_borrowed_from: Role | None = None  # thin data: whose O*NET ratings stand in
    words: str | None = None  # the title as the person typed it
    alternatives: list[RoleChoice] = Field(default_factory=list)  # other occupations the words could mean


class ResourceRef(Value):
    name: str
    provider: str
    url: str | None = None
    cost: str | None = None  # free | paid | freemium
    format: str | None = None
    hours: int | None = None


class SalaryComparison(Value):
    """OEWS median annual wages; every percentage is computed from the two medians shown."""

    area: str  # "National" or the state/metro name
    source_median: int | None
    target_median: int | None
    target_p25: int | None
    change_pct: int | None  # target median vs source median
    early_career_change_pct: int | None  # target 25th percentile vs source median
    source_range: tuple[int | None, int | None]  # 10th-90th percentile
    target_range: tuple[int | None, int | None]
    note: str | None = None  # why a figure is missing or widened
    source: str = ""  # the release, e.g. "BLS OEWS May 2025" (the knowledge base's metadata)
    # Whose wages stand in when BLS publishes none for the occupation itself (an O*NET
    # sub-occupation, or a detailed code BLS only estimates as a group), e.g.
    # "BLS occupation 15-2051, Data Scientists"; None when the figures are its own.
    source_wages_of: str | None = None
    target_wages_of: str | None = None


class Demand(Value):
    summary: str
    growth_pct: float | None  # employment change 2024-34
    band: str | None  # BLS-style wording, e.g. "much faster than average"
    annual_openings: int | None
    employment_2024: int | None
    hot_technologies: list[str]
    period: str = ""  # the projections' period as BLS names it, e.g. "2024-34"
    source: str = ""


class Driver(Value):
    name: str
    value: float  # 0..1 share of the maximum for this driver
    weight: float
    explanation: str


Origin = Literal["occupation", "listed", "specialization", "route"]


class TransferableSkill(Value):
    name: str
    kind: ItemKind
    why: str
    origin: Origin = "occupation"  # listed: the person named it themselves
    source_level: float | None = None  # O*NET level 0-7 where it applies
    target_level: float | None = None
    target_importance: float | None = None  # O*NET importance 1-5


class SkillToLearn(Value):
    name: str
    kind: ItemKind | LearnKind
    key: str  # element id, technology name, topic id or hired-for name
    priority: Priority
    core: bool = False  # one of the few items the plan is built around
    covered_by: str | None = None  # the route's program that teaches it: no extra time
    origin: Origin = "occupation"
    hours: int
    weeks: int
    why: str
    how: str
    resources: list[ResourceRef]
    source_level: float | None = None
    target_level: float | None = None
    target_importance: float | None = None


class Phase(Value):
    phase: int
    title: str
    weeks: int
    start_week: int
    tasks: list[str]
    resources: list[ResourceRef]


class CredentialRef(Value):
    id: str
    name: str
    kind: str  # exam | licence | certification
    authority: str
    url: str
    summary: str
    cost: str | None = None


RouteStatus = Literal["to do", "done", "optional", "on the job"]  # on the job: after you are hired


class RouteStep(Value):
    kind: str  # prerequisite | degree | program | exam | licence | ...
    name: str
    detail: str | None = None
    pace: Literal["full_time", "part_time"]
    months: tuple[int, int] | None = None  # full-time steps: typical range
    hours: int | None = None  # part-time steps: study hours
    cost: str | None = None
    credential: CredentialRef | None = None
    status: RouteStatus = "to do"
    done_because: str | None = None  # why it counts as done for this person


class RouteAlternative(Value):
    name: str
    months: tuple[int, int] | None = None
    detail: str


class EntryRoute(Value):
    """How people get into the target: curated (catalog/routes) or, where no entry is curated,
    BLS's typical entry education, experience and training, stated as such."""

    curated: bool
    summary: str
    licensed: bool = False
    state_varies: str | None = None
    degree: str | None = None  # "Master's degree (nursing (MSN) or DNP)"
    degree_required: bool = True
    steps: list[RouteStep] = Field(default_factory=list)
    alternatives: list[RouteAlternative] = Field(default_factory=list)
    bridge_jobs: list[RoleChoice] = Field(default_factory=list)
    cost: str | None = None
    sources: list[str] = Field(default_factory=list)
    verification: str | None = None  # verified | corrected | well-known


class RealityCheck(Value):
    love: list[str]
    miss: list[str]
    challenges: list[str]


class ActionPlan(Value):
    this_week: list[str]
    this_month: list[str]
    next_90_days: list[str]


class FAQ(Value):
    question: str
    answer: str


class Source(Value):
    dataset: str
    release: str
    publisher: str
    license: str
    url: str | None
    used_for: str


class SteppingStone(Value):
    """A route through one or two intermediate occupations (engine/paths.py).
    code/title are the first stop; `route` lists every stop and `legs` the unmet share of
    each move (source -> first stop, ..., last stop -> target)."""

    code: str
    title: str
    first_leg: float  # unmet-requirement share, source -> stone
    second_leg: float  # stone -> next stop (the target on a one-stop route)
    route: list[Role] = Field(default_factory=list)
    legs: list[float] = Field(default_factory=list)


class SkillRead(Value):
    """One item read from the person's own words, and the words it was read from."""

    kind: str  # skill | knowledge | technology
    key: str  # O*NET element id or technology name
    name: str
    phrase: str
    removed: bool = False  # the person said we read it wrongly: not counted


class Experience(Value):
    role: str  # as the person wrote it
    years: float


class Personalization(Value):
    hours_per_week: float
    location: str | None
    budget: str | None
    skills_recognised: list[str]  # what we matched in the person's own words (kept items)
    skills_not_recognised: list[str]
    changes: list[str]  # what differs from the untailored guide
    skills_read: list[SkillRead] = Field(default_factory=list)  # every item read, removed ones marked
    experience: list[Experience] = Field(default_factory=list)  # years per role, where stated


class Guide(Value):
    from_: Role = Field(alias="from")
    to: Role
    headline: str  # in the person's own words: "Backend Developer → AI Technical Writer"
    title: str
    same_occupation: bool = False  # both titles resolve to the same occupation and role
    difficulty: Difficulty
    difficulty_score: int  # 0-100, see docs/methodology.md
    difficulty_drivers: list[Driver]
    timeline_months: int
    timeline_weeks: int
    salary_change_pct: int | None
    salary: SalaryComparison
    demand: Demand
    overview: str
    route: EntryRoute
    transferable_skills: list[TransferableSkill]
    skills_to_learn: list[SkillToLearn]
    roadmap: list[Phase]
    reality_check: RealityCheck
    action_plan: ActionPlan
    faq: list[FAQ]
    stepping_stones: list[SteppingStone]
    sources: list[Source]
    data_notes: list[str]  # thin data, borrowed ratings, widened BLS groups
    personalization: Personalization
    attribution: str  # required by O*NET's CC BY 4.0 licence

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)
