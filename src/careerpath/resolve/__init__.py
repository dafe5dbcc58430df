"""Role resolution: free-text job titles -> O*NET occupations (+ a specialization).

from careerpath.resolve import Resolver
Resolver.default().resolve("Sr. Backend Engineer (Python)").candidates[0].title
"""

from .resolver import Candidate, InvalidTitle, Resolution, Resolver, resolution_dict

__all__ = ["Candidate", "InvalidTitle", "Resolution", "Resolver", "Specialization", "resolution_dict"]


def __getattr__(name: str):
    # Lazily: the Specialization model needs pydantic, which a one-shot resolve does not.
    if name == "Specialization":
        from .specializations import Specialization

        return Specialization
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
