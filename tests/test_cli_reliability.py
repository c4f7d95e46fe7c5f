"""The command line's defects from issue 17 ("Data loss in the command line", "Files")
and issue 16 ("Command line"), one regression test per defect (named in each docstring)."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

import govtext.cli.runner
from govtext.cli import main
from govtext.cli.common import Problems
from govtext.cli.inputs import Source, collect
from govtext.cli.runner import Annotator, Record
from govtext.cli.writers import write_json, write_jsonl
from govtext.model import Document
from govtext.parallel import start_method
from govtext.pipeline import Pipeline

from support import Touchy

SENTENCE = "市长王凤朝强调，全年投入12.5亿元。"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def folder(tmp_path: Path, n: int, bad: dict[int, str]) -> Path:
    top = tmp_path / "in"
    top.mkdir()
    for i in range(n):
        (top / f"{i:04d}.txt").write_text(bad.get(i, f"{SENTENCE}{i}"), encoding="utf-8")
    return top


@pytest.mark.parametrize("jobs", [1, 2])
def test_every_input_ends_as_a_record_or_a_named_error(tmp_path: Path, jobs: int) -> None:
    """Issue 17: a worker dying under --jobs 2 left 1,616 of 2,000 files out, exit 0."""
    if jobs == 2 and start_method() != "fork":
        pytest.skip("kills a forked worker")
    bad = {7: "炸", 61: "死"} if jobs == 2 else {7: "炸"}
    top = folder(tmp_path, 80, bad)
    err = io.StringIO()
    problems = Problems("annotate", stream=err)
    annotator = Annotator(problems, jobs=jobs, progress=False, pipeline=Touchy())
    done = [r.source.id for r in annotator.run(collect([str(top)], problems))]
    assert done == [f"{i:04d}.txt" for i in range(80) if i not in bad]
    assert problems.count == len(bad)
    for i in bad:
        assert f"{i:04d}.txt" in err.getvalue()
    if jobs == 2:
        assert "WorkerDied" in err.getvalue()


def test_output_that_is_an_input_is_refused(capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    """Issue 17: `annotate report.txt -o report.txt` truncated the input."""
    report = tmp_path / "report.txt"
    report.write_text(SENTENCE, encoding="utf-8")
    code, _, err = run(capsys, "annotate", str(report), "-o", str(report))
    assert code == 2 and "also an input" in err
    assert report.read_text(encoding="utf-8") == SENTENCE
    code, _, err = run(capsys, "annotate", str(tmp_path), "-o", str(tmp_path / "out.txt"))
    assert code == 2 and "inside the input folder" in err
    code, _, err = run(capsys, "annotate", str(tmp_path), "-o", str(tmp_path / "out.jsonl"))
    assert code == 0, err  # not an input: written beside them, atomically
    assert [r["id"] for r in jsonl((tmp_path / "out.jsonl").read_text("utf-8"))] == \
        ["report.txt"]


def test_an_interrupted_run_leaves_the_old_output_and_no_temporary_file(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17: outputs are written atomically and stay valid whatever happens."""
    top = folder(tmp_path, 5, {3: "停"})
    target = tmp_path / "out.json"
    target.write_text("[]\n", encoding="utf-8")
    monkeypatch.setattr(govtext.cli.runner, "make_pipeline", lambda name: Touchy())
    code, _, err = run(capsys, "annotate", str(top), "-f", "json", "-o", str(target))
    assert code == 130 and "interrupted" in err
    assert target.read_text(encoding="utf-8") == "[]\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.json"]
    code, out, _ = run(capsys, "annotate", str(top), "-f", "json")
    assert code == 130
    assert [r["id"] for r in json.loads(out)] == ["0000.txt", "0001.txt", "0002.txt"]


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs byte file names")
@pytest.mark.parametrize("fmt", ["jsonl", "json", "tsv"])
def test_file_names_that_are_not_utf8(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                      fmt: str) -> None:
    """Issue 17: a GBK file name aborted a folder run, left JSON invalid, TSV cut short."""
    top = tmp_path / "zip"
    top.mkdir()
    with open(os.path.join(os.fsencode(top), "国务院".encode("gbk") + b".txt"), "wb") as f:
        f.write(SENTENCE.encode("utf-8"))
    (top / "z.txt").write_text(SENTENCE, encoding="utf-8")
    code, out, err = run(capsys, "annotate", str(top), "-f", fmt, "-q")
    assert code == 0, err
    out.encode("utf-8")  # valid UTF-8 text throughout
    name = ("国务院".encode("gbk") + b".txt").decode("utf-8", "backslashreplace")
    assert name.startswith("\\xb9\\xfa")
    if fmt == "tsv":
        ids = {line.split("\t")[0].replace("\\\\", "\\") for line in out.splitlines()[1:]}
    else:
        ids = {r["id"] for r in (json.loads(out) if fmt == "json" else jsonl(out))}
    assert ids == {name, "z.txt"}


def test_a_lone_surrogate_is_reported_not_written_half() -> None:
    """Issue 17 ("Lone surrogates"): policy in the CLI: the record is refused by name,
    the output stays valid UTF-8."""
    bad = Record(Source(None, "odd", "text"), Document("市长\ud800"))
    good = Record(Source(None, "ok", "text"), Document("市长"))
    seen: list[str] = []
    for writer in (write_jsonl, write_json):
        out = io.StringIO()
        writer([good, bad, good], out, lambda name, msg: seen.append(msg))
        out.getvalue().encode("utf-8")
        text = out.getvalue()
        records = json.loads(text) if writer is write_json else jsonl(text)
        assert [r["id"] for r in records] == ["ok", "ok"]
    assert len(seen) == 2 and "U+D800" in seen[0]


def test_unreadable_entries_in_a_folder_are_reported(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    """Issue 17: a broken symlink, a folder named x.txt and a FIFO were skipped silently."""
    top = tmp_path / "in"
    top.mkdir()
    (top / "good.txt").write_text(SENTENCE, encoding="utf-8")
    (top / "x.txt").mkdir()
    (top / "broken.txt").symlink_to(tmp_path / "gone.txt")
    if hasattr(os, "mkfifo"):
        os.mkfifo(top / "pipe.txt")
    code, out, err = run(capsys, "annotate", str(top), "-q")
    assert code == 1
    assert [r["id"] for r in jsonl(out)] == ["good.txt"]
    assert "x.txt: a folder, not a file" in err
    assert "broken.txt: a broken symbolic link" in err
    if hasattr(os, "mkfifo"):
        assert "pipe.txt: a FIFO" in err
    code, _, err = run(capsys, "annotate", str(top / "broken.txt"))
    assert code == 1 and "broken symbolic link" in err


BAD_LINES = [  # (field changed in a good record, why)
    (("value", "abc"), "a value that is no number"),
    (("value", "1/0"), "a zero denominator"),
    (("value", float("nan")), "NaN (written by json.dumps as a bare NaN)"),
    (("start", 999), "offsets outside the text"),
    (("start", "3"), "an offset of the wrong type"),
    (("label", "NOPE"), "an unknown label"),
]


def test_stats_reports_each_bad_line_and_goes_on(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    """Issue 17 / issue 9: one bad line of a hand-edited JSONL crashed `govtext stats`."""
    good = Pipeline()(SENTENCE).to_dict()
    quantity = next(i for i, s in enumerate(good["spans"]) if s["label"] == "QUANTITY")
    lines = [json.dumps(good, ensure_ascii=False)]
    for (key, value), _why in BAD_LINES:
        record = json.loads(lines[0])
        target = record["spans"][quantity]
        (target["attrs"] if key == "value" else target)[key] = value
        lines.append(json.dumps(record, ensure_ascii=False))
    lines += ["not json", "[1, 2]", json.dumps(good, ensure_ascii=False)]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "stats", str(path), "-q")
    assert code == 1
    assert out.startswith("2 document(s)")
    reported = [line for line in err.splitlines() if "docs.jsonl: line" in line]
    numbers = [int(line.split("line ")[1].split(":")[0]) for line in reported]
    assert numbers == list(range(2, len(lines)))


ENCODINGS = [  # (bytes, expected text or error fragment, why)
    ("臺北市政府法制處公告修正自治條例".encode("big5"), "臺北市政府法制處公告修正自治條例",
     "issue 17: Big5 decoded as GB18030 mojibake, 0 spans"),
    ("東京都は新型コロナウイルス対策を発表しました。".encode("cp932"), "Shift-JIS",
     "issue 17: Shift-JIS decoded silently"),
    ("国务院".encode("utf-8") + b"\xc0\x80", "overlong", "issue 17: overlong UTF-8 C0 80"),
]


@pytest.mark.parametrize("data,expected,why", ENCODINGS)
def test_encodings(capsys: pytest.CaptureFixture[str], tmp_path: Path, data: bytes,
                   expected: str, why: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    code, out, err = run(capsys, "annotate", str(path), "-q")
    if code == 0:
        assert jsonl(out)[0]["text"] == expected, why
    else:
        assert code == 1 and expected in err and "doc.txt" in err, why


def test_a_doubtful_decode_is_a_warning(capsys: pytest.CaptureFixture[str],
                                        tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(bytes([0x81, 0x40, 0x82, 0x41, 0x83, 0x42]))  # rare GBK characters
    code, out, err = run(capsys, "annotate", str(path))
    assert code == 0
    assert "warning: " in err and "low confidence" in err
    assert "1 warning(s)" in err.splitlines()[-1]


def test_large_files_in_sections(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Issue 17: memory was ~95x the file size; a long file is annotated in sections."""
    text = "".join(f"第{i}段：市长王凤朝强调，全年投入{i}亿元。\n" for i in range(60))
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "annotate", str(path), "--section-chars", "300", "-q")
    assert code == 0
    records = jsonl(out)
    assert len(records) > 3
    assert [r["section"] for r in records] == list(range(len(records)))
    assert "".join(r["text"] for r in records) == text
    for r in records:
        assert text[r["offset"]:r["offset"] + len(r["text"])] == r["text"]
        assert all(s["text"] == r["text"][s["start"]:s["end"]] for s in r["spans"])
    code, out, _ = run(capsys, "annotate", str(path), "--section-chars", "300", "-f", "tsv",
                       "-q")
    rows = [line.split("\t") for line in out.splitlines()[1:]]
    assert rows and all(text[int(r[2]):int(r[3])] == r[5] for r in rows)  # file offsets


def test_command_line_options_of_issue_16(capsys: pytest.CaptureFixture[str],
                                          tmp_path: Path) -> None:
    """Issue 16: --segmenter, case-insensitive formats, no tokens, a closing summary."""
    path = tmp_path / "a.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    code, out, err = run(capsys, "annotate", str(path), "--segmenter", "JIEBA",
                         "-f", "JSONL", "--no-tokens")
    assert code == 0
    record = jsonl(out)[0]
    assert "tokens" not in record
    assert Document.from_dict(record).text == SENTENCE
    summary = err.strip().splitlines()[-1]
    spans = len(record["spans"])
    assert summary.startswith(f"govtext annotate: 1 document(s), {len(SENTENCE)} "
                              f"characters, {spans} spans, ")
    assert summary.endswith(" s, 0 error(s)")
    code, _, err = run(capsys, "annotate", str(path), "--segmenter", "nope")
    assert code == 2 and "nope" in err
    code, out, _ = run(capsys, "stats", str(path), "--segmenter", "Jieba", "-q")
    assert code == 0 and out.startswith("1 document(s)")
    code, out, _ = run(capsys, "annotate", str(path), "-f", "Tsv", "-q")
    assert code == 0 and out.startswith("doc_id\t")


def test_spacy_format_needs_a_file(capsys: pytest.CaptureFixture[str],
                                   tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    code, _, err = run(capsys, "annotate", str(path), "-f", "spacy")
    assert code == 2 and "-o FILE" in err


def test_spacy_format_writes_a_docbin_through_the_integration(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Issue 16: `govtext annotate --format spacy` writes a DocBin (through
    govtext.integrations.spacy.write_docbin, or says clearly that it is missing)."""
    pytest.importorskip("spacy")
    import govtext.integrations.spacy as integration

    path = tmp_path / "a.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    target = tmp_path / "out.spacy"
    code, _, err = run(capsys, "annotate", str(path), "-f", "SPACY", "-o", str(target), "-q")
    if not hasattr(integration, "write_docbin"):
        assert code == 2 and "write_docbin" in err
        assert not target.exists()
        return
    assert code == 0, err
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    docs = list(DocBin().from_disk(target).get_docs(Vocab()))
    assert [d.text for d in docs] == [SENTENCE]
