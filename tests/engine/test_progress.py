def test_a_learned_item_ticks_only_its_own_study_steps(inputs):
    from careerpath.engine import GuideRequest, build_guide
    from careerpath.engine.progress import covered_by

    guide = build_guide(GuideRequest("15-1254.00", "27-3042.00"), inputs)  # web developers -> technical writers
    writing = next(i for i in guide.skills_to_learn if i.name == "Writing" and i.core)
    learned = {(writing.kind, writing.key)}
    tasks = [t for phase in guide.roadmap for t in phase.tasks]
    own = [t for t in tasks if t.startswith("Writing: ")]
    others = [t for t in tasks if not t.startswith("Writing: ") and "Writing" in t]
    assert own and all(covered_by(guide, learned, t) == "Writing" for t in own)
    assert others, "another item's step names a writing course"
    assert all(covered_by(guide, learned, t) is None for t in others)
