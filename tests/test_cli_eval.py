"""`govtext eval` and `Report` (issue 16 "Command line"): the overall row, unknown labels,
a gold file that is not JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govtext.cli import main
from govtext.model import Document, Official
from govtext.evaluate import evaluate

TEXT = "市长张瑞书强调，副市长王凤朝要求落实。"


class Fixed:
    """Predicts one OFFICIAL (right) and one spurious one."""

    def __call__(self, text: str) -> Document:
        i, j = text.index("市长张瑞书"), text.index("王凤朝要求")
        return Document(text, spans=(Official(i, i + 5, "市长张瑞书", name="张瑞书", title="市长"),
                                     Official(j, j + 5, "王凤朝要求", name="王凤朝", title="")))


def gold(tmp_path: Path) -> Path:
    i, j = TEXT.index("市长张瑞书"), TEXT.index("副市长王凤朝")
    spans = [{"start": i, "end": i + 5, "label": "OFFICIAL", "text": "市长张瑞书",
              "attrs": {"name": "张瑞书", "title": "市长"}},
             {"start": j, "end": j + 6, "label": "OFFICIAL", "text": "副市长王凤朝",
              "attrs": {"name": "王凤朝", "title": "副市长"}}]
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"text": TEXT, "spans": spans}, ensure_ascii=False),
                    encoding="utf-8")
    return path


def test_report_has_an_overall_row(tmp_path: Path) -> None:
    """Issue 16: Report.f1("all") returned 0.0; an unknown label must raise."""
    report = evaluate([gold(tmp_path)], pipeline=Fixed())
    assert report.f1("all") == pytest.approx(0.5)  # 1 of 2 exact on both sides
    assert report.f1("all", "partial") == pytest.approx(1.0)
    assert report.f1("OFFICIAL") == report.f1("all")
    assert report.f1("DATE") == 0.0  # a label no document had
    with pytest.raises(ValueError, match="OFICIAL"):
        report.f1("OFICIAL")
    with pytest.raises(ValueError, match="measure"):
        report.f1("all", "fuzzy")
    data = report.to_dict()
    assert data["all"]["exact"] == {"p": 0.5, "r": 0.5, "f1": 0.5}
    assert (data["all"]["gold"], data["all"]["pred"]) == (2, 2)


def test_eval_json_has_the_overall_row(capsys: pytest.CaptureFixture[str],
                                       tmp_path: Path) -> None:
    code = main(["eval", str(gold(tmp_path)), "--json"])
    out = capsys.readouterr().out
    assert code == 0
    data = json.loads(out)
    assert set(data["all"]) >= {"gold", "pred", "exact", "partial"}
    assert data["all"]["gold"] == 2


@pytest.mark.parametrize("content", [b"not json at all", b"\xff\xfe\x00", b"[1, 2]"])
def test_a_gold_file_that_is_not_json_is_named(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path, content: bytes) -> None:
    """Issue 16: a non-JSON gold file gave an error without the file's name."""
    path = tmp_path / "notes.json"
    path.write_bytes(content)
    code = main(["eval", str(path)])
    err = capsys.readouterr().err
    assert code == 1
    assert str(path) in err
