"""`Pipeline.pipe` with worker processes returns the documents in input order."""

from __future__ import annotations

from govtext.pipeline import Pipeline

TEXTS = [
    "市长王凤朝强调，全年投入12.5亿元。",
    "",
    "广西壮族自治区司法厅办理行政复议案件1200余件。",
    "二〇二一年，全省新增就业岗位3万个。",
    "国务院办公厅关于印发《全国深化“放管服”改革实施方案》的通知",
    "各区人民政府，市政府各部门：",
    "短",
]


def test_two_processes_keep_order_and_match_one_process() -> None:
    nlp = Pipeline()
    parallel = list(nlp.pipe(TEXTS, n_process=2, batch_size=2))
    assert [d.text for d in parallel] == TEXTS
    serial = list(nlp.pipe(TEXTS))
    assert [d.to_dict() for d in parallel] == [d.to_dict() for d in serial]


def test_order_holds_across_windows_of_a_lazy_iterator() -> None:
    # batch_size=1 with two processes keeps 8 texts in flight: 30 texts need 4 windows
    texts = (f"第{i}段：投放贷款{i}亿元。" for i in range(30))
    docs = list(Pipeline(disable=["entities"]).pipe(texts, n_process=2, batch_size=1))
    assert [d.text for d in docs] == [f"第{i}段：投放贷款{i}亿元。" for i in range(30)]
    assert all(d.quantities for d in docs[1:])
