"""govtext.cache: compiled regexes and jieba's dictionary kept between processes.

A cached entry must behave exactly as a fresh compile, a damaged entry must be ignored,
and `GOVTEXT_CACHE_DIR=off` must keep the disk untouched."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govtext import cache
from govtext.entities import lexicon

from support import gov_text

ROOT = Path(__file__).resolve().parent.parent

# a pattern long enough to be cached, with groups, a lookbehind and flags
WORDS = sorted(lexicon.divisions())[:1500] + ["北京市", "南海县", "中江乡", "西湖区"]
PATTERN = (rf"(?<![不非])(?P<place>{lexicon.trie_pattern(WORDS)})"
           rf"(?P<head>人民政府|政府|委员会)?(?:\s*(?P<num>\d+))?")
SAMPLES = ["北京市人民政府", "非北京市政府", "南海县委员会 12", "中江乡", "西湖区政府3", "东山"]


def _matches(p: re.Pattern[str]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for s in SAMPLES for m in p.finditer(s)]


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVTEXT_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_pattern_is_long_enough_to_be_cached():
    assert len(PATTERN) >= cache._MIN_CACHED  # otherwise these tests prove nothing


@pytest.mark.skipif(cache._engine() is None, reason="no CPython regex internals")
def test_a_cached_pattern_matches_as_a_fresh_compile(cache_home):
    first = cache.compile(PATTERN, re.IGNORECASE)
    stored = list(cache_home.glob("re-*.marshal"))
    assert len(stored) == 1
    again = cache.compile(PATTERN, re.IGNORECASE)  # read back from the file
    plain = re.compile(PATTERN, re.IGNORECASE)
    assert again is not plain and again.pattern == PATTERN
    assert again.groupindex == plain.groupindex and again.flags == plain.flags
    assert _matches(first) == _matches(again) == _matches(plain)
    assert _matches(plain)  # the samples do match something


@pytest.mark.skipif(cache._engine() is None, reason="no CPython regex internals")
@pytest.mark.parametrize("damage", [b"", b"not marshal", b"\xe9\x00\x00\x00\x00",
                                    b"\xdb\x02\x00\x00\x00\xe9\x01\x00\x00\x00\xe9\x02\x00\x00\x00"])
def test_a_damaged_entry_is_compiled_again(cache_home, damage):
    cache.compile(PATTERN)
    (entry,) = cache_home.glob("re-*.marshal")
    entry.write_bytes(damage)
    assert _matches(cache.compile(PATTERN)) == _matches(re.compile(PATTERN))
    assert entry.read_bytes() != damage  # rewritten


def test_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVTEXT_CACHE_DIR", "off")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() is None
    assert _matches(cache.compile(PATTERN)) == _matches(re.compile(PATTERN))
    assert not list(tmp_path.rglob("*.marshal"))


def test_unwritable_directory_falls_back(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("GOVTEXT_CACHE_DIR", str(blocked / "sub"))
    base = cache.cache_dir()
    assert base is not None and base != blocked / "sub"  # the temp-directory fallback
    assert _matches(cache.compile(PATTERN)) == _matches(re.compile(PATTERN))


def test_jieba_dictionary_cache_gives_the_same_words(tmp_path):
    """A fresh process that builds the cache and one that reads it cut the same words."""
    code = ("import govtext\n"
            "from govtext.segment import get_segmenter\n"
            "s = get_segmenter('jieba')\n"
            "print('/'.join(t.text for t in s.segment('国务院办公厅关于加强数字政府建设的指导意见')))\n")
    env = {"GOVTEXT_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT / "src"),
           "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env=env, check=True).stdout for _ in range(2)]
    assert list(tmp_path.glob("govtext-jieba-*.marshal"))
    assert runs[0] == runs[1] and "国务院办公厅/关于" in runs[0]


@settings(max_examples=200, deadline=None)
@given(gov_text)
def test_short_scan_finds_what_the_automaton_finds(text):
    """Short texts are scanned by slice lookups instead of the automaton: same positions."""
    govtext_warm()
    short = lexicon._scan_short(text)
    full = lexicon._scan(text)
    assert [list(a) for a in short] == [list(a) for a in full]


def govtext_warm() -> None:
    import govtext

    govtext.annotate("国务院办公厅关于印发实施方案的通知，北京市人民政府，中国银行")


def test_memo_keeps_the_most_recently_used_entries(cache_home):
    import hashlib
    import os
    import time

    built = []

    def make(k: str):
        return lambda: built.append(k) or k

    def path(key: str):
        return cache_home / f"thing-{hashlib.sha1(key.encode()).hexdigest()[:16]}.marshal"

    for i, key in enumerate("ab"):
        assert cache.memo("thing", key, make(key), keep=2) == key
        os.utime(path(key), (time.time() - 100 + i,) * 2)  # a older than b
    assert cache.memo("thing", "c", make("c"), keep=2) == "c"
    assert not path("a").exists() and path("b").exists() and path("c").exists()
    assert cache.memo("thing", "b", make("b!"), keep=2) == "b"  # read back, not built
    assert cache.memo("thing", "a", make("a"), keep=2) == "a"  # built again
    assert built == ["a", "b", "c", "a"]
    assert len(list(cache_home.glob("thing-*.marshal"))) == 2


def test_a_damaged_memo_entry_is_built_again(cache_home):
    assert cache.memo("thing", "k", lambda: (1, 2), valid=lambda v: isinstance(v, tuple)) == (1, 2)
    (entry,) = cache_home.glob("thing-*.marshal")
    entry.write_bytes(b"\x00garbage")
    assert cache.memo("thing", "k", lambda: (3, 4), valid=lambda v: isinstance(v, tuple)) == (3, 4)


def test_jieba_stamp_names_the_installed_data_without_importing_jieba():
    """The dictionary cache is keyed by jieba's data files, read without an import."""
    import importlib.util
    import os

    code = ("import sys; from govtext.segment.jieba_data import jieba_stamp; "
            "print(jieba_stamp()); print('jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, check=True)
    stamp, imported = out.stdout.split("\n")[:2]
    root = Path(importlib.util.find_spec("jieba").submodule_search_locations[0])
    assert f"dict.txt:{(root / 'dict.txt').stat().st_size}:" in stamp
    assert imported == "False"


FIRST_CALL = """
import gc, sys
{before}
import govtext
doc = govtext.annotate("市长张瑞书在市政府常务会议上强调")
print(gc.isenabled(), 'jieba' in sys.modules, 'rjieba' in sys.modules,
      'rjieba.rjieba' in sys.modules, [t.text for t in doc.tokens][:2])
import rjieba
print(rjieba.cut("市长张瑞书"))
"""


@pytest.mark.parametrize("before, collector", [("", "True"), ("gc.disable()", "False")])
def test_a_fresh_process_warm_cache(before, collector):
    """A warm process imports neither jieba nor rjieba's package (whose __init__ builds a
    Jieba of its own); the collector, paused for the first call, is as it was before;
    rjieba imports normally afterwards."""
    import os

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    code = FIRST_CALL.format(before=before)
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True).stdout.splitlines()
    assert out[0] == f"{collector} False False True ['市长', '张瑞书']"
    assert out[1] == "['市长', '张瑞书']"


def test_the_collector_comes_back_when_a_call_fails():
    import gc

    from govtext import pipeline

    class Boom:
        name = "boom"

        def __call__(self, analysis):
            assert not gc.isenabled()  # paused while a text is annotated
            raise RuntimeError("boom")

    nlp = pipeline.Pipeline(components=[Boom()])
    with pytest.raises(RuntimeError, match="boom"):
        nlp("市长张瑞书")
    assert gc.isenabled()


def test_annotation_makes_no_reference_cycles():
    """The collector waits while a text is annotated (Pipeline._run): that is free only
    while annotation leaves no cycle behind for it to find."""
    import gc

    import govtext

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora").rglob("*.txt"))]
    assert texts
    govtext.annotate(texts[0])  # resources load (and may keep what they build)
    gc.collect()
    for text in texts:
        doc = govtext.annotate(text)
        doc.to_json()
        del doc
        assert gc.collect() == 0
