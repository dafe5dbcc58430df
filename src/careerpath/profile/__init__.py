"""A person's profile from their own words: what they know, with the words that show it."""

from .extract import Evidence, ExtractedProfile, extract

__all__ = ["Evidence", "ExtractedProfile", "extract"]
