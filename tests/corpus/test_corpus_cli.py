"""`govtext officials|citations|kwic` on the repository's corpora/, through the corpus
command module (registered in the main CLI at merge)."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import pytest

from govtext.corpus.cli import add_parser

CORPORA = Path(__file__).resolve().parents[2] / "corpora"


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="govtext")
    sub = parser.add_subparsers(dest="command", required=True)
    add_parser(sub)
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:
        return int(exc.code or 0)
    return int(args.run(args))


@pytest.fixture(scope="module")
def corpora() -> str:
    if not list(CORPORA.glob("*.txt")):
        pytest.skip("no sample corpus in corpora/")
    return str(CORPORA)


@pytest.mark.parametrize("command", ["officials", "citations", "kwic"])
def test_help_shows_an_example(command: str, capsys) -> None:
    assert run(command, "--help") == 0
    out = capsys.readouterr().out
    assert f"examples:\n  govtext {command} " in out


def test_officials(corpora: str, capsys, tmp_path) -> None:
    out_file = tmp_path / "officials.csv"
    assert run("officials", corpora, "-o", str(out_file)) == 0
    out = capsys.readouterr().out
    # 襄阳市人民政府市长 李建平: the agency split off the title, the year from the header
    line = next(x for x in out.splitlines() if x.startswith("李建平"))
    assert "襄阳市人民政府" in line and "2021" in line
    # the traditional-script notice: 市長陳國強 is listed under its simplified name
    assert any(x.startswith("陈国强") for x in out.splitlines())
    rows = list(csv.DictReader(out_file.open(encoding="utf-8")))
    assert rows and set(rows[0]) >= {"doc_id", "doc_title", "doc_date", "person", "title"}
    assert {r["doc_id"] for r in rows} <= {p.name for p in CORPORA.glob("*.txt")}


def test_citations(corpora: str, capsys, tmp_path) -> None:
    edges = tmp_path / "edges.csv"
    assert run("citations", corpora, "--edges", str(edges)) == 0
    out = capsys.readouterr().out
    assert "中华人民共和国行政处罚法" in out and "国办发〔2020〕23号" in out
    rows = list(csv.DictReader(edges.open(encoding="utf-8")))
    assert {"source", "target", "weight"} <= set(rows[0])
    assert ("jinan-2021-notice.txt", "国办发〔2020〕23号") in {(r["source"], r["target"])
                                                               for r in rows}


def test_kwic(corpora: str, capsys) -> None:
    assert run("kwic", corpora, "--label", "QUANTITY", "--unit", "元", "--min", "1e8") == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("[4601.97亿元]" in x for x in lines)
    assert not any("万元]" in x for x in lines)  # below 1e8 (万元 amounts are small here)
    assert run("kwic", corpora, "--label", "OFFICIAL", "--text", "李建平") == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith("xiangyang-2020-work-report-excerpt.txt") and "[襄阳市人民政府市长" in line


BAD = [
    (["kwic", "corpora"], 2, "neither label nor text"),
    (["kwic", "corpora", "--label", "QUANTITY", "--min", "lots"], 2, "a bad bound"),
    (["kwic", "corpora", "--label", "MONEY"], 2, "an unknown label"),
    (["citations", "no/such/folder"], 1, "a missing input"),
    (["officials", "corpora", "-o", "out.xlsx"], 2, "an output format nobody reads"),
]


@pytest.mark.parametrize("argv, code, why", BAD)
def test_exit_codes(argv: list, code: int, why: str, corpora: str, capsys,
                    monkeypatch) -> None:
    monkeypatch.chdir(CORPORA.parent)
    assert run(*argv) == code, why
    assert "govtext" in capsys.readouterr().err
