"""The spacy-pkuseg backend: training a tiny model, segmenting with it, errors."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("spacy_pkuseg")

from govtext import Pipeline  # noqa: E402
from govtext.segment import get_segmenter  # noqa: E402
from govtext.segment.pkuseg_backend import (  # noqa: E402
    MAX_CHUNK, PkusegSegmenter, chunks, train_model)
from govtext.text.prepare import normalize  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "data" / "pkuseg"
SAMPLE = DATA / "gov_sample.txt"

# Variations written in the test: the same frames over many places, so the model sees
# frames with place names it has not seen and the held-out half measures that.
PLACES = ["石家庄", "唐山", "保定", "邯郸", "太原", "大同", "济南", "青岛", "南京", "苏州",
          "杭州", "宁波", "合肥", "福州", "厦门", "南昌", "郑州", "武汉", "长沙", "广州",
          "深圳", "南宁", "成都", "贵阳", "昆明", "西安", "兰州", "西宁", "银川", "拉萨"]
FRAMES = [
    "{p} 市 人民 政府 召开 常务 会议 ， 研究 部署 重点 工作 。",
    "{p} 市 全年 完成 固定 资产 投资 三百 亿元 。",
    "今年 {p} 市 新建 保障性 住房 两千 套 。",
    "{p} 市 地区 生产 总值 增长 百分之七 ， 财政 收入 稳步 增长 。",
    "{p} 市 司法局 组织 开展 普法 宣传 活动 。",
]


def sample_lines() -> list[str]:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def variations(places: list[str]) -> list[str]:
    return [frame.format(p=p) for p in places for frame in FRAMES]


TRAIN_PLACES = PLACES[::2]
HELD_OUT = variations(PLACES[1::2])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "train.txt"
    path.write_text("\n".join(sample_lines() + variations(TRAIN_PLACES)) + "\n",
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def model(corpus, tmp_path_factory) -> Path:
    return train_model(corpus, tmp_path_factory.mktemp("model") / "pkuseg", epochs=3)


@pytest.fixture(scope="module")
def bare(model) -> PkusegSegmenter:
    """The trained model alone, without govtext's lexicon, to measure what it learnt."""
    return PkusegSegmenter(model, use_lexicon=False)


def words_of(seg: PkusegSegmenter, text: str) -> list[str]:
    return [t.text for t in seg.segment(text, normalize(text))]


def word_f1(gold_lines: list[str], seg: PkusegSegmenter) -> float:
    def spans(words: list[str]) -> set[tuple[int, int]]:
        out, pos = set(), 0
        for w in words:
            out.add((pos, pos + len(w)))
            pos += len(w)
        return out

    hit = n_gold = n_pred = 0
    for line in gold_lines:
        gold = line.split()
        pred = words_of(seg, "".join(gold))
        assert "".join(pred) == "".join(gold)
        g, p = spans(gold), spans(pred)
        hit += len(g & p)
        n_gold += len(g)
        n_pred += len(p)
    return 2 * hit / (n_gold + n_pred)


# ---------------------------------------------------------------------------
# training


def test_training_writes_a_loadable_model_and_a_log(model):
    names = {p.name for p in model.iterdir()}
    assert {"features.msgpack", "weights.npz", "train.log"} <= names
    log = (model / "train.log").read_text(encoding="utf-8")
    assert [line.split()[0] for line in log.splitlines() if line.startswith("iter")] == [
        "iter0", "iter1", "iter2"]


def test_model_reproduces_its_training_sentences(model, bare):
    assert word_f1(sample_lines(), bare) >= 0.85


def test_model_generalizes_to_held_out_variations(bare):
    assert word_f1(HELD_OUT, bare) >= 0.8


def test_training_is_deterministic_for_a_seed(corpus, model, tmp_path):
    again = train_model(corpus, tmp_path / "again", epochs=3)
    assert (again / "weights.npz").read_bytes() == (model / "weights.npz").read_bytes()


def test_training_reads_full_width_and_traditional_as_normalized(tmp_path):
    corpus = tmp_path / "c.txt"
    # a BOM, full-width digits, an ideographic space as separator, traditional characters
    lines = ["全年 增長 １２ 個　百分點 。", "", "市 政府 召開 會議 。"] * 5
    corpus.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    out = train_model(corpus, tmp_path / "m", epochs=1)
    seg = PkusegSegmenter(out, use_lexicon=False)
    text = "市政府召開會議。"
    tokens = seg.segment(text, normalize(text))
    assert "".join(t.text for t in tokens) == text


@pytest.mark.parametrize("content, message", [
    ("", "no words"),
    ("\n   \n\u3000\n", "no words"),
])
def test_training_rejects_an_empty_corpus(tmp_path, content, message):
    corpus = tmp_path / "c.txt"
    corpus.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        train_model(corpus, tmp_path / "m", epochs=1)
    assert not (tmp_path / "m").exists()


def test_training_needs_a_few_sentences(tmp_path):
    corpus = tmp_path / "c.txt"
    corpus.write_text("市 政府 召开 会议 。\n" * 3, encoding="utf-8")
    with pytest.raises(ValueError, match="3 sentence.*at least"):
        train_model(corpus, tmp_path / "m", epochs=1)


def test_training_names_a_missing_corpus(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(ValueError, match="nope.txt"):
        train_model(missing, tmp_path / "m")


@pytest.mark.parametrize("epochs", [0, -1, 1.5, True, "3"])
def test_training_rejects_bad_epochs(corpus, tmp_path, epochs):
    with pytest.raises(ValueError, match="epochs"):
        train_model(corpus, tmp_path / "m", epochs=epochs)


def test_training_rejects_a_file_as_model_dir(corpus, tmp_path):
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(ValueError, match="not a directory"):
        train_model(corpus, target, epochs=1)


# ---------------------------------------------------------------------------
# segmenting


@pytest.mark.parametrize("text", [
    "",
    "   \n\n",
    "市政府认真贯彻落实党中央决策部署。",
    "全年地区生产总值增长百分之七，\n\n新建保障性住房两千套。",
    "Ｇ２０峰会在杭州举行　２０１８年完成投资３００亿元",  # full-width
    "市政府召開常務會議，研究部署安全生產工作。",  # traditional
    "𠀋𠀌市长\t主持会议\r\n",  # astral characters, tabs, CRLF
    "。。。！！？？；",
    "一" * (3 * MAX_CHUNK + 7),  # longer than one chunk, no punctuation
])
def test_tokens_index_the_original_text(model, text):
    seg = PkusegSegmenter(model)
    tokens = seg.segment(text, normalize(text))
    pos = 0
    for t in tokens:
        assert text[t.start:t.end] == t.text and t.text.strip() == t.text != ""
        assert t.start >= pos
        pos = t.end
    # every non-space character lands in a token
    assert "".join(t.text for t in tokens) == "".join(text.split())


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("市政府召开会议。，\n 　２０１８年增长％百分之七个𠀋會議ABC")),
               max_size=80))
def test_offsets_exact_on_any_text(model, text):
    seg = PkusegSegmenter(model)
    tokens = seg.segment(text, normalize(text))
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert "".join(t.text for t in tokens) == "".join(text.split())


@pytest.mark.parametrize("text, word", [
    ("今年拉萨市推进高原生态屏障建设", "高原生态屏障"),
    ("成立乡村振兴促进中心", "乡村振兴促进中心"),
])
def test_user_words_come_out_whole(model, text, word):
    seg = PkusegSegmenter(model, user_words=[word], use_lexicon=False)
    assert word in words_of(seg, text)


def test_government_lexicon_is_the_user_dictionary(model):
    from govtext.segment.lexicon import gov_words

    # a lexicon word the tiny corpus never saw whole, in a sentence of known words
    word = next(w for w in gov_words() if len(w) >= 4 and w not in SAMPLE.read_text("utf-8"))
    text = f"全面推进{word}工作。"
    assert word in words_of(PkusegSegmenter(model), text)


def test_chunks_cut_at_sentence_ends_and_whitespace():
    assert list(chunks("第一句。第二句！\n 第三句")) == ["第一句。", "第二句！", "第三句"]
    assert list(chunks("x" * (MAX_CHUNK + 1))) == ["x" * MAX_CHUNK, "x"]


def test_segmenter_pickles_without_the_model(model):
    seg = PkusegSegmenter(model, user_words=["乡村振兴促进中心"])
    before = words_of(seg, "成立乡村振兴促进中心")
    assert seg._backend is not None
    clone = pickle.loads(pickle.dumps(seg))
    assert clone._backend is None and clone.user_words == seg.user_words
    assert words_of(clone, "成立乡村振兴促进中心") == before


def test_pipeline_uses_pkuseg(model):
    nlp = Pipeline(segmenter="pkuseg", pkuseg_model=str(model))
    assert nlp.segmenter.name == "pkuseg"
    text = "市政府召开常务会议。"
    doc = nlp(text)
    assert doc.tokens and "".join(t.text for t in doc.tokens) == text
    assert isinstance(get_segmenter("pkuseg", pkuseg_model=model), PkusegSegmenter)


def test_pipeline_with_pkuseg_in_two_processes_matches_one(model):
    nlp = Pipeline(segmenter="pkuseg", pkuseg_model=str(model))
    texts = ["市政府召开常务会议。", "全年新建保障性住房两千套。", "", "拉萨市司法局开展普法宣传活动。"]
    one = [d.tokens for d in nlp.pipe(texts)]
    two = [d.tokens for d in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert two == one and sum(map(len, one)) > 10


def test_spacy_component_with_pkuseg(model):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("zh")
    component = nlp.add_pipe("govtext", config={
        "segmenter": "pkuseg", "pkuseg_model": str(model), "user_words": ["高原生态屏障"]})
    segmenter = component.pipeline.segmenter
    assert isinstance(segmenter, PkusegSegmenter)
    assert segmenter.user_words == ("高原生态屏障",)
    doc = nlp("今年拉萨市推进高原生态屏障建设，完成投资3.5亿元。")
    assert "QUANTITY" in [e.label_ for e in doc.ents]


def test_model_dir_named_like_a_pkuseg_release_is_not_downloaded(model, tmp_path,
                                                                 monkeypatch):
    # "news" is also the name of a downloadable pkuseg model
    import shutil

    shutil.copytree(model, tmp_path / "news")
    monkeypatch.chdir(tmp_path)
    seg = PkusegSegmenter("news", use_lexicon=False)
    assert Path(seg.pkuseg_model).is_absolute()
    assert words_of(seg, "市政府召开常务会议。")


# ---------------------------------------------------------------------------
# errors


def test_missing_model_dir_is_named(tmp_path):
    missing = tmp_path / "no-such-model"
    with pytest.raises(ValueError, match="no-such-model.*does not exist"):
        Pipeline(segmenter="pkuseg", pkuseg_model=str(missing))


def test_dir_without_a_model_is_named(tmp_path):
    (tmp_path / "readme.txt").write_text("not a model", encoding="utf-8")
    with pytest.raises(ValueError, match="not a pkuseg model directory"):
        PkusegSegmenter(tmp_path)


def test_a_model_is_required():
    with pytest.raises(ValueError, match="pkuseg_model"):
        Pipeline(segmenter="pkuseg")


def test_broken_model_files_give_a_clear_error(tmp_path):
    (tmp_path / "features.msgpack").write_bytes(b"\x00garbage")
    (tmp_path / "weights.npz").write_bytes(b"garbage")
    seg = PkusegSegmenter(tmp_path)
    with pytest.raises(ValueError, match="cannot load the pkuseg model"):
        seg.segment("市政府")


def test_without_spacy_pkuseg_the_error_says_what_to_install(model, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "spacy_pkuseg", None)
    monkeypatch.delitem(sys.modules, "govtext.segment.pkuseg_backend")
    with pytest.raises(ImportError, match=r"pip install govtext\[spacy\]"):
        get_segmenter("pkuseg", pkuseg_model=model)
    monkeypatch.undo()
    monkeypatch.setitem(sys.modules, "spacy_pkuseg", None)
    with pytest.raises(ImportError, match=r"pip install govtext\[spacy\]"):
        PkusegSegmenter(model)
    with pytest.raises(ImportError, match=r"pip install govtext\[spacy\]"):
        train_model(SAMPLE, tmp_path / "m")
