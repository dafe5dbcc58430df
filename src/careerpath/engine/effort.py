"""The effort model and the priority rule: documented constants, no magic.

Learning time is estimated from the size of a gap on O*NET's 0-7 level scale, by kind of
item, and turned into weeks by the person's hours per week. The constants are our
modelling assumptions (see docs/methodology.md); every guide prints the inputs so a
reader can redo the arithmetic.
"""

from __future__ import annotations

import math

# Hours of deliberate study and practice to raise an O*NET level by one point.
HOURS_PER_LEVEL = {"skill": 20, "knowledge": 25}
# A technology is a tool to learn, not a level to climb: a fixed budget, halved when
# the person already uses a tool from the same O*NET commodity category.
TECHNOLOGY_HOURS = 25
TECHNOLOGY_HOURS_WITH_SIMILAR_TOOL = 12

# A level within this distance of the target's counts as already there: O*NET's own
# standard errors for level estimates are typically 0.2-0.5.
LEVEL_TOLERANCE = 0.5
# O*NET importance 1-5; 3 is anchored "Important". Below RELEVANT_IMPORTANCE the target
# role does not rely on an element enough for it to enter the plan.
RELEVANT_IMPORTANCE = 3.0
IMPORTANT_IMPORTANCE = 3.0

# Non-learning phases, in hours.
PORTFOLIO_HOURS_PER_PIECE = 15
PORTFOLIO_PIECES = 3
JOB_SEARCH_HOURS = 40
# An exam whose subjects the core plan already teaches still needs practice tests and booking.
EXAM_REVIEW_HOURS = 15

# Years of full-time study a credential takes beyond high school (typical program
# lengths), used when the target's typical entry education exceeds the source's.
EDUCATION_YEARS = {
    "No formal educational credential": 0,
    "High school diploma or equivalent": 0,
    "Some college, no degree": 0,
    "Postsecondary nondegree award": 1,
    "Associate's degree": 2,
    "Bachelor's degree": 4,
    "Master's degree": 6,
    "Doctoral or professional degree": 8,
}
EDUCATION_RANK = {name: i for i, name in enumerate(EDUCATION_YEARS)}


def element_hours(kind: str, gap: float) -> int:
    return max(1, math.ceil(HOURS_PER_LEVEL[kind] * gap))


def weeks(hours: float, hours_per_week: float) -> int:
    return 0 if hours <= 0 else math.ceil(hours / hours_per_week)


def months(total_weeks: int) -> int:
    """Calendar months (52 weeks = 12 months), rounded up; integer arithmetic, no float drift."""
    return -(-total_weeks * 12 // 52)
