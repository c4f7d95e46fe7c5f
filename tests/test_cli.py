"""The `govtext` command line, called in-process through `govtext.cli.main`."""

from __future__ import annotations

import io
import json
import re
import sys
import types
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govtext.cli import main
from govtext.cli.common import Problems
from govtext.cli.inputs import Source, collect
from govtext.cli.runner import Annotator, Record
from govtext.cli.tables import clip, display_width, format_table
from govtext.cli.writers import tsv_cell as _tsv_cell
from govtext.cli.writers import write_parquet, write_tsv
from govtext.model import Agency, Document, Official, Quantity, Regulation, Term
from govtext.integrations.pandas import TABLE_COLUMNS
from govtext.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]

TEXTS = {
    "a.txt": "成都市人民政府关于印发工作要点的通知\n市长王凤朝强调，全年投入12.5亿元。",
    "sub/b.txt": "广西壮族自治区司法厅：\n2022年共办理行政复议案件1200余件。",
    "sub/c.txt": "",
}


def never(name: str, message: str) -> None:
    raise AssertionError(f"unexpected problem with {name}: {message}")


def at(text: str, part: str) -> tuple[int, int, str]:
    start = text.index(part)
    return start, start + len(part), part


def typed_document() -> Document:
    t = "省长王晓东要求省财政厅落实《湖北省安全生产条例》，投入3.5亿元，增长12%。\t“放管服”\n改革"
    return Document(t, spans=(
        Official(*at(t, "省长王晓东"), name="王晓东", title="省长"),
        Agency(*at(t, "省财政厅"), canonical="湖北省财政厅"),
        Regulation(*at(t, "《湖北省安全生产条例》"), title="湖北省安全生产条例", kind="regulation"),
        Quantity(*at(t, "3.5亿元"), value=Decimal("350000000"), unit="元", kind="money"),
        Quantity(*at(t, "12%"), value=Decimal(12), unit="%", kind="percent"),
        Term(*at(t, "放管服”\n改"))))


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    for name, text in TEXTS.items():
        path = tmp_path / "corpus" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "corpus" / "notes.md").write_text("不是输入", encoding="utf-8")
    return tmp_path / "corpus"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip() == "govtext 0.1.0"


@pytest.mark.parametrize("argv", [[], ["annotate"], ["frobnicate", "x"],
                                  ["annotate", "x", "--format", "xml"],
                                  ["annotate", "x", "--jobs", "0"],
                                  ["stats", "x", "--top", "many"]])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "usage:" in err


def test_annotate_folder_to_jsonl(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, out, err = run(capsys, "annotate", str(corpus), "--quiet")
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["a.txt", "sub/b.txt", "sub/c.txt"]
    for record in records:
        assert record["path"] == str(corpus / record["id"])
        doc = Document.from_dict(record)
        assert doc.text == TEXTS[record["id"]]
        for span in doc.spans:
            assert doc.text[span.start:span.end] == span.text


def test_annotate_to_json_file(capsys: pytest.CaptureFixture[str], corpus: Path,
                               tmp_path: Path) -> None:
    out_file = tmp_path / "out.json"
    code, out, _ = run(capsys, "annotate", str(corpus / "a.txt"), str(corpus / "sub"),
                       "--format", "json", "-o", str(out_file), "-q")
    assert code == 0
    assert out == ""
    records = json.loads(out_file.read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == ["a.txt", "b.txt", "c.txt"]
    assert records[0]["text"] == TEXTS["a.txt"]


def test_annotate_stdin(capsys: pytest.CaptureFixture[str],
                        monkeypatch: pytest.MonkeyPatch) -> None:
    text = TEXTS["a.txt"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    code, out, _ = run(capsys, "annotate", "-")
    assert code == 0
    record = json.loads(out)
    assert (record["id"], record["path"], record["text"]) == ("stdin", "-", text)


def test_missing_and_undecodable_files_are_named_and_others_kept(
        capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x80\xff\x80")
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, "annotate", str(missing), str(bad),
                         str(corpus / "a.txt"), "-q")
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a.txt"]
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert str(missing) in lines[0] and "no such file" in lines[0]
    assert str(bad) in lines[1]


def test_empty_folder_is_an_input_error(capsys: pytest.CaptureFixture[str],
                                        tmp_path: Path) -> None:
    code, out, err = run(capsys, "annotate", str(tmp_path))
    assert code == 1
    assert out == ""
    assert str(tmp_path) in err and "no input files" in err


def test_annotate_with_two_jobs_keeps_order(capsys: pytest.CaptureFixture[str],
                                            corpus: Path) -> None:
    code, out, _ = run(capsys, "annotate", str(corpus), "--jobs", "2", "-q")
    assert code == 0
    code1, out1, _ = run(capsys, "annotate", str(corpus), "-q")
    assert out == out1


def test_tsv_one_escaped_line_per_span(corpus: Path) -> None:
    doc = typed_document()
    out = io.StringIO()
    write_tsv([Record(Source(Path("x/h.txt"), "h.txt", "text"), doc)], out, never)
    lines = out.getvalue().split("\n")
    assert lines[-1] == ""
    header, rows = lines[0].split("\t"), [line.split("\t") for line in lines[1:-1]]
    assert header == list(TABLE_COLUMNS)
    assert len(rows) == len(doc.spans)
    by_text = {row[header.index("text")]: dict(zip(header, row)) for row in rows}
    money = by_text["3.5亿元"]
    assert (money["doc_id"], money["path"], money["value"], money["unit"],
            money["kind"]) == ("h.txt", "x/h.txt", "350000000", "元", "money")
    assert by_text["省长王晓东"]["name"] == "王晓东"
    assert "放管服”\\n改" in by_text  # the line break inside a span is escaped


def test_tsv_from_the_command_line(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, out, _ = run(capsys, "annotate", str(corpus), "--format", "tsv", "-q")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split("\t") == list(TABLE_COLUMNS)
    for line in lines[1:]:
        row = dict(zip(TABLE_COLUMNS, line.split("\t")))
        text = TEXTS[row["doc_id"]]
        assert text[int(row["start"]):int(row["end"])] == row["text"]


def test_parquet_needs_an_output_file(capsys: pytest.CaptureFixture[str],
                                      corpus: Path) -> None:
    code, out, err = run(capsys, "annotate", str(corpus), "--format", "parquet")
    assert code == 2
    assert "-o" in err


def test_parquet_table(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                       corpus: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    doc = typed_document()
    target = tmp_path / "spans.parquet"
    write_parquet([Record(Source(None, "stdin", "text"), doc),
                   Record(Source(None, "2", "text"), doc)], str(target), never)
    frame = pd.read_parquet(target)
    assert list(frame.columns) == list(TABLE_COLUMNS)
    assert len(frame) == 2 * len(doc.spans)
    assert set(frame["value"].dropna()) == {"350000000", "12"}
    assert frame["start"].dtype == "int64"

    from_cli = tmp_path / "cli.parquet"
    code, _, _ = run(capsys, "annotate", str(corpus), "-f", "parquet", "-o", str(from_cli),
                     "-q")
    assert code == 0
    assert list(pd.read_parquet(from_cli).columns) == list(TABLE_COLUMNS)


def test_unwritable_output_is_a_usage_error(capsys: pytest.CaptureFixture[str],
                                            corpus: Path, tmp_path: Path) -> None:
    code, _, err = run(capsys, "annotate", str(corpus), "-o",
                       str(tmp_path / "no" / "such" / "dir.jsonl"))
    assert code == 2
    assert "cannot write" in err


@pytest.mark.parametrize("text,width", [("abc", 3), ("市长", 4), ("ＡＢ", 4), ("e\u0301", 1),
                                        ("《条例》", 8), ("", 0)])
def test_display_width(text: str, width: int) -> None:
    assert display_width(text) == width


def test_tables_align_cjk_text() -> None:
    table = format_table(["name", "count"], [["王晓东", 3], ["Li", 12], ["欧阳娜娜abc", 100]],
                         numeric=[False, True])
    lines = table.splitlines()
    assert len({display_width(line) for line in lines}) == 1
    assert all(line.endswith(("count", "-", "3", "12", "100")) for line in lines)


def write_docs(path: Path, docs: dict[str, Document]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for doc_id, doc in docs.items():
            f.write(json.dumps({"id": doc_id, **doc.to_dict()}, ensure_ascii=False) + "\n")


def test_stats_tables(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    write_docs(docs, {"one": typed_document(), "two": typed_document(),
                      "empty": Document("")})
    code, out, err = run(capsys, "stats", str(docs), "-q")
    assert code == 0, err
    assert out.startswith("3 document(s)")
    sections = {block.splitlines()[0]: block for block in out.split("\n\n")}
    officials = sections["Officials"].splitlines()
    assert officials[3].split() == ["王晓东", "省长", "2", "2"]
    assert sections["Agencies"].splitlines()[3].split() == ["湖北省财政厅", "省财政厅", "2", "2"]
    assert sections["Regulations"].splitlines()[3].split() == \
        ["湖北省安全生产条例", "regulation", "2", "2"]
    kinds = [line.split()[0] for line in sections["Quantities by kind"].splitlines()[3:]]
    assert kinds == ["money", "percent"]
    assert sections["Quantities by kind"].splitlines()[3].split()[-2:] == ["3.5亿元", "one"]


def test_stats_top_limits_rows(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    t = "市长甲乙，副市长丙丁，书记戊己"
    doc = Document(t, spans=(Official(*at(t, "市长甲乙"), name="甲乙", title="市长"),
                             Official(*at(t, "副市长丙丁"), name="丙丁", title="副市长"),
                             Official(*at(t, "书记戊己"), name="戊己", title="书记")))
    docs = tmp_path / "docs.jsonl"
    write_docs(docs, {"x": doc})
    code, out, _ = run(capsys, "stats", str(docs), "--top", "2")
    assert code == 0
    assert "Officials (top 2 of 3)" in out


def test_stats_of_text_files_and_bad_lines(capsys: pytest.CaptureFixture[str],
                                           corpus: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "x", "spans": [{"label": "NOPE"}]}\n', encoding="utf-8")
    code, out, err = run(capsys, "stats", str(corpus), str(broken), "-q")
    assert code == 1
    assert "3 document(s)" in out
    assert str(broken) in err and "line 1" in err


def test_stats_of_the_sample_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    corpora = ROOT / "corpora"
    files = sorted(corpora.glob("*.txt"))
    if not files:
        pytest.skip("no sample corpus")
    code, out, _ = run(capsys, "stats", str(corpora), "-q")
    assert code == 0
    assert out.startswith(f"{len(files)} document(s)")
    for title in ("Officials", "Agencies", "Regulations", "Quantities by kind"):
        assert f"\n{title}" in out


def test_eval_delegates(capsys: pytest.CaptureFixture[str],
                        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []

    def fake_main(argv: list[str]) -> int:
        seen.append(argv)
        return 3

    import govtext.evaluate

    monkeypatch.setattr(govtext.evaluate, "main", fake_main)
    assert main(["eval", "gold/", "--errors", "all"]) == 3
    assert seen == [["gold/", "--errors", "all"]]


def test_eval_runs_on_a_gold_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    gold = tmp_path / "g.json"
    gold.write_text(json.dumps({"text": "市长王凤朝", "spans": []}, ensure_ascii=False),
                    encoding="utf-8")
    code, out, _ = run(capsys, "eval", str(gold), "--json")
    assert code == 0
    assert isinstance(json.loads(out), dict)
    code, _, _ = run(capsys, "eval", "--help")
    assert code == 0


def test_train_segmenter_delegates(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, ...]] = []
    fake = types.ModuleType("govtext.segment.pkuseg_backend")

    def train_model(corpus_path: Path, model_dir: Path, epochs: int = 20) -> Path:
        calls.append((corpus_path, model_dir, epochs))
        return model_dir

    fake.train_model = train_model  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "govtext.segment.pkuseg_backend", fake)
    corpus = tmp_path / "train.txt"
    corpus.write_text("市长 王凤朝 强调\n", encoding="utf-8")
    code, _, err = run(capsys, "train-segmenter", str(corpus), str(tmp_path / "model"),
                       "--epochs", "3")
    assert code == 0, err
    assert calls == [(corpus, tmp_path / "model", 3)]
    code, _, _ = run(capsys, "train-segmenter", str(corpus), str(tmp_path / "m2"))
    assert calls[-1][2] == 20  # the backend's default when --epochs is not given
    code, _, err = run(capsys, "train-segmenter", str(tmp_path / "nope.txt"),
                       str(tmp_path / "m"))
    assert code == 1
    assert "nope.txt" in err


def test_encoding_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = "市长王凤朝强调"
    source = tmp_path / "utf16.txt"
    source.write_bytes(text.encode("utf-16-le"))
    code, out, _ = run(capsys, "annotate", str(source), "--encoding", "utf-16-le")
    assert code == 0
    assert json.loads(out)["text"] == text
    code, _, err = run(capsys, "annotate", str(source), "--encoding", "klingon")
    assert code == 2
    assert "klingon" in err


def test_gb18030_file_is_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pytest.importorskip("govtext.text.reading")
    text = "广州市人民政府办公厅关于加强城市管理的通知"
    source = tmp_path / "gbk.txt"
    source.write_bytes(text.encode("gb18030"))
    code, out, _ = run(capsys, "annotate", str(source))
    assert code == 0
    assert json.loads(out)["text"] == text


def test_html_pages_in_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from govtext.cli.inputs import html_available

    if not html_available():
        pytest.skip("the html extra is not installed")
    page = ("<html><head><title>通知</title></head><body><div id='content'>"
            "<h1>关于做好防汛工作的通知</h1><p>副市长陈卫强要求各区落实责任，"
            "投入资金3.5亿元。</p><p>2023年6月1日</p></div></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (tmp_path / "z.txt").write_text("市长王凤朝", encoding="utf-8")
    code, out, err = run(capsys, "annotate", str(tmp_path), "-q")
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["page.html", "z.txt"]
    assert "副市长陈卫强" in records[0]["text"]
    assert "<p>" not in records[0]["text"]
    code, out2, _ = run(capsys, "annotate", str(tmp_path), "-q", "--jobs", "2")
    assert out2 == out


class FailingPipeline(Pipeline):
    """Fails on texts containing 炸, as a buggy stage would (picklable for workers)."""

    def __call__(self, text: str) -> Document:
        if "炸" in text:
            raise RuntimeError("stage exploded")
        return super().__call__(text)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failing_document_is_named_and_the_rest_kept(tmp_path: Path, jobs: int) -> None:
    names = ["a.txt", "b.txt", "c.txt", "d.txt"]
    for name in names:
        (tmp_path / name).write_text("炸" if name == "b.txt" else f"市长王凤朝{name}",
                                     encoding="utf-8")
    err = io.StringIO()
    problems = Problems("annotate", stream=err)
    annotator = Annotator(problems, jobs=jobs, progress=False, pipeline=FailingPipeline())
    sources = collect([str(tmp_path)], problems)
    done = [record.source.id for record in annotator.run(sources)]
    assert done == ["a.txt", "c.txt", "d.txt"]
    assert problems.count == 1
    assert "b.txt" in err.getvalue() and "stage exploded" in err.getvalue()


def test_progress_bar_only_on_a_terminal_and_for_several_files(
        capsys: pytest.CaptureFixture[str], corpus: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 16: a bar only when stderr is a terminal; without tqdm, a note naming the
    extra; --quiet silences the bar and the summary."""
    pytest.importorskip("tqdm")
    _, _, err = run(capsys, "annotate", str(corpus))
    assert "0/3" not in err  # stderr is captured, not a terminal
    assert err.startswith("govtext annotate: 3 document(s)")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    _, _, err = run(capsys, "annotate", str(corpus))
    assert "0/3" in err
    _, _, err = run(capsys, "annotate", str(corpus), "--quiet")
    assert err == ""
    _, _, err = run(capsys, "annotate", str(corpus / "a.txt"))
    assert "0/1" not in err and "1 document(s)" in err
    monkeypatch.setitem(sys.modules, "tqdm", None)
    _, _, err = run(capsys, "annotate", str(corpus))
    assert "govtext[progress]" in err


TEXTS_ANY = st.text(alphabet=st.sampled_from("市长ＡBc\t\n\r\\ 　é\u0301𠀀…"), max_size=40)


@settings(max_examples=200, deadline=None)
@given(TEXTS_ANY, st.integers(2, 30))
def test_clipped_cells_fit(text: str, limit: int) -> None:
    cell = clip(text, limit)
    assert display_width(cell) <= limit
    assert "\n" not in cell and "\t" not in cell


def unescape_tsv(cell: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r"}.get(m.group(1),
                                                                          m.group(1)), cell)


@settings(max_examples=200, deadline=None)
@given(TEXTS_ANY)
def test_tsv_cells_are_one_line_and_reversible(text: str) -> None:
    cell = _tsv_cell(text)
    assert not set(cell) & {"\t", "\n", "\r"}
    assert unescape_tsv(cell) == text
