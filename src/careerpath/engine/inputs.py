"""What the engine reads, handed in rather than opened: the knowledge base and the two
curated catalogs.

The engine does no I/O (docs: DESIGN.md), so its functions take these as a required
argument instead of quietly opening the shipped files when none is given. The edge of the
program — the service layer, the Python API, the web app, the CLI, the static export —
opens the shipped ones once with ``Inputs.default()``; a test or a benchmark can hand in
others, and a reader of ``build_guide`` can see everything a guide depends on.

Not named ``Sources``: a guide already has a *source* occupation and cites its data
``Source``s, and a third meaning would make every signature harder to read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported by default() only, so importing the engine costs no more than before
    from careerpath.catalog import Catalog
    from careerpath.catalog.routes import RouteCatalog
    from careerpath.kb import KnowledgeBase


@dataclass(frozen=True)
class Inputs:
    kb: KnowledgeBase  # O*NET, BLS wages and outlook (read-only SQLite)
    catalog: Catalog  # learning resources, topics, portfolio and networking templates
    routes: RouteCatalog  # entry routes: credentials, licences, exams, bridge jobs

    @classmethod
    def default(cls) -> Inputs:
        """The shipped knowledge base and catalogs; each is opened once per process."""
        from careerpath.catalog import Catalog
        from careerpath.catalog.routes import RouteCatalog
        from careerpath.kb import KnowledgeBase

        return cls(KnowledgeBase.default(), Catalog.default(), RouteCatalog.default())
