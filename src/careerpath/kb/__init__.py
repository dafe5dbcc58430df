"""The knowledge base: O*NET 30.1, BLS OEWS May 2025 and BLS Employment Projections 2024-34."""

from .api import (
    Area,
    EducationShare,
    Element,
    KnowledgeBase,
    Occupation,
    Outlook,
    Task,
    Technology,
    Title,
    Tool,
    UnknownOccupation,
    Wage,
)

__all__ = [
    "Area",
    "EducationShare",
    "Element",
    "KnowledgeBase",
    "Occupation",
    "Outlook",
    "Task",
    "Technology",
    "Title",
    "Tool",
    "UnknownOccupation",
    "Wage",
]
