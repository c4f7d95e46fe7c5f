"""Generate src/govtext/data/place_world.tsv: Chinese names of countries, territories and
world regions from CLDR, through babel.

    python scripts/make_world_places.py

babel is needed only here (and in a test that checks the file is current), never at run
time. Names come from the zh, zh_Hant, zh_Hant_HK and zh_Hans_SG locales; traditional
names are converted with govtext's own t2s table so that every form the normalizer can
produce is listed (南韓 -> 南韩). A territory written `中国X特别行政区` also gives `X`
(香港), the form used in running text. Cities are CLDR's exemplar cities of time zones
(莫斯科, 纽约, 开罗), kind `city`; 昭和 (also a Japanese era name) is left out, and so is 中美 (Central America in zh_Hant, China-US in PRC text). Codes that name no place (EU, UN, EZ, QO, ZZ, 001)
are left out, and so is 017 (中非: in Chinese government text it means China-Africa).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from govtext.text.prepare import Prepared  # noqa: E402


def t2s(text: str) -> str:
    return Prepared.of(text).norm

LOCALES = ("zh", "zh_Hant", "zh_Hant_HK", "zh_Hans_SG")
SKIP = {"EU", "UN", "EZ", "QO", "ZZ", "001", "017"}
SKIP_CITIES = {"昭和"}
SKIP_NAMES = {"中美"}  # zh_Hant for Central America; in PRC text China-US
SAR = re.compile(r"^中国(.+)特别行政区$")
HEADER = """\
# Countries, territories and world regions (LOCATION), generated from CLDR through babel
# by scripts/make_world_places.py (locales {locales}); do not edit by hand: historical
# names CLDR lacks are in place_world_extra.tsv. Traditional names are converted to the
# simplified forms the normalizer produces.
# Columns: name<TAB>kind<TAB>code   (kind: country | region | city; code: CLDR territory code)
"""


def names() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for loc in LOCALES:
        for code, name in Locale.parse(loc).territories.items():
            if code in SKIP or "（" in name or "(" in name:
                continue
            kind = "region" if code.isdigit() else "country"
            for form in {name, t2s(name)}:
                simple = t2s(form)
                if simple in SKIP_NAMES:
                    continue
                out.setdefault(simple, (kind, code))
                m = SAR.match(simple)
                if m:
                    out.setdefault(m.group(1), (kind, code))
        for zone in Locale.parse(loc).time_zones.values():
            city = zone.get("city")
            if city and len(city) >= 2 and "·" not in city and city not in SKIP_CITIES:
                out.setdefault(t2s(city), ("city", ""))
    return out


def main() -> None:
    rows = sorted(names().items(), key=lambda kv: (kv[1][1], kv[0]))
    text = HEADER.format(locales=", ".join(LOCALES))
    text += "".join(f"{name}\t{kind}\t{code}\n" for name, (kind, code) in rows)
    (ROOT / "src" / "govtext" / "data" / "place_world.tsv").write_text(text, encoding="utf-8")
    print(f"{len(rows)} names")


if __name__ == "__main__":
    main()
