"""How occupation codes are written, defined once for every place that checks one.

A BLS SOC code has six digits ("15-1252"); O*NET adds a two-digit detail ("15-1252.00").
The pieces are regular-expression text without anchors, so each caller can anchor, group or
extend them as its check needs. Only `re` is imported: the resolver and the command line
read this module on start-up.
"""

from __future__ import annotations

import re

SOC = r"\d{2}-\d{4}"  # BLS Standard Occupational Classification: 15-1252
ONET = SOC + r"\.\d{2}"  # O*NET-SOC: 15-1252.00
SOC_OR_ONET = SOC + r"(?:\.\d{2})?"  # either; an SOC code means its .00 occupation where one is asked for

ONET_CODE = re.compile(ONET)
SOC_OR_ONET_CODE = re.compile(SOC_OR_ONET)


def is_onet_code(text: str) -> bool:
    """Whether the whole text is written like an O*NET-SOC code (15-1252.00)."""
    return ONET_CODE.fullmatch(text) is not None


def is_soc_or_onet_code(text: str) -> bool:
    """Whether the whole text is written like an SOC code (15-1252) or an O*NET-SOC code."""
    return SOC_OR_ONET_CODE.fullmatch(text) is not None
