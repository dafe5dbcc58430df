"""docs/api.md's examples run, in order, in one namespace: the documented Python API works as written."""

from __future__ import annotations

import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "api.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def test_every_python_example_in_docs_api_md_runs():
    blocks = BLOCK.findall(DOC.read_text(encoding="utf-8"))
    assert len(blocks) >= 8
    namespace: dict = {}
    for number, code in enumerate(blocks, 1):
        exec(compile(code, f"{DOC.name} example {number}", "exec"), namespace)


def test_the_api_mirrors_the_commands():
    import careerpath
    from careerpath.cli import app

    commands = {c.name for c in app.registered_commands}
    for name in ("guide", "resolve", "recommend", "occupation"):
        assert name in commands and callable(getattr(careerpath, name)), name
    assert set(careerpath.__all__) >= {"guide", "resolve", "recommend", "occupation", "InputError"}
