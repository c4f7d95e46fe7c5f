"""Header fields survive any layout: generated values, label variants, separators and
line groupings are read back exactly."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from govtext.data import read_rows
from govtext.text.prepare import Prepared
from govtext.text.structure import analyze

LABELS: dict[str, list[str]] = {}
for label, key in read_rows("metadata_fields.tsv"):
    LABELS.setdefault(key, []).append(label)

han = st.text(alphabet="市省县区政府办公室综合政务城乡建设财政审计教育卫生健康委员会人民", min_size=2,
              max_size=12)
index_no = st.from_regex(r"[0-9A-Z]{6,12}/20[0-9]{2}-[0-9]{2,5}", fullmatch=True)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))
date_style = st.sampled_from(["{y}-{m:02d}-{d:02d}", "{y}年{m}月{d}日", "{y}/{m}/{d}",
                              "{y}.{m:02d}.{d:02d}", "{y}年{m:02d}月{d:02d}日"])
separator = st.sampled_from(["：", ":", " : ", "\t", "|", "】"])
blank = st.sampled_from([" ", "　", "  "])
between = st.sampled_from([" ", "　", "\t", "   ", " | "])


@st.composite
def headers(draw):
    values = {
        "index_no": draw(index_no),
        "topic": draw(han),
        "issuer": draw(han),
        "issued": draw(days),
        "published": draw(days),
        "title": draw(han) + "的通知",
        "validity": draw(st.sampled_from(["有效", "现行有效", "失效"])),
    }
    keys = draw(st.permutations(list(values)))
    # blanks alone separate labels from values only in a layout that uses them
    # throughout (in a line of 名称：… a word like 分类 followed by a space is value text)
    blank_layout = draw(st.booleans())
    fields = []
    for key in keys:
        label = draw(st.sampled_from(LABELS[key]))
        value = values[key]
        if isinstance(value, date):
            value = draw(date_style).format(y=value.year, m=value.month, d=value.day)
        sep = draw(blank if blank_layout else separator)
        fields.append(f"【{label}】{value}" if sep == "】" else f"{label}{sep}{value}")
    # group the fields into lines of 1-3
    lines, i = [], 0
    while i < len(fields):
        k = draw(st.integers(1, 3))
        lines.append(draw(between).join(fields[i:i + k]))
        i += k
    pipes = draw(st.booleans())
    if pipes:
        lines = [f"| {line} |" for line in lines]
    return values, "\n".join(lines)


@settings(max_examples=200, deadline=None)
@given(headers())
def test_any_layout_reads_back(header):
    values, head = header
    text = f"<<返回首页\n{head}\n\n正文第一段，介绍有关情况。\n"
    meta = analyze(Prepared.of(text)).metadata
    for key, expected in values.items():
        assert getattr(meta, key) == expected, (key, head)
    assert meta.start is not None and text[meta.start:meta.end].strip() == head.strip()
