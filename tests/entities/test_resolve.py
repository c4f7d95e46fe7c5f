"""The precedence table of `govtext.resolve`."""

from __future__ import annotations

from decimal import Decimal

from govtext.model import Agency, Date, DocNo, Location, Official, Quantity, Region, Regulation, Term
from govtext.resolve import resolve
from govtext.text.structure import Structure

TEXT = "市长张瑞书在秦皇岛市人民政府办公室印发《2018年工作要点》秦纪发〔2018〕3号“七五”普法"


def span(cls, text, *args, **kw):  # type: ignore[no-untyped-def]
    i = TEXT.index(text)
    return cls(i, i + len(text), text, *args, **kw)


def labels(spans) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s.label, s.text) for s in spans}


def test_nested_names_dropped_inside_official_and_agency() -> None:
    out = resolve([span(Official, "市长张瑞书", name="张瑞书", title="市长"),
                   span(Location, "秦皇岛市"),
                   span(Agency, "秦皇岛市人民政府办公室"),
                   span(Agency, "秦皇岛市人民政府")], Structure())
    assert labels(out) == {("OFFICIAL", "市长张瑞书"), ("AGENCY", "秦皇岛市人民政府办公室")}


def test_date_kept_in_regulation_dropped_in_docno() -> None:
    out = resolve([span(Regulation, "《2018年工作要点》", title="2018年工作要点", kind="plan"),
                   span(Date, "2018年", value="2018"),
                   span(DocNo, "秦纪发〔2018〕3号", issuer_code="秦纪发", year="2018", serial="3"),
                   Date(TEXT.index("〔2018") + 1, TEXT.index("〔2018") + 5, "2018", value="2018")],
                  Structure())
    assert ("DATE", "2018年") in labels(out)
    assert sum(1 for s in out if s.label == "DATE") == 1


def test_quantity_in_term_dropped_whatever_its_length() -> None:
    q = span(Quantity, "七五", Decimal(75), "", "count")
    out = resolve([q, span(Term, "七五")], Structure())
    assert labels(out) == {("TERM", "七五")}


def test_boilerplate_and_duplicates() -> None:
    a = span(Agency, "秦皇岛市人民政府办公室")
    region = Region(a.start, a.end, a.text, "footer")
    assert resolve([a], Structure(boilerplate=(region,))) == []
    assert len(resolve([a, a], Structure())) == 1


def test_crossing_spans_keep_the_longer() -> None:
    long = Agency(0, 8, TEXT[0:8])
    short = Location(6, 10, TEXT[6:10])
    assert resolve([short, long], Structure()) == [long]
