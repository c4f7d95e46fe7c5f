"""The HTML view in a real browser (issue 16): headless Chromium draws a page from
`govtext view`, a script in the page measures what was laid out, and a screenshot's
pixels are checked. Skipped when no Chromium is installed; needs no network (every
background service is switched off and the page loads nothing)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from govtext.integrations.display import colour, page
from govtext.model import Agency, Date, Document, Official, Quantity, Regulation

BROWSER = next((shutil.which(name) for name in ("chromium", "chromium-browser",
                                                "google-chrome", "chrome")
                if shutil.which(name)), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium installed")

# Measures the layout and writes it into the page, so `--dump-dom` returns it: how many
# line boxes each label and value tag has (1: it did not wrap), the drawn colours, and
# whether the text box shows all of its content.
MEASURE = """
<script>
window.addEventListener("load", () => {
  const tags = [...document.querySelectorAll(".gt-label, .gt-value")];
  const out = {
    tags: tags.length,
    wrapped: tags.filter(t => t.getClientRects().length !== 1).map(t => t.textContent),
    values: [...document.querySelectorAll(".gt-value")]
      .filter(t => t.getBoundingClientRect().width > 0).map(t => t.textContent),
    colours: Object.fromEntries(["official", "quantity"].map(k => [k,
      getComputedStyle(document.querySelector("mark.gt-" + k)).backgroundColor])),
    box: (b => [b.scrollHeight, b.clientHeight])(document.querySelector(".govtext-doc")),
    lines: document.querySelector(".govtext-doc").getClientRects()[0].height,
  };
  const pre = document.createElement("pre");
  pre.id = "measure";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1"]

PARAGRAPH = ("副市长张瑞书在秦皇岛市人民政府常务会议上强调，全年投放贷款271.27亿元，"
             "《秦皇岛市祭祀管理办法》自2018年4月1日起施行。")


def sample() -> Document:
    """Many long tags on narrow lines, and runs of blank lines between paragraphs."""
    text = ("\n\n\n\n".join([PARAGRAPH] * 4))
    spans = []
    for k in range(4):
        base = k * (len(PARAGRAPH) + 4)

        def at(part: str) -> tuple[int, int, str]:
            i = base + PARAGRAPH.index(part)
            return i, i + len(part), part

        spans += [Official(*at("副市长张瑞书"), name="张瑞书", title="副市长"),
                  Agency(*at("秦皇岛市人民政府"), canonical="秦皇岛市人民政府"),
                  Quantity(*at("271.27亿元"), value=Decimal("27127000000"), unit="元",
                           kind="money"),
                  Regulation(*at("《秦皇岛市祭祀管理办法》"), title="秦皇岛市祭祀管理办法",
                             kind="rule"),
                  Date(*at("2018年4月1日"), value="2018-04-01")]
    return Document(text, spans=tuple(spans))


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    profile = tmp_path / "profile"
    return subprocess.run([BROWSER, *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=180)


def rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


@pytest.fixture(scope="module")
def measured(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("browser")
    html_path = tmp / "page.html"
    html_path.write_text(page(sample()).replace("</body>", MEASURE + "</body>"),
                         encoding="utf-8")
    # 380 px: a phone-wide page, where every line is full of tags that could wrap
    result = chromium(tmp, "--window-size=380,2000", "--virtual-time-budget=3000",
                      "--dump-dom", html_path.as_uri())
    found = re.search(r'<pre id="measure">(.*?)</pre>', result.stdout, re.S)
    assert found, result.stderr[-2000:]
    return json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def test_no_label_or_value_tag_wraps(measured):
    assert measured["tags"] >= 20
    assert measured["wrapped"] == []


def test_values_are_drawn(measured):
    assert "27127000000 元" in measured["values"]
    assert "2018-04-01" in measured["values"] and "rule" in measured["values"]


def test_official_and_quantity_colours_differ_as_drawn(measured):
    drawn = measured["colours"]
    assert drawn["official"] == "rgb({}, {}, {})".format(*rgb(colour("OFFICIAL")))
    assert drawn["quantity"] == "rgb({}, {}, {})".format(*rgb(colour("QUANTITY")))
    assert drawn["official"] != drawn["quantity"]


def test_the_page_shows_the_whole_text(measured):
    scroll, client = measured["box"]
    assert scroll <= client + 1  # no inner scroll box hides part of the text


def test_screenshot_draws_the_label_colours(tmp_path):
    image_module = pytest.importorskip("PIL.Image")
    html_path = tmp_path / "page.html"
    html_path.write_text(page(sample()), encoding="utf-8")
    shot = tmp_path / "shot.png"
    result = chromium(tmp_path, "--window-size=800,600", f"--screenshot={shot}",
                      html_path.as_uri())
    assert shot.exists(), result.stderr[-2000:]
    with image_module.open(shot) as img:
        pixels = img.convert("RGB")
        colours = {pixels.getpixel((x, y)) for x in range(0, pixels.width, 2)
                   for y in range(0, pixels.height, 2)}
    for label in ("OFFICIAL", "QUANTITY", "AGENCY", "REGULATION", "DATE"):
        assert rgb(colour(label)) in colours, label
