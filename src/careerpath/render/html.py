"""Guide -> a standalone HTML page (one file, CSS inlined, prints well).

The web app renders its pathway page from the same Jinja partials (templates/guide.html),
so the page you read online and the file you download never diverge.
"""

from __future__ import annotations

from functools import lru_cache, partial
from importlib import resources

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined, select_autoescape

from careerpath.engine.compare import people
from careerpath.engine.model import Guide
from careerpath.engine.narrative import counted, money

from .parts import HEADINGS

TEMPLATES = "templates"
# The section headings every format shares, with the typographic apostrophe the HTML uses.
HTML_HEADINGS = {key: text.replace("'", "’") for key, text in HEADINGS.items()}


def signed_pct(value) -> str:
    if value is None:
        return "—"
    return f"{value:+d}%" if isinstance(value, int) else f"{value:+.1f}%"


def number(value) -> str:
    return "—" if value is None else f"{value:,}"


def projection_end(period: str) -> str:
    """ "2024-34" -> "2034"; "" (a guide saved before guides recorded the period) -> ""."""
    from careerpath.engine.market import projection_years

    return projection_years(period)[1] if period else ""


def rating(value) -> str:
    return "—" if value is None else f"{value:.1f}"


def environment(*extra_dirs: str) -> Environment:
    """The Jinja environment for guide templates; the web app adds its own folder first."""
    loaders = [FileSystemLoader(d) for d in extra_dirs] + [PackageLoader("careerpath.render", TEMPLATES)]
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        money=partial(money, missing="—"),
        signed_pct=signed_pct,
        number=number,
        projection_end=projection_end,
        people=people,
        rating=rating,
        counted=counted,
    )
    env.globals["attribution"] = _attribution
    env.globals["releases"] = releases
    env.globals["headings"] = HTML_HEADINGS
    return env


@lru_cache(maxsize=1)
def _env() -> Environment:
    return environment()


@lru_cache(maxsize=1)
def guide_css() -> str:
    return resources.files("careerpath.render").joinpath(TEMPLATES, "guide.css").read_text("utf-8")


@lru_cache(maxsize=1)
def _attribution_text() -> str:
    from careerpath.kb import KnowledgeBase

    return KnowledgeBase.default().meta["attribution"]


def _attribution() -> str:
    return _attribution_text()


@lru_cache(maxsize=1)
def releases() -> dict[str, str]:
    """The shipped knowledge base's release labels for page text ("O*NET 30.1", "OEWS May
    2025", "2024–34", "by 2034"), from its own metadata, so a rebuilt one labels itself."""
    from careerpath.engine.market import projection_years
    from careerpath.engine.market import releases as kb_releases
    from careerpath.kb import KnowledgeBase

    oews, period, onet = kb_releases(KnowledgeBase.default())
    return {"onet": onet, "oews": oews, "period": period.replace("-", "–"), "end": projection_years(period)[1]}


def render_html(guide: Guide) -> str:
    """A complete HTML document for one guide: every section, sources, attribution."""
    return _env().get_template("standalone.html").render(guide=guide, css=guide_css(), web=None)
