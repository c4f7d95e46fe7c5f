"""The INDICATOR span (annotation guidelines v1.2, section "Indicators"); the class lives
with the other span classes in the model (govtext.model.spans) and is registered in
govtext.model.labels."""

from __future__ import annotations

from ..model.spans import INDICATOR_CHANGES as CHANGES
from ..model.spans import INDICATOR_STATUSES as STATUSES
from ..model.spans import Indicator

__all__ = ["CHANGES", "Indicator", "STATUSES"]
