"""Role resolution: free-text job titles -> O*NET occupations (+ a specialization).

    from careerpath.resolve import Resolver
    Resolver.default().resolve("Sr. Backend Engineer (Python)").candidates[0].title
"""

from .resolver import Candidate, InvalidTitle, Resolution, Resolver
from .specializations import Specialization

__all__ = ["Candidate", "InvalidTitle", "Resolution", "Resolver", "Specialization"]
