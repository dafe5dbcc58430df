"""Tailored guides say what changed; saved-plan progress adds up."""

from __future__ import annotations

from careerpath.engine import GuideRequest, Person, build_guide
from careerpath.engine.progress import progress, task_ids
from careerpath.engine.tailor import personalize
from careerpath.profile import extract


def test_default_person_has_no_changes(inputs):
    assert personalize(GuideRequest("15-1252.00", "15-2051.00"), inputs).personalization.changes == []


def test_known_items_leave_the_plan_and_the_guide_says_so(kb, inputs):
    known = extract("Python, SQL, statistics, pandas, Tableau, TensorFlow", kb).known()
    base = build_guide(GuideRequest("15-1252.00", "15-2051.00"), inputs)
    guide = personalize(GuideRequest("15-1252.00", "15-2051.00", person=Person(known=known)), inputs)
    left = {(i.kind, i.key) for i in guide.skills_to_learn}
    assert not left & known
    removed = [i for i in base.skills_to_learn if (i.kind, i.key) in known]
    assert removed
    changes = " ".join(guide.personalization.changes)
    assert all(i.name in changes for i in removed)
    assert guide.timeline_weeks <= base.timeline_weeks
    assert (
        f"Study hours: {sum(i.hours for i in base.skills_to_learn)} → {sum(i.hours for i in guide.skills_to_learn)}"
        in changes
    )


def test_hours_and_area_are_reported(kb, inputs):
    area = next(a for a in kb.areas() if a.name == "California")
    # web developers -> technical writers: part-time study, so more hours shorten the timeline
    guide = personalize(
        GuideRequest("15-1254.00", "27-3042.00", person=Person(hours_per_week=20, area_code=area.code)), inputs
    )
    changes = " ".join(guide.personalization.changes)
    assert "20 hours a week" in changes and "Timeline:" in changes and area.name in changes


def test_progress_adds_up(inputs):
    guide = build_guide(GuideRequest("41-2011.00", "43-4051.00"), inputs)
    ids = task_ids(guide)
    assert len({i for i, _, _ in ids}) == len(ids)  # stable ids are unique
    empty = progress(guide)
    assert empty.percent == 0 and empty.remaining_weeks == guide.timeline_weeks
    assert empty.next_tasks == [t for _, _, t in ids[:3]]
    full = progress(guide, {i for i, _, _ in ids})
    assert full.percent == 100 and full.remaining_weeks == 0 and full.remaining_months == 0
    half = progress(guide, {i for i, _, _ in ids[: len(ids) // 2]})
    assert 0 < half.percent < 100 and 0 < half.remaining_weeks < guide.timeline_weeks
    assert sum(p.remaining_weeks for p in half.phases) == half.remaining_weeks


def test_learning_an_item_checks_its_tasks_and_hours(inputs):
    guide = build_guide(GuideRequest("15-1254.00", "27-3042.00"), inputs)
    item = next(i for i in guide.skills_to_learn if i.core and not i.covered_by)
    after = progress(guide, learned={(item.kind, item.key), ("skill", "not-a-key")})
    assert after.learned_items == 1 and after.learned_hours == item.hours
    assert after.remaining_hours == sum(i.hours for i in guide.skills_to_learn) - item.hours
    assert after.done_tasks >= 1 and after.remaining_weeks <= guide.timeline_weeks
