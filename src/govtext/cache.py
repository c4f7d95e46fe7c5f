"""What govtext keeps between processes: a per-user cache directory for resources that
are slow to build and cheap to read back.

- jieba's data (`segment.jieba_data`, `segment.rust_cut`): the counts jieba gives the
  government lexicon's words, the HMM's tables, and for the Python engine the whole
  dictionary with the lexicon added;
- compiled regular expressions (`compile`). The lexicons become alternations of tens of
  thousands of characters (every division, short form and organ head), and Python's `re`
  spends about half a second of a fresh process parsing and compiling them. The
  compiled program is a list of integers; it is stored once and handed back to the
  regex engine (`_sre.compile`, which validates it) in a few milliseconds.

The compiled form is private to CPython's `re` and changes between versions, so a cache
entry is keyed by the interpreter's version (to the patch release), the engine's magic
number and a hash of the pattern and its flags. Where those internals are missing
(another interpreter) or an entry is refused, `compile` falls back to `re.compile`; a
cache that cannot be written is skipped. Nothing here ever changes what a pattern matches.

The directory is `$GOVTEXT_CACHE_DIR`, else `$XDG_CACHE_HOME/govtext`, else
`~/.cache/govtext`, else a per-user directory under the system temp directory.
`GOVTEXT_CACHE_DIR=off` (or `0`, `none`) turns the cache off.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, TypeVar, cast

T = TypeVar("T")

_OFF = {"off", "0", "none", "false", "no"}
_MIN_CACHED = 400  # shorter patterns compile in about a millisecond or less (the date
# pattern, 1,500 characters, took 7 ms: reading an entry back takes a tenth of that)


def cache_dir() -> Path | None:
    """The writable cache directory, or None when caching is off or impossible."""
    env = os.environ.get("GOVTEXT_CACHE_DIR")
    if env and env.strip().lower() in _OFF:
        return None
    if env:
        candidates = [Path(env)]
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        candidates = [(Path(xdg) if xdg else Path.home() / ".cache") / "govtext"]
    uid = os.getuid() if hasattr(os, "getuid") else None
    shared = Path(tempfile.gettempdir()) / f"govtext-{uid if uid is not None else 'user'}"
    candidates.append(shared)
    for base in candidates:
        try:
            base.mkdir(mode=0o700, parents=True, exist_ok=True)
            # in the shared temp directory, only a directory of our own (another user
            # could have made one of that name first)
            if base == shared and uid is not None and base.stat().st_uid != uid:
                continue
            if os.access(base, os.W_OK):
                return base
        except OSError:
            continue
    return None


def write_atomic(path: Path, data: bytes) -> bool:
    """Write `data` to `path` through a temporary file in the same directory, so a
    reader in another process never sees half of it. False when it cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
        return True
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        return False


def read_cached(path: Path | None) -> Any:
    """The marshalled value stored at `path`, or None when there is none or it is
    damaged. The file is read whole: `marshal.load` on a file object reads it in small
    pieces and is about five times slower."""
    if path is None:
        return None
    try:
        value = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    try:
        os.utime(path)  # recently used: `prune` keeps it
    except OSError:
        pass
    return value


def prune(directory: Path, pattern: str, keep: int) -> None:
    """Delete all but the `keep` most recently used files matching `pattern`: entries
    of other lexicons, user words or versions would otherwise pile up (a jieba
    dictionary is 9 MB)."""
    try:
        files = sorted(directory.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # another process pruned at the same time, or the directory is read-only


def memo(name: str, key: str, build: Callable[[], T],
         valid: Callable[[Any], bool] = lambda value: value is not None,
         keep: int = 64) -> T:
    """`build()`, kept in the cache directory as `name-<hash of key>.marshal` and read
    back by later processes; `build` must return what marshal can store (dicts, lists,
    tuples, sets, strings, numbers). `key` must name every input of `build`; a stored
    value that is not `valid` (damaged, or of an older layout) is built again. At most
    `keep` entries of one name are kept, the most recently used."""
    base = cache_dir()
    digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    path = None if base is None else base / f"{name}-{digest}.marshal"
    value = read_cached(path)
    if not valid(value):
        value = build()
        if path is not None and base is not None:
            write_atomic(path, marshal.dumps(cast(Any, value)))
            prune(base, f"{name}-*.marshal", keep)
    return cast(T, value)


@lru_cache(maxsize=1)
def _engine() -> tuple[Any, Any, Any, str] | None:
    """CPython's regex parser, code generator and engine, with a tag naming their
    version; None where they are not what this module expects."""
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:
        return None
    if not all(hasattr(m, a) for m, a in ((_parser, "parse"), (_compiler, "_code"),
                                          (_sre, "compile"), (_sre, "MAGIC"))):
        return None
    # the patch version too: a fix to the code generator changes programs, not the magic
    version = ".".join(map(str, sys.version_info[:3]))
    tag = f"{sys.implementation.cache_tag}-{version}-{_sre.MAGIC}"
    return _parser, _compiler, _sre, tag


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, read from the cache when a previous process
    compiled the same pattern (see the module docstring)."""
    engine = _engine()
    if engine is None or len(pattern) < _MIN_CACHED:
        return re.compile(pattern, flags)
    parser, compiler, sre, tag = engine

    def program() -> tuple[Any, ...]:
        # re._compiler.compile, step by step, keeping the program to store it
        parsed = parser.parse(pattern, flags)
        groupindex = dict(parsed.state.groupdict)
        names: list[str | None] = [None] * parsed.state.groups
        for name, i in groupindex.items():
            names[i] = name
        return (int(flags | parsed.state.flags), [int(c) for c in compiler._code(parsed, flags)],
                parsed.state.groups - 1, groupindex, tuple(names))

    try:
        entry = memo(f"re-{tag}", f"{flags}\0{pattern}", program, keep=256,
                     valid=lambda v: isinstance(v, tuple) and len(v) == 5)
        compiled: re.Pattern[str] = sre.compile(pattern, *entry)
        return compiled
    except Exception:  # the internals differ from what this expects: no cache
        return re.compile(pattern, flags)
