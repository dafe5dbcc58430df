"""The engine: pure functions from two occupations and a person to a typed Guide."""

from .guide import GuideRequest, Person, Specialty, build_guide
from .inputs import Inputs
from .model import Guide

__all__ = ["Guide", "GuideRequest", "Inputs", "Person", "Specialty", "build_guide"]
