"""INDICATOR: what statistic each QUANTITY measures, its change and status (guidelines
v1.2, section "Indicators"), the year its figure refers to, and tables across documents.

    from govtext.indicators import find_indicators, Indicator
"""

from __future__ import annotations

from .finder import find_indicators
from .span import CHANGES, STATUSES, Indicator

__all__ = ["CHANGES", "Indicator", "STATUSES", "find_indicators"]
