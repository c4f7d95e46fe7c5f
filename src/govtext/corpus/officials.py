"""The officials index: person <-> titles <-> agencies <-> documents <-> dates.

One row per (person, title, agency, document), built from the OFFICIAL spans
(`Official.name`, `Official.title`). Names and titles are normalized (traditional and
simplified are one person, white space inside dropped) and compound titles
(`中共中央总书记、国家主席`) give one row per title.

Short forms, within one document (when the entities left a bare surname as the name,
`张市长` -> name 张): a name that is one character, or a compound surname from
surnames.txt, is replaced by the full name of the officials in the same document whose
name starts with it and who hold a title with the same role (`总理` matches
`国务院总理`, not `副总理`); when no official qualifies, by the one full name with that
surname among all OFFICIAL and PERSON spans of the document. When there is no candidate,
or more than one, the row keeps the surname and `complete` is False.

`delivered` marks the rows of the person who delivered the document (a report's
`Metadata.speaker`); when the entities did not find that person, the header alone gives
a row with no mentions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..data import read_words
from ..model import Document, Official
from .documents import Corpus, CorpusDocument, as_corpus, outside_boilerplate
from .names import bare_titles, person_key, squeeze, title_parts

OFFICIAL_COLUMNS = ("doc_id", "doc_title", "doc_date", "doc_year", "date_source",
                    "person", "title", "role", "agency", "mentions", "forms",
                    "first_start", "mention_date", "complete", "delivered")


@lru_cache(maxsize=1)
def _compound_surnames() -> frozenset[str]:
    return frozenset(s for s in read_words("surnames.txt") if len(s) == 2)


def is_surname_only(name: str) -> bool:
    return len(name) == 1 or name in _compound_surnames()


def resolve_names(doc: Document) -> dict[Official, tuple[str, bool]]:
    """Each OFFICIAL span's (normalized name, complete) after the short-form rule of
    the module docstring."""
    full: dict[str, set[str]] = defaultdict(set)  # role -> full names holding it
    names = {person_key(o.name) for o in doc.officials}
    names.update(person_key(p.name) for p in doc.persons)
    for o in doc.officials:
        name = person_key(o.name)
        if not is_surname_only(name):
            for _, role, _agency in title_parts(o.title):
                full[role].add(name)
    out: dict[Official, tuple[str, bool]] = {}
    for o in doc.officials:
        name = person_key(o.name)
        if not is_surname_only(name):
            out[o] = (name, bool(name))
            continue
        roles = {role for _, role, _agency in title_parts(o.title)}
        by_title = {n for r in roles for n in full.get(r, ()) if n.startswith(name)}
        if len(by_title) != 1:
            anywhere = {n for n in names if n.startswith(name) and not is_surname_only(n)}
            by_title = by_title or anywhere
        out[o] = (by_title.pop(), True) if len(by_title) == 1 else (name, False)
    return out


@dataclass
class _Row:
    first: Official
    forms: list[str] = field(default_factory=list)
    mentions: int = 0


def officials_records(corpus: Corpus) -> list[dict[str, Any]]:
    """The index as plain dicts (no pandas needed), in document order, then by
    first mention; columns `OFFICIAL_COLUMNS`."""
    rows: list[dict[str, Any]] = []
    for item in as_corpus(corpus):
        rows.extend(_document_rows(item))
    return rows


def _document_rows(item: CorpusDocument) -> list[dict[str, Any]]:
    doc = item.doc
    names = resolve_names(doc)
    groups: dict[tuple[str, str, str, str | None, bool], _Row] = {}
    for o in outside_boilerplate(doc, doc.officials):
        person, complete = names[o]
        if not person:
            continue
        for title, role, agency in title_parts(o.title) or [("", "", None)]:
            key = (person, title, role, agency, complete)
            row = groups.setdefault(key, _Row(o))
            row.mentions += 1
            form = squeeze(o.text)
            if form not in row.forms:
                row.forms.append(form)
    base = item.columns()
    out = []
    for (person, title, role, agency, complete), row in groups.items():
        out.append({**base, "person": person, "title": title, "role": role,
                    "agency": agency, "mentions": row.mentions,
                    "forms": "、".join(row.forms), "first_start": row.first.start,
                    "mention_date": _sentence_date(doc, row.first), "complete": complete,
                    "delivered": False})
    speaker = split_speaker(getattr(doc.metadata, "speaker", None))
    if speaker is not None:
        name, title = speaker
        mine = [r for r in out if r["person"] == name]
        if not mine:  # the header names a speaker the entities did not find
            for part, role, agency in title_parts(title) or [("", "", None)]:
                mine.append({**base, "person": name, "title": part, "role": role,
                             "agency": agency, "mentions": 0, "forms": squeeze(
                                 doc.metadata.speaker or ""),
                             "first_start": doc.metadata.start or 0, "mention_date": None,
                             "complete": True, "delivered": False})
            out.extend(mine)
        for r in mine:
            r["delivered"] = True
    out.sort(key=lambda r: r["first_start"])
    return out


def split_speaker(speaker: str | None) -> tuple[str, str] | None:
    """A report's speaker (`Metadata.speaker`) as (name, title): `国务院总理 李克强`
    -> (李克强, 国务院总理); `李克强` -> (李克强, "")."""
    if not speaker or not squeeze(speaker):
        return None
    text = squeeze(speaker)
    best = None
    for word in bare_titles():
        at = text.rfind(word)
        if at >= 0 and (best is None or at + len(word) > best[1]):
            best = (at, at + len(word))
    if best is None:
        return text, ""
    if best[1] == len(text):  # 李克强总理
        head = text[:best[0]]
        return (head, text[best[0]:]) if head else (text, "")
    return text[best[1]:], text[:best[1]]


def _sentence_date(doc: Document, span: Official) -> str | None:
    """The value of the first DATE in the sentence of a mention, if any."""
    sentence = doc.sentence_of(span)
    if sentence is None:
        return None
    for d in doc.dates:
        if d.start >= sentence.start and d.end <= sentence.end and d.value:
            return d.value
    return None


def officials_summary(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per (person, role, agency) across the corpus: the years and documents
    in order, the mentions, and the years of the documents the person delivered
    (`delivered`); in most documents first. A person's titles over time are
    the rows that share `person`."""
    groups: dict[tuple[str, str, str | None], dict[str, Any]] = {}
    for r in records:
        key = (r["person"], r["role"], r["agency"])
        g = groups.setdefault(key, {"person": r["person"], "role": r["role"],
                                    "agency": r["agency"], "titles": [], "years": [],
                                    "documents": [], "mentions": 0, "delivered": [],
                                    "complete": r["complete"]})
        g["mentions"] += r["mentions"]
        if r.get("delivered") and r["doc_year"] not in g["delivered"]:
            g["delivered"].append(r["doc_year"])
        for name, value in (("titles", r["title"]), ("documents", r["doc_id"]),
                            ("years", r["doc_year"])):
            if value is not None and value not in g[name]:
                g[name].append(value)
    out = list(groups.values())
    for g in out:
        g["years"].sort()
        g["delivered"].sort(key=lambda y: (y is None, y or 0))
        g["first_year"] = g["years"][0] if g["years"] else None
        g["last_year"] = g["years"][-1] if g["years"] else None
    out.sort(key=lambda g: (-len(g["documents"]), -g["mentions"], g["person"], g["role"]))
    return out


def officials_frame(corpus: Corpus) -> Any:
    """The index as a pandas DataFrame (the `pandas` extra)."""
    from .tables import frame

    return frame(officials_records(corpus), OFFICIAL_COLUMNS)
