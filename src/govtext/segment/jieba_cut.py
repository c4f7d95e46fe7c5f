"""jieba's accurate mode (`Tokenizer.cut`, HMM on or off), rewritten to give the same
words with their offsets, faster, and without jieba's module-level state.

jieba builds a dict of word-end lists per block (`get_DAG`), then a dict of routes
(`calc`, a `max` over a generator per character), then yields words one by one;
`segment` then had to find each word again in the text. Here one backward loop does the
DAG and the route together with the same float operations in the same order (so ties
break the same way: the longer word), and words come out as offsets directly.

Isolation: jieba's HMM step drops the words in `jieba.finalseg.Force_Split_Words`, a
module-level set that `jieba.del_word` (on any tokenizer) fills. It is not read here, so
another jieba user in the process cannot change govtext's tokens (issue 17).
"""

from __future__ import annotations

import re
from math import log
from array import array
from typing import Any, Iterator, Union

# jieba's own patterns (jieba/__init__.py, jieba/finalseg/__init__.py, version 0.42.1)
# the characters of a block: jieba looks words up only inside runs of them
BLOCK_CHARS = "\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-"
_BLOCK = re.compile(f"[{BLOCK_CHARS}]+")
_HAN = re.compile("[\u4E00-\u9FD5]+")
_SKIP = re.compile("[a-zA-Z0-9]+(?:\\.\\d+)?%?")
_ENG = re.compile("[a-zA-Z0-9]")


# the value `logp` gives a prefix of longer words that is no word itself (jieba counts
# it 0); a log probability is below 0, so it never equals this
PREFIX = 1.0


def _route(blk: str, logp: dict[str, float], logtotal: float) -> list[int]:
    """`ends[i]`: the end (exclusive) of the word that starts at `i` on the best path,
    as jieba's `calc(get_DAG(blk))` chooses it. `logp` holds each word's
    `log(count) - log(total)` and a positive value for a prefix that is no word."""
    n = len(blk)
    prob = [0.0] * (n + 1)
    ends = [0] * (n + 1)
    get = logp.get
    for idx in range(n - 1, -1, -1):
        best = 0.0
        best_end = -1
        i = idx
        lp = get(blk[idx])
        while lp is not None:  # jieba: `while i < N and frag in FREQ`
            if lp != PREFIX:  # a word (a prefix with count 0 is no candidate)
                p = lp + prob[i + 1]
                if best_end < 0 or p >= best:  # max over (p, x): ties go to the longer word
                    best, best_end = p, i + 1
            i += 1
            if i >= n:
                break
            lp = get(blk[idx:i + 1])
        if best_end < 0:  # no word: the character alone, with frequency 1
            best, best_end = 0.0 - logtotal + prob[idx + 1], idx + 1
        prob[idx] = best
        ends[idx] = best_end
    return ends


Flat = Union[list[int], "array[int]"]  # [start0, end0, start1, end1, ...]

_MIN = -3.14e100  # jieba.finalseg.MIN_FLOAT
_PREV = {"B": "ES", "M": "MB", "S": "SE", "E": "BM"}  # jieba.finalseg.PrevStatus


def viterbi(obs: str, start_p: dict[str, float], trans_p: dict[str, dict[str, float]],
            emit_p: dict[str, dict[str, float]]) -> list[str]:
    """The B/M/E/S state of each character, as jieba.finalseg.viterbi finds them: the
    same sums in the same order, ties to the later state letter (jieba takes the max of
    (probability, state) pairs); back pointers instead of copied paths. The four states
    are unrolled: each has two possible predecessors (`_PREV`)."""
    eB, eM, eE, eS = emit_p["B"].get, emit_p["M"].get, emit_p["E"].get, emit_p["S"].get
    tB, tM, tE, tS = trans_p["B"], trans_p["M"], trans_p["E"], trans_p["S"]
    tEB, tSB = tE.get("B", _MIN), tS.get("B", _MIN)
    tMM, tBM = tM.get("M", _MIN), tB.get("M", _MIN)
    tSS, tES = tS.get("S", _MIN), tE.get("S", _MIN)
    tBE, tME = tB.get("E", _MIN), tM.get("E", _MIN)
    ch = obs[0]
    vB = start_p["B"] + eB(ch, _MIN)
    vM = start_p["M"] + eM(ch, _MIN)
    vE = start_p["E"] + eE(ch, _MIN)
    vS = start_p["S"] + eS(ch, _MIN)
    back: list[str] = []  # per character, the predecessors of B, M, E and S
    for ch in obs[1:]:
        em = eB(ch, _MIN)
        p, q = vE + tEB + em, vS + tSB + em  # B after E or S: a tie goes to S
        nB, cB = (p, "E") if p > q else (q, "S")
        em = eM(ch, _MIN)
        p, q = vM + tMM + em, vB + tBM + em  # M after M or B: a tie goes to M
        nM, cM = (p, "M") if p >= q else (q, "B")
        em = eE(ch, _MIN)
        p, q = vB + tBE + em, vM + tME + em  # E after B or M: a tie goes to M
        nE, cE = (p, "B") if p > q else (q, "M")
        em = eS(ch, _MIN)
        p, q = vS + tSS + em, vE + tES + em  # S after S or E: a tie goes to S
        nS, cS = (p, "S") if p >= q else (q, "E")
        back.append(cB + cM + cE + cS)
        vB, vM, vE, vS = nB, nM, nE, nS
    state = "E" if vE > vS else "S"
    states = [state]
    for came in reversed(back):
        state = came["BMES".index(state)]
        states.append(state)
    states.reverse()
    return states


def _hmm(buf: str, at: int, out: Flat, tables: Any) -> None:
    """jieba.finalseg.cut on `buf` (which starts at `at`), without Force_Split_Words;
    `tables` holds the HMM's start_p, trans_p and emit_p."""
    pos = 0
    for m in _HAN.finditer(buf):
        if m.start() > pos:
            _skip(buf, pos, m.start(), at, out)
        han = m.group()
        states = viterbi(han, tables.start_p, tables.trans_p, tables.emit_p)
        base = at + m.start()
        begin = nexti = 0
        for i, state in enumerate(states):
            if state == "B":
                begin = i
            elif state == "E":
                out.extend((base + begin, base + i + 1))
                nexti = i + 1
            elif state == "S":
                out.extend((base + i, base + i + 1))
                nexti = i + 1
        if nexti < len(han):
            out.extend((base + nexti, base + len(han)))
        pos = m.end()
    if pos < len(buf):
        _skip(buf, pos, len(buf), at, out)


def _skip(buf: str, a: int, b: int, at: int, out: Flat) -> None:
    """finalseg's split of a non-Han stretch by `_SKIP` (runs of letters and digits)."""
    pos = a
    for m in _SKIP.finditer(buf, a, b):
        if m.start() > pos:
            out.extend((at + pos, at + m.start()))
        out.extend((at + m.start(), at + m.end()))
        pos = m.end()
    if pos < b:
        out.extend((at + pos, at + b))


def _block(blk: str, at: int, logp: dict[str, float], logtotal: float, hmm: Any,
           out: Flat) -> None:
    """The words of one block (a run `_BLOCK` matches) starting at offset `at`; `hmm`
    holds the HMM's tables, or is None for jieba's cut without the HMM."""
    ends = _route(blk, logp, logtotal)
    n = len(blk)
    x = 0
    if hmm is None:  # __cut_DAG_NO_HMM: single letters and digits are joined
        buf_start = -1
        while x < n:
            y = ends[x]
            if y - x == 1 and _ENG.match(blk, x):
                if buf_start < 0:
                    buf_start = x
            else:
                if buf_start >= 0:
                    out.extend((at + buf_start, at + x))
                    buf_start = -1
                out.extend((at + x, at + y))
            x = y
        if buf_start >= 0:
            out.extend((at + buf_start, at + n))
        return
    buf_start = -1  # __cut_DAG: runs of single characters go to the HMM
    while x <= n:
        y = ends[x] if x < n else n + 1
        if x < n and y - x == 1:
            if buf_start < 0:
                buf_start = x
        else:
            if buf_start >= 0:
                if x - buf_start == 1:
                    out.extend((at + buf_start, at + x))
                elif logp.get(blk[buf_start:x], PREFIX) == PREFIX:  # no word of the dictionary
                    _hmm(blk[buf_start:x], at + buf_start, out, hmm)
                else:
                    out.extend(k for i in range(at + buf_start, at + x) for k in (i, i + 1))
                buf_start = -1
            if x < n:
                out.extend((at + x, at + y))
        x = y


def spans_into(dictionary: Any, text: str, out: Flat, hmm: bool = True, at: int = 0) -> None:
    """Append to `out` the start and end (plus `at`) of every word jieba's
    `Tokenizer.cut(text, HMM=hmm)` yields with this dictionary (a `JiebaDict`: log
    probabilities, total, the HMM's tables), except whitespace (jieba yields each space
    and each `\\r\\n` as a word of its own): `[start0, end0, start1, end1, ...]`."""
    logp = dictionary.logp
    logtotal = log(dictionary.total)
    tables = dictionary if hmm else None
    pos = 0
    for m in _BLOCK.finditer(text):
        a = m.start()
        # outside the blocks every character is a word of its own
        for i in range(pos, a):
            if not text[i].isspace():
                out.extend((at + i, at + i + 1))
        _block(m.group(), at + a, logp, logtotal, tables, out)
        pos = m.end()
    for i in range(pos, len(text)):
        if not text[i].isspace():
            out.extend((at + i, at + i + 1))


def cut_spans(dictionary: Any, text: str, hmm: bool = True) -> list[tuple[int, int]]:
    """The `(start, end)` of every word, as `spans_into` finds them."""
    flat: list[int] = []
    spans_into(dictionary, text, flat, hmm)
    pairs = iter(flat)
    return list(zip(pairs, pairs))


def cut_words(dictionary: Any, text: str, hmm: bool = True) -> Iterator[str]:
    """The words of `cut_spans`, as jieba's `cut` would yield them (no whitespace)."""
    return (text[a:b] for a, b in cut_spans(dictionary, text, hmm))
