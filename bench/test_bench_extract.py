"""Reading a person's skills: a pasted résumé warm, and the guide command with --skills in a
fresh process (the derived vocabularies come from the user's cache after the first run).
No target is set in the issues; the figures go in the README and docs/extraction.md."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import yaml

from careerpath.kb import KnowledgeBase
from careerpath.profile import extract

SNIPPETS = Path(__file__).resolve().parents[1] / "tests" / "profile" / "resume_snippets.yaml"


def _resume(characters: int) -> str:
    text = "\n".join(case["text"] for case in yaml.safe_load(SNIPPETS.read_text()))
    return (text * (characters // len(text) + 1))[:characters]


def test_extract_a_pasted_resume_warm(benchmark):
    kb = KnowledgeBase.default()
    resume = _resume(5000)  # two pages of résumé
    extract(resume, kb)
    found = benchmark(extract, resume, kb)
    print(
        f"\n5,000-character résumé: median {benchmark.stats.stats.median * 1000:.1f} ms, {len(found.items)} items read"
    )
    assert found.items


def test_extract_the_longest_text_the_site_accepts(benchmark):
    from careerpath.service import MAX_SKILLS_TEXT

    kb = KnowledgeBase.default()
    resume = _resume(MAX_SKILLS_TEXT)
    extract(resume, kb)
    benchmark.pedantic(extract, args=(resume, kb), rounds=5, iterations=1)
    print(f"\n{MAX_SKILLS_TEXT:,} characters: median {benchmark.stats.stats.median * 1000:.1f} ms")
    assert benchmark.stats.stats.median < 1.0


def test_guide_with_skills_in_a_fresh_process(benchmark):
    args = [
        sys.executable,
        "-m",
        "careerpath.cli",
        "guide",
        "Backend Developer",
        "Technical Writer",
        "--skills",
        "Python, Django, wrote the API docs, mentored two junior engineers",
        "--format",
        "json",
    ]
    subprocess.run(args, check=True, capture_output=True)  # first run fills the cache

    def run() -> float:
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        return time.perf_counter() - start

    elapsed = benchmark.pedantic(run, rounds=5, iterations=1)
    print(f"\nguide --skills, fresh process: median {benchmark.stats.stats.median:.2f} s")
    assert elapsed < 2.0
