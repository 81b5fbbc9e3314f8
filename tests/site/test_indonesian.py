"""The seeded demo read in Bahasa Indonesia: content and interface, page after page.

A reader starts at /id/, follows the menu to each section and opens one item of each. Text under
``lang="id"`` must not be English: the check looks for common English words and the phrases
readers reported ("Lead organisation", "People's Choice", "Winner", "Jury member"), outside
elements explicitly marked ``lang="en"`` (a proper name without an Indonesian form).
"""

import re
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db

# Common English words (lower case: "CC BY 4.0" is a licence's name), then the phrases readers
# reported and English names of things the Indonesian site names in Indonesian.
ENGLISH = re.compile(
    r"\b(the|and|with|for|from|your|this|that|what|how|are|is|of|to|by|on|will|not|"
    r"(?i:the|read more|lead organisation|people's choice|winner|jury member|department of|"
    r"board of|agency|agencies|events|challenges|policy|pilot projects|register|sign in))\b"
)
SECTIONS = ["/id/events/", "/id/challenges/", "/id/policy/", "/id/pilots/", "/id/hackathons/"]


class _Reader(HTMLParser):
    """Visible text of the page, leaving out scripts, styles and elements marked lang="en"."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col", "area"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.links, self.root_lang = [], [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.root_lang = attrs.get("lang")
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in self.VOID:
            return
        skip = tag in ("script", "style", "template") or attrs.get("lang", "id") != "id"
        self.stack.append((tag, skip or self._skipping()))

    def _skipping(self):
        return bool(self.stack) and self.stack[-1][1]

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self._skipping():
            self.text.append(data)


def read(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    reader = _Reader()
    reader.feed(response.content.decode())
    assert reader.root_lang == "id", path
    return " ".join(" ".join(reader.text).split()), reader.links


def english_in(text):
    text = re.sub(r"https?://\S+", "", text)  # addresses (a citation's link) are not prose
    return sorted({match.group(0).lower() for match in ENGLISH.finditer(text)})


NOT_ITEMS = ("feed", "calendar", "speakers", "gallery", "teams", "export", "open-data")


def _first_child_link(links, section):
    """The first link to an item one level below ``section`` (a card of the list)."""
    for href in links:
        path = href.split("?")[0].split("#")[0]
        rest = path.removeprefix(section)
        one_level = rest.count("/") == 1 and rest.endswith("/")
        if path.startswith(section) and one_level and not rest.startswith(NOT_ITEMS):
            return path
    raise AssertionError(f"no item linked from {section}")


def test_the_indonesian_demo_reads_in_indonesian(client, demo):
    text, links = read(client, "/id/")
    pages = {"/id/": text}
    menu = [href for href in links if href.startswith("/id/")]
    for section in [*SECTIONS, "/id/programs/", "/id/agencies/"]:
        assert section in menu or section == "/id/hackathons/", f"{section} not in the menu"
        text, section_links = read(client, section)
        pages[section] = text
        item = _first_child_link(section_links, section)
        pages[item], _ = read(client, item)
    pages["/id/programs/smart-change/"], _ = read(client, "/id/programs/smart-change/")
    failures = {path: english_in(text) for path, text in pages.items() if english_in(text)}
    assert not failures, failures


def test_indonesian_content_appears(client, demo):
    text, _ = read(client, "/id/agencies/")
    assert "Badan Pengembangan Sumber Daya Manusia" in text
    assert "Board of Human Resource Development" not in text
    text, _ = read(client, "/id/challenges/")
    assert "Dinas Sumber Daya Air" in text
    assert "Department of Water Resources" not in text
    text, _ = read(client, "/id/programs/smart-change/")
    assert "Memperkuat Tata Kelola Perkotaan" in text
    text, links = read(client, "/id/hackathons/")
    past = sorted(
        href for href in links if href.startswith("/id/hackathons/future-city-hackathon-")
    )[0]
    text, _ = read(client, past)
    assert "Pilihan Publik" in text and "Pemenang" in text and "Anggota juri" in text


def test_searching_in_indonesian_finds_flood_content(client, demo):
    text, links = read(client, "/id/search/?q=banjir")
    assert "peringatan dini banjir" in text
    assert any(href.startswith("/id/events/") for href in links), links
    text, links = read(client, "/id/search/?q=banjir+sensor")
    assert "/id/challenges/flood-early-warning/" in links, links
    assert any(href.startswith("/id/policy/") and href != "/id/policy/" for href in links), links


def test_the_english_site_keeps_its_english_texts(client, demo):
    response = client.get("/en/challenges/")
    assert "Department of Water Resources" in response.content.decode()
    response = client.get("/en/challenges/flood-early-warning/")
    assert "Earlier flood warnings" in response.content.decode()


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_taxonomy_names_are_the_readers_and_follow_a_rename(client, demo):
    """Filter forms read the pillar names from the frame cache, in each reader's language."""
    from portal.models import Pillar

    assert ">Smart Mobility</option>" in _html(client, "/en/events/")
    assert ">Mobilitas Cerdas</option>" in _html(client, "/id/events/")
    pillar = Pillar.objects.get(slug="smart-mobility", locale__language_code="id")
    pillar.name = "Mobilitas Kota Cerdas"
    pillar.save()
    assert ">Mobilitas Kota Cerdas</option>" in _html(client, "/id/events/")
    assert ">Smart Mobility</option>" in _html(client, "/en/events/")
