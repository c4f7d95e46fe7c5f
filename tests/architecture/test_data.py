"""Language data as data (issue 9): every data file says what it holds and where its
entries came from; shared character classes are defined once (`govtext.lang`)."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

from govtext import lang
from govtext.data import read_rows
from govtext.errors import InputError

DATA = files("govtext.data")
NAMES = sorted(p.name for p in DATA.iterdir() if p.name.endswith((".tsv", ".txt", ".json")))


@pytest.mark.parametrize("name", NAMES)
def test_every_data_file_has_a_header(name):
    text = DATA.joinpath(name).read_text(encoding="utf-8")
    if name.endswith(".json"):
        assert '"_about"' in text[:2000], f"{name}: no _about header"
    else:
        header = [line for line in text.splitlines()[:12] if line.startswith("#")]
        assert len(header) >= 1 and len(" ".join(header)) > 40, f"{name}: no header"


def test_every_char_class_reads():
    for name, kind, *_ in read_rows("char_classes.tsv"):
        if kind == "chars":
            assert lang.chars(name)
            assert re.fullmatch(lang.char_class(name) + "+", "".join(sorted(lang.chars(name))))
        elif kind == "words":
            words = lang.words(name)
            assert words and [len(w) for w in words] == sorted((len(w) for w in words),
                                                              reverse=True)
        else:
            assert kind == "range" and re.compile(lang.char_class(name))


@pytest.mark.parametrize("name,member,outsider", [
    ("han", "中", "a"), ("han", "㐀", "、"), ("numeral", "〇", "O"),
])
def test_classes_hold_what_their_note_says(name, member, outsider):
    cls = re.compile(lang.char_class(name))
    assert cls.fullmatch(member) and not cls.fullmatch(outsider)


def test_unknown_class_names_the_known_ones():
    with pytest.raises(InputError, match="E005.*numeral"):
        lang.chars("nonsense")
