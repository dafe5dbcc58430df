"""careerpath: career transition guides from O*NET and BLS data, offline.

The Python API mirrors the command line (docs/api.md):

    from careerpath import guide, occupation, recommend, resolve

    g = guide("Backend Developer", "AI Technical Writer", hours_per_week=15, location="TX")
    resolve("Sr. Backend Engineer (Python)").candidates[0].code      # '15-1252.00'
    [r.title for r in recommend("Cashier", top=3)]
    occupation("15-1252.00")["wages"]["annual"]["median"]

Names are loaded on first use, so `import careerpath` stays cheap for the CLI.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["AmbiguousRole", "InputError", "RoleNotFound", "UnknownArea", "guide", "occupation", "recommend", "resolve"]

if TYPE_CHECKING:
    from careerpath.api import AmbiguousRole, InputError, RoleNotFound, UnknownArea, guide, occupation, recommend
    from careerpath.api import resolve as resolve

_LAZY = {"AmbiguousRole", "InputError", "RoleNotFound", "UnknownArea", "guide", "occupation", "recommend"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module("careerpath.api"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Resolve:
    """`careerpath.resolve` is both the API's resolve() and the package careerpath/resolve/.

    Python stores a subpackage as an attribute of its parent, which would replace the function
    as soon as anything imported the package. So the attribute is this object instead: calling
    it is careerpath.api.resolve; any other attribute (Resolver, Resolution, ...) is the package's,
    and `from careerpath.resolve import Resolver` reads the package directly, as always."""

    def __call__(self, title: str, *, top: int = 5) -> Any:
        return importlib.import_module("careerpath.api").resolve(title, top=top)

    def __getattr__(self, name: str) -> Any:
        return getattr(importlib.import_module("careerpath.resolve"), name)

    def __repr__(self) -> str:
        return "<function careerpath.resolve(title, *, top=5) and package careerpath.resolve>"


_RESOLVE = _Resolve()
_RESOLVE.__doc__ = _Resolve.__doc__


class _Package(types.ModuleType):
    @property
    def resolve(self) -> Any:
        return _RESOLVE

    @resolve.setter
    def resolve(self, module: Any) -> None:
        pass  # the import system recording the subpackage: it stays in sys.modules["careerpath.resolve"]


sys.modules[__name__].__class__ = _Package
