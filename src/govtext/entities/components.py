"""The entity components: each yields the candidates of one finder family.

| component | labels | finder |
|---|---|---|
| places   | LOCATION, AGENCY (zone and township organs) | places.py |
| agencies | AGENCY (the organ grammar, 发布机构 fields) | agencies.py |
| orgs     | ORG, AGENCY (schools and institutes) | orgs.py |
| people   | OFFICIAL, PERSON | officials.py |
| titles   | REGULATION, WORK | titles.py |
| docnos   | DOCNO | docno.py |
| terms    | TERM | terms.py |

The first four share one name scan per document (`scan.name_scan`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..components import Candidate, Component, FunctionComponent, with_rule
from .docno import find_docnos
from .scan import name_scan
from .terms import find_terms
from .titles import find_titles

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis


def _places(analysis: Analysis) -> Iterator[Candidate]:
    """Divisions, towns, villages, zones, named places; the organs of zones and towns."""
    return with_rule(name_scan(analysis).places[1], "places")


def _agencies(analysis: Analysis) -> Iterator[Candidate]:
    """Party, government, congress, CPPCC, court and procuratorate organs."""
    return with_rule(name_scan(analysis).agency_spans(), "agencies")


def _orgs(analysis: Analysis) -> Iterator[Candidate]:
    """Organizations by their suffix; schools and institutes are agencies."""
    return with_rule(name_scan(analysis).org_spans(), "orgs")


def _people(analysis: Analysis) -> Iterator[Candidate]:
    """Officials (a name with a title) and persons."""
    return with_rule(name_scan(analysis).people_spans(analysis), "people")


def _titles(analysis: Analysis) -> Iterator[Candidate]:
    """Titles in 《》 (REGULATION or WORK) and bare full law names."""
    return with_rule(find_titles(analysis.prep), "titles")


def _docnos(analysis: Analysis) -> Iterator[Candidate]:
    """Document numbers (文号)."""
    return with_rule(find_docnos(analysis.text, analysis.norm), "docno")


def _terms(analysis: Analysis) -> Iterator[Candidate]:
    """Quotation-marked policy terms."""
    return with_rule(find_terms(analysis.prep), "terms")


COMPONENTS: tuple[Component, ...] = tuple(FunctionComponent(name, fn, fn.__doc__ or "") for name, fn in (
    ("places", _places), ("agencies", _agencies), ("orgs", _orgs), ("people", _people),
    ("titles", _titles), ("docnos", _docnos), ("terms", _terms)))

__all__ = ["COMPONENTS"]
