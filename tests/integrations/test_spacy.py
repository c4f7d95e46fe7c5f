"""govtext in spaCy: `Document.to_spacy`, the ``govtext`` component, extensions."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

spacy = pytest.importorskip("spacy")

from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

import govtext  # noqa: E402
from govtext.model import (Agency, Date, DocNo, Document, Location, Official,  # noqa: E402
                              Person, Quantity, Regulation, Term, Token)
from govtext.integrations.spacy import GovtextComponent, set_spans, to_spacy  # noqa: E402
from govtext.segment.jieba_backend import JiebaSegmenter  # noqa: E402
from govtext.text.prepare import normalize  # noqa: E402

# A varied text: other provinces and ministries, full-width digits and space, a line
# break, an astral character, a space between words.
TEXT = ("2019年3月，四川省人民政府印发《四川省优化营商环境条例》（川府发〔2019〕7号）。\n"
        "　副省长王建国出席会议，全省完成投资３５６.８亿元，增长百分之十二点五，"
        "占三分之一。\n𠀋 推进“放管服”改革，成都市 率先试点。")


def at(text: str, sub: str, nth: int = 0) -> tuple[int, int, str]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub), sub


def build_doc(text: str = TEXT) -> Document:
    spans = [
        Date(*at(text, "2019年3月"), value="2019-03"),
        Agency(*at(text, "四川省人民政府"), canonical="四川省人民政府"),
        Regulation(*at(text, "《四川省优化营商环境条例》"), title="四川省优化营商环境条例",
                   kind="regulation"),
        Location(*at(text, "四川省", 1)),  # inside the regulation title
        DocNo(*at(text, "川府发〔2019〕7号"), issuer_code="川府发", year="2019", serial="7"),
        Official(*at(text, "副省长王建国"), name="王建国", title="副省长"),
        Person(*at(text, "王建国"), name="王建国"),  # inside the official
        Quantity(*at(text, "３５６.８亿元"), value=Decimal("35680000000"), unit="元",
                 kind="money"),
        Quantity(*at(text, "百分之十二点五"), value=Decimal("12.5"), unit="%",
                 kind="percent"),
        Quantity(*at(text, "三分之一"), value=Fraction(1, 3), unit="", kind="ratio"),
        Term(*at(text, "放管服")),
        Location(*at(text, "成都市")),
    ]
    tokens = JiebaSegmenter().segment(text, normalize(text))
    sentences = []
    start = 0
    for i, ch in enumerate(text):
        if ch == "。":
            sentences.append(govtext.Region(start, i + 1, text[start:i + 1], "sentence"))
            start = i + 1
    return Document(text=text, spans=tuple(spans), tokens=tuple(tokens),
                    sentences=tuple(sentences))


@pytest.fixture(scope="module")
def gdoc() -> Document:
    return build_doc()


@pytest.fixture(scope="module")
def sdoc(gdoc):
    return gdoc.to_spacy()


def by_key(spans) -> dict[tuple[int, int, str], object]:
    return {(s.start_char, s.end_char, s.label_): s for s in spans}


# ---------------------------------------------------------------------------
# to_spacy


def test_same_text_and_every_span_aligned_exactly(gdoc, sdoc):
    assert isinstance(sdoc, Doc)
    assert sdoc.text == gdoc.text
    group = by_key(sdoc.spans["govtext"])
    assert set(group) == {(s.start, s.end, s.label) for s in gdoc.spans}
    for s in gdoc.spans:
        assert group[(s.start, s.end, s.label)].text == s.text


def test_govtext_tokens_are_kept_where_no_span_cuts_them(gdoc, sdoc):
    bounds = {x for s in gdoc.spans for x in (s.start, s.end)}
    ours = {(t.idx, t.idx + len(t.text)) for t in sdoc}
    for t in gdoc.tokens:
        if not any(t.start < b < t.end for b in bounds):
            assert (t.start, t.end) in ours, t


@pytest.mark.parametrize("text, label", [
    ("副省长王建国", "OFFICIAL"),  # longer than the PERSON inside
    ("《四川省优化营商环境条例》", "REGULATION"),  # longer than the LOCATION inside
    ("川府发〔2019〕7号", "DOCNO"),
    ("３５６.８亿元", "QUANTITY"),
    ("百分之十二点五", "QUANTITY"),
    ("2019年3月", "DATE"),
    ("四川省人民政府", "AGENCY"),
    ("放管服", "TERM"),
    ("成都市", "LOCATION"),
])
def test_entities_prefer_the_longer_span(sdoc, text, label):
    assert (text, label) in [(e.text, e.label_) for e in sdoc.ents]


def test_entities_do_not_overlap_and_the_inner_spans_stay_in_the_group(sdoc):
    ents = list(sdoc.ents)
    for a, b in zip(ents, ents[1:]):
        assert a.end <= b.start
    labels = [(s.text, s.label_) for s in sdoc.spans["govtext"]]
    assert ("王建国", "PERSON") in labels and ("四川省", "LOCATION") in labels
    assert ("王建国", "PERSON") not in [(e.text, e.label_) for e in ents]


@pytest.mark.parametrize("text, label, ext, expected", [
    ("３５６.８亿元", "QUANTITY", "value", "35680000000"),
    ("３５６.８亿元", "QUANTITY", "number", Decimal("35680000000")),
    ("３５６.８亿元", "QUANTITY", "unit", "元"),
    ("３５６.８亿元", "QUANTITY", "kind", "money"),
    ("百分之十二点五", "QUANTITY", "number", Decimal("12.5")),
    ("三分之一", "QUANTITY", "value", "1/3"),
    ("三分之一", "QUANTITY", "number", Fraction(1, 3)),
    ("2019年3月", "DATE", "value", "2019-03"),
    ("2019年3月", "DATE", "number", None),
    ("副省长王建国", "OFFICIAL", "name", "王建国"),
    ("副省长王建国", "OFFICIAL", "title", "副省长"),
    ("王建国", "PERSON", "name", "王建国"),
    ("四川省人民政府", "AGENCY", "canonical", "四川省人民政府"),
    ("《四川省优化营商环境条例》", "REGULATION", "title", "四川省优化营商环境条例"),
    ("《四川省优化营商环境条例》", "REGULATION", "kind", "regulation"),
    ("成都市", "LOCATION", "value", None),
])
def test_extension_values(sdoc, text, label, ext, expected):
    span = next(s for s in sdoc.spans["govtext"] if s.text == text and s.label_ == label)
    got = getattr(span._.govtext, ext)
    assert got == expected and type(got) is type(expected)


def test_govtext_attrs_match_the_document(gdoc, sdoc):
    group = by_key(sdoc.spans["govtext"])
    for s in gdoc.spans:
        span = group[(s.start, s.end, s.label)]
        values = span._.govtext
        assert values.attrs == s.attrs and values.label == s.label
        assert (values.start, values.end, values.text) == (s.start, s.end, s.text)
    for ent in sdoc.ents:  # entities read the same storage
        assert ent._.govtext == group[(ent.start_char, ent.end_char, ent.label_)]._.govtext


def test_sentences_come_from_govtext(gdoc, sdoc):
    starts = [s.start_char for s in sdoc.sents]
    assert starts == [0] + [r.start for r in gdoc.sentences[1:]]


def test_values_survive_to_bytes(gdoc, sdoc):
    again = Doc(sdoc.vocab).from_bytes(sdoc.to_bytes())
    assert again.text == sdoc.text
    assert [(e.text, e.label_, e._.govtext.value, e._.govtext.number) for e in again.ents] == [
        (e.text, e.label_, e._.govtext.value, e._.govtext.number) for e in sdoc.ents]
    assert len(again.spans["govtext"]) == len(gdoc.spans)


@pytest.mark.parametrize("text", [
    "",
    " ",
    "\n\n",
    "  前导空格和 单个空格  两个空格\t制表\r\n换行",
    "𠀋𠀌 𠀍",
    "全角　空格",
])
def test_whitespace_is_kept_exactly(text):
    doc = Document(text=text, tokens=tuple(JiebaSegmenter().segment(text, normalize(text))))
    sdoc = doc.to_spacy()
    assert sdoc.text == text
    assert all(t.text for t in sdoc)


def test_document_without_tokens_gets_character_tokens():
    text = "市长 李华说"
    doc = Document(text=text, spans=(Official(*at(text, "市长 李华"), name="李华",
                                              title="市长"),))
    sdoc = to_spacy(doc)
    assert [t.text for t in sdoc] == ["市", "长", "李", "华", "说"]
    assert [(e.text, e.label_) for e in sdoc.ents] == [("市长 李华", "OFFICIAL")]


def test_a_span_starting_on_a_space_still_aligns():
    text = "说 ，好"
    doc = Document(text=text, spans=(Term(*at(text, " ，")),),
                   tokens=(Token(0, 1, "说"), Token(2, 3, "，"), Token(3, 4, "好")))
    sdoc = to_spacy(doc)
    assert [(e.start_char, e.end_char) for e in sdoc.ents] == [(1, 3)]


@st.composite
def documents(draw) -> Document:
    text = draw(st.text(alphabet=st.sampled_from(list("市长李华说。 \n\t　𠀋ab1")), max_size=30))
    n = len(text)
    spans = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, n))
        end = draw(st.integers(start, n))
        label = draw(st.sampled_from([Term, Location]))
        spans.append(label(start, end, text[start:end]))
    cuts = sorted(set(draw(st.lists(st.integers(0, n), max_size=10))) | {0, n})
    tokens = [Token(a, b, text[a:b]) for a, b in zip(cuts, cuts[1:])
              if a < b and not text[a:b].isspace() and draw(st.booleans())]
    return Document(text=text, spans=tuple(spans), tokens=tuple(tokens))


@settings(max_examples=150, deadline=None)
@given(documents())
def test_any_document_converts_exactly(doc):
    sdoc = to_spacy(doc)
    assert sdoc.text == doc.text
    group = by_key(sdoc.spans["govtext"])
    for s in doc.spans:
        if s.start < s.end and not s.text.isspace():
            assert (s.start, s.end, s.label) in group
    taken: set[int] = set()
    for e in sdoc.ents:
        assert not taken & set(range(e.start, e.end))
        taken |= set(range(e.start, e.end))


REAL_TEXTS = [
    TEXT,
    "2017年，广东省财政厅下达专项资金12.6亿元，较上年增长8.3%。\n\n二、主要任务\n（一）深化改革。",
    "国务院办公厅关于印发《“十四五”数字政府建设规划》的通知（国办发〔2022〕14号）",
]


@pytest.mark.parametrize("text", REAL_TEXTS)
def test_annotate_output_converts_exactly(text):
    # invariants only: the entity finders are still being built
    gdoc = govtext.annotate(text)
    sdoc = gdoc.to_spacy()
    assert sdoc.text == text
    group = by_key(sdoc.spans["govtext"])
    made = [sp for sp in gdoc.spans if sp.start < sp.end]
    # every span, in order, even two of one label on the same characters
    assert [(sp._.govtext.start, sp._.govtext.end, sp._.govtext.attrs)
            for sp in sdoc.spans["govtext"]] == [(sp.start, sp.end, sp.attrs) for sp in made]
    ents = list(sdoc.ents)
    assert all(a.end <= b.start for a, b in zip(ents, ents[1:]))
    assert {(e.start_char, e.end_char, e.label_) for e in ents} <= set(group)


# ---------------------------------------------------------------------------
# to_spacy with a pipeline of your own


@Language.component("govtext_test_marker")
def _marker(doc: Doc) -> Doc:
    doc.user_data["marker_saw"] = [t.text for t in doc]
    return doc


def test_components_of_the_given_nlp_run_over_govtext_tokens(gdoc):
    nlp = spacy.blank("zh")
    nlp.add_pipe("govtext_test_marker")
    nlp.add_pipe("govtext")  # skipped: the spans are already there
    sdoc = gdoc.to_spacy(nlp)
    assert sdoc.vocab is nlp.vocab
    assert sdoc.user_data["marker_saw"] == [t.text for t in sdoc]
    assert len(sdoc.spans["govtext"]) == len(gdoc.spans)


# ---------------------------------------------------------------------------
# the component


def test_component_through_add_pipe():
    nlp = spacy.blank("zh")
    component = nlp.add_pipe("govtext")
    assert isinstance(component, GovtextComponent)
    text = "2021年，浙江省完成投资1200亿元，增长8.5%。"
    doc = nlp(text)
    gdoc = govtext.annotate(text)
    # invariants only: other helpers are still building the entity finders
    assert len(doc.spans["govtext"]) == len([s for s in gdoc.spans if s.start < s.end])
    for span, g in zip(doc.spans["govtext"], sorted(
            (s for s in gdoc.spans if s.start < s.end), key=lambda s: (s.start, -s.end))):
        assert span.label_ == g.label
        assert span.start_char <= g.start and g.end <= span.end_char  # widened at most
        assert span._.govtext.attrs == g.attrs
    ents = list(doc.ents)
    assert all(a.end <= b.start for a, b in zip(ents, ents[1:]))
    assert {(e.start_char, e.end_char, e.label_) for e in ents} <= {
        (s.start_char, s.end_char, s.label_) for s in doc.spans["govtext"]}


def fixed(spans_of):
    """A stand-in govtext pipeline that returns chosen spans for a text."""
    return lambda text: Document(text=text, spans=tuple(spans_of(text)))


def test_component_widens_spans_that_split_spacy_tokens():
    nlp = spacy.blank("zh")
    component = nlp.add_pipe("govtext")
    component._pipeline = fixed(lambda t: [Person(*at(t, "张伟"), name="张伟")])
    doc = Doc(nlp.vocab, words=["省长张", "伟", "讲话"], spaces=[False] * 3)
    doc = component(doc)
    (ent,) = doc.ents
    assert ent.text == "省长张伟" and ent._.govtext.name == "张伟"
    assert ent._.govtext.start == 2 and ent._.govtext.text == "张伟"


@Language.component("govtext_test_first_ent")
def _first_ent(doc: Doc) -> Doc:
    doc.ents = [doc.char_span(0, 2, label="GPE")]
    return doc


@pytest.mark.parametrize("config, expected", [
    ({}, [("广州市长", "OFFICIAL")]),
    ({"overwrite_ents": False}, [("广州", "GPE")]),
    ({"set_ents": False}, [("广州", "GPE")]),
])
def test_component_entity_options(config, expected):
    nlp = spacy.blank("zh")
    nlp.add_pipe("govtext_test_first_ent")
    component = nlp.add_pipe("govtext", config=config)
    component._pipeline = fixed(
        lambda t: [Official(*at(t, "广州市长"), name="", title="市长")])
    doc = nlp("广州市长讲话")
    assert [(e.text, e.label_) for e in doc.ents] == expected
    assert [s.label_ for s in doc.spans["govtext"]] == ["OFFICIAL"]


def test_component_spans_key():
    nlp = spacy.blank("zh")
    nlp.add_pipe("govtext", config={"spans_key": "gov"})
    doc = nlp("增长8.5%")
    assert "gov" in doc.spans and "govtext" not in doc.spans


def test_component_rejects_a_bad_setting_at_once():
    nlp = spacy.blank("zh")
    with pytest.raises(ValueError, match="segmenter"):
        nlp.add_pipe("govtext", config={"segmenter": "nope"})
    with pytest.raises(ValueError, match="pkuseg"):
        nlp.add_pipe("govtext", name="g2", config={"segmenter": "pkuseg"})


PIPE_SCRIPT = """
import multiprocessing, sys
if __name__ == "__main__":
    # spawn, as on macOS and Windows: workers import everything afresh and get the
    # extensions only through what spaCy pickles for them
    multiprocessing.set_start_method("spawn")
    import spacy
    nlp = spacy.blank("zh")
    nlp.add_pipe("govtext")
    texts = ["2020年完成投资12.5亿元。", "增长百分之七，新建住房两千套。", "没有数字的句子。",
             "2018年4月印发通知，涉及资金3000万元。"]
    def summary(docs):
        return [[(e.start_char, e.end_char, e.label_, e._.govtext.value, e._.govtext.unit,
                  e._.govtext.attrs) for e in d.ents] + [len(d.spans["govtext"]),
                 [s.text for s in d.sents], len(d._.govtext.spans)]
                for d in docs]
    one = summary(nlp.pipe(texts))
    two = summary(nlp.pipe(texts, n_process=2, batch_size=2))
    print(repr(one))
    print(repr(two))
"""


def test_pipe_in_two_spawned_processes_matches_one(tmp_path):
    script = tmp_path / "pipe_check.py"
    script.write_text(PIPE_SCRIPT, encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                         timeout=600)
    assert out.returncode == 0, out.stderr
    one, two = out.stdout.strip().splitlines()
    assert "QUANTITY" in one and one == two


def test_pipeline_saves_and_loads(tmp_path):
    nlp = spacy.blank("zh")
    nlp.add_pipe("govtext", config={"spans_key": "gov"})
    nlp.to_disk(tmp_path / "p")
    again = spacy.load(tmp_path / "p")
    assert again.pipe_names == ["govtext"]
    assert again.get_pipe("govtext").spans_key == "gov"


def test_factory_is_found_through_the_entry_point():
    # a fresh interpreter that never imports govtext itself
    code = ("import spacy; nlp = spacy.blank('zh'); nlp.add_pipe('govtext'); "
            "d = nlp('增长8.5%'); print(type(nlp.get_pipe('govtext')).__module__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "govtext.integrations.spacy"


def test_set_spans_skips_spans_without_tokens():
    nlp = spacy.blank("zh")
    doc = Doc(nlp.vocab, words=["市长", "说"], spaces=[True, False])
    set_spans(doc, [Term(2, 3, " "), Term(1, 1, "")])
    assert len(doc.spans["govtext"]) == 0 and not doc.ents


def test_without_spacy_the_error_says_what_to_install(monkeypatch, gdoc):
    monkeypatch.setitem(sys.modules, "spacy", None)
    monkeypatch.delitem(sys.modules, "govtext.integrations.spacy")
    with pytest.raises(ImportError, match=r"pip install 'govtext\[spacy\]'"):
        gdoc.to_spacy()
