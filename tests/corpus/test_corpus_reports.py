"""The corpus tables on the 36 State Council work reports in ../shared (skipped when
absent): premiers with the years they delivered a report, one row per law (issue 15)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govtext.corpus import (citations_records, officials_records, officials_summary,
                            read_corpus)
from govtext.corpus.names import instrument_key, squeeze
from govtext.data import read_words

# a report's header: 国务院总理 李克强 (line breaks and ideographic spaces between)
SPEAKER = re.compile(r"国务院总理[\s\u3000]*([\u4e00-\u9fff]{2,3})\s")
# laws the reports cite by their full name in one year and their short name in another
LAWS = ("行政许可法", "传染病防治法", "香港特别行政区基本法")


@pytest.fixture(scope="module")
def reports(reports_jsonl: Path):
    return read_corpus(reports_jsonl)


@pytest.fixture(scope="module")
def summary(reports):
    return officials_summary(officials_records(reports))


def test_every_report_dated_by_its_year(reports) -> None:
    assert len(reports) == 36
    for item in reports:
        iso, _source = item.date
        assert iso is not None and iso[:4] == item.id[:4], item.id


def test_premiers_who_delivered_a_report(reports, summary) -> None:
    delivered: dict[str, set[int]] = {}
    for item in reports:
        head = "\n".join(item.doc.text.lstrip("\u200b\n").splitlines()[:12])
        for name in SPEAKER.findall(head + "\n"):
            delivered.setdefault(name, set()).add(int(item.id[:4]))
    assert delivered, "no report header names its speaker"
    for name, years in delivered.items():
        rows = [g for g in summary if g["person"] == name and g["role"] == "总理"]
        assert rows, name
        assert years <= {y for g in rows for y in g["years"]}, name


def test_no_garbage_rows(summary) -> None:
    surnames = read_words("surnames.txt")
    for g in summary:
        person = g["person"]
        assert g["role"], g
        if not g["complete"]:
            assert len(person) <= 2, g
            continue
        assert re.fullmatch(r"[\u4e00-\u9fff]{2,4}", person), g
        assert person[0] in surnames or person[:2] in surnames, g


def test_zhou_enlai_is_one_person(summary) -> None:
    zhou = {g["person"] for g in summary if g["person"].startswith("周") and g["role"] == "总理"}
    assert zhou <= {"周恩来"}


def test_full_and_short_names_of_a_law_share_a_row(reports) -> None:
    rows = citations_records(reports)
    for law in LAWS:
        matching = [r for r in rows if r["key"] == "R:" + law]
        assert len(matching) <= 1
        citing = sorted(item.id for item in reports
                        if any(instrument_key(s.title) == law for s in item.doc.regulations))
        if matching:
            (row,) = matching
            assert row["documents"] == len(citing)
            assert all(squeeze(f).endswith(law) for f in row["forms"])
        else:
            assert not citing
