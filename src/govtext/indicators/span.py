"""The INDICATOR span (annotation guidelines v1.2, section "Indicators"); the class lives
with the other span classes in the document model."""

from __future__ import annotations

from ..document import INDICATOR_CHANGES as CHANGES
from ..document import INDICATOR_STATUSES as STATUSES
from ..document import Indicator

__all__ = ["CHANGES", "Indicator", "STATUSES"]
