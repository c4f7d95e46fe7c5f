"""What the test tables share, written once: reading a table (TSV or JSON cases under
tests/data), checking a case's `expect` and `absent` lists against spans, and the
hypothesis strategies for text that looks like government documents.

A table row or case that exists because of a reported problem says so in its `why`
(or a `# issue N:` comment in a TSV), so a failure points at the problem it guards.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path
from typing import Any, Iterable, Sequence

from hypothesis import strategies as st

from govtext.model import Document
from govtext.pipeline import Pipeline

DATA = Path(__file__).resolve().parent / "data"


def table(name: str, width: int | None = None) -> list[tuple[str, ...]]:
    """Rows of a TSV table under tests/data: tab-separated fields, `#` comment lines and
    blank lines skipped; with `width`, short rows are padded with "" (trailing empty
    columns) and long ones are an error."""
    rows = []
    for n, line in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if width is not None:
            if len(fields) > width:
                raise ValueError(f"{name}:{n}: {len(fields)} fields, expected {width}")
            fields += [""] * (width - len(fields))
        rows.append(tuple(fields))
    return rows


def cases(name: str, key: str = "cases") -> list[dict[str, Any]]:
    """The cases of a JSON table under tests/data (its `_about` says what they are)."""
    return list(json.loads((DATA / name).read_text(encoding="utf-8"))[key])


def case_id(case: dict[str, Any], width: int = 16) -> str:
    return str(case.get("id") or case.get("text", ""))[:width]


def _attr_of(span: Any) -> Any:
    for name in ("name", "canonical", "title", "value"):
        if hasattr(span, name):
            return getattr(span, name)
    return None


def check_expect_absent(spans: Iterable[Any], case: dict[str, Any]) -> None:
    """`expect`: [label, text] or [label, text, attr] pairs that must be found (attr: the
    span's name, canonical, title or value, whichever it has); `absent`: [label, text]
    pairs that must not be, `*` meaning no span of that label at all."""
    got = {(s.label, s.text): s for s in spans}
    for item in case.get("expect", ()):
        label, text = item[0], item[1]
        assert (label, text) in got, f"missing {label} {text!r}; got {sorted(got)}"
        if len(item) > 2 and item[2] is not None:
            assert _attr_of(got[(label, text)]) == item[2], \
                f"{label} {text!r}: {_attr_of(got[(label, text)])!r} != {item[2]!r}"
    for label, text in case.get("absent", ()):
        if text == "*":
            assert not [k for k in got if k[0] == label], f"unexpected {label}: {sorted(got)}"
        else:
            assert (label, text) not in got, f"unexpected {label} {text!r}"


# -- hypothesis strategies -------------------------------------------------

# text that looks like government prose: CJK, digits (ASCII, full-width, Chinese), units,
# brackets, quotes, line breaks, full-width spaces, astral characters, header and footer
# lines of scraped pages
PIECES: Sequence[str] = (
    "市长", "张瑞书", "市政府", "法制办", "省司法厅", "国务院", "《", "》", "“", "”", "〔", "〕",
    "2018", "年", "月", "日", "万", "亿", "元", "%", "余", "个", "点", "三", "十", "百分之",
    "分之", "近", "约", "左右", "以上", "·", "—", "-", "－", "至", "号", "发", "第", "、", "，",
    "。", "\n", "\r\n", "　", " ", "１２", "．", "％", "億", "點", "😀", "𠮷", "(", ")", "（",
    "）", "一、", "（一）", "索引号:", "发文日期:", "返回", "打印 关闭本页", "Copyright",
    "县", "乡", "镇", "村", "同志", "说", "美国", "总统", "克林顿", "○", "〇", "成", "折",
)

gov_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)),
                    max_size=40).map("".join)
"""Text built from pieces of government documents and arbitrary characters."""

def assert_indexes_text(doc: Any, text: str) -> None:
    """Every span, token and region of `doc` indexes `text` itself."""
    assert doc.text == text
    for group in (doc.spans, doc.tokens, doc.sentences, doc.paragraphs, doc.boilerplate):
        for s in group:
            assert text[s.start:s.end] == s.text


# -- a pipeline that fails on purpose --------------------------------------------

class Touchy(Pipeline):
    """Raises on 炸 (a stage bug), kills its own process on 死 (the OOM killer, a
    segfault) and is interrupted on 停: what the worker tests feed it."""

    def __call__(self, text: str) -> Document:
        if "死" in text:
            os.kill(os.getpid(), signal.SIGKILL)
        if "炸" in text:
            raise RuntimeError("stage exploded")
        if "停" in text:
            raise KeyboardInterrupt
        return super().__call__(text)


# -- notebooks ----------------------------------------------------------------

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def notebook_tools() -> tuple[Any, Any]:
    """(nbformat, nbclient), skipping the calling test module when the notebook extra
    (or the kernel, matplotlib, pandas the notebooks use) is missing."""
    import pytest

    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    for name in ("ipykernel", "matplotlib", "pandas"):
        pytest.importorskip(name)
    return nbformat, nbclient


def code_cells(nb: Any) -> list[Any]:
    return [c for c in nb.cells if c.cell_type == "code"]


def assert_committed_clean(path: Path) -> None:
    """The notebook at `path` is valid and committed without outputs."""
    nbformat, _ = notebook_tools()
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in code_cells(nb):
        assert cell.outputs == [] and cell.execution_count is None, path.name


__all__ = ["Touchy", "assert_committed_clean", "assert_indexes_text", "code_cells", "notebook_tools", "NOTEBOOKS", "DATA", "PIECES", "case_id", "cases", "check_expect_absent", "gov_text", "table"]
