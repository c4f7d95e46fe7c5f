"""Integrations at the edge: each imports the core, never the reverse.

One policy for text that cannot be written as UTF-8 (a lone surrogate, e.g. from
``bytes.decode(errors="surrogateescape")``): annotating works, but every integration
that hands the text to a tool that stores UTF-8 (spaCy, Arrow/Parquet, HTML files)
refuses it at the door with `InputError` E009, naming the offset, instead of crashing
deep inside that tool.
"""

from __future__ import annotations

import re

from ..errors import MESSAGES, InputError

_SURROGATE = re.compile("[\ud800-\udfff]")


def check_encodable(text: str) -> str:
    """`text` itself, or `InputError` E009 at its first lone surrogate."""
    found = _SURROGATE.search(text)
    if found is not None:
        offset, point = found.start(), ord(found.group())
        error = InputError("E009", offset=offset)
        # the template's code-point field is named like GovtextError's own `code`
        # argument, so the message is formatted here
        error.args = ("[E009] " + MESSAGES["E009"].format(offset=offset, code=point,
                                                          codepoint=point),)
        error.fields["codepoint"] = point
        raise error
    return text


__all__ = ["check_encodable"]
