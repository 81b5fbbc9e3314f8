"""Every page of the demo a visitor reaches has its own <title> in its language: a screen-reader
user hears the title first, and browser tabs, history and bookmarks show only it."""

import re
from collections import defaultdict

import pytest

from tests.site.crawler import demo_crawl

pytestmark = pytest.mark.django_db

TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def demo_titles(client, language):
    """Title of every page of the demo in ``language`` (paths only, no filters or feeds)."""
    return {
        url: page.title
        for url, page in demo_crawl(client).visited.items()
        if page is not None
        and url.startswith(f"/{language}/")
        and "?" not in url
        and not url.endswith((".ics", "/feed/", "/export/"))
    }


@pytest.mark.parametrize("language", ["en", "id"])
def test_every_page_of_the_demo_has_its_own_title(client, demo, language):
    titles = demo_titles(client, language)
    assert len(titles) > 500, len(titles)
    # The routable sub-pages that once shared their page's title are among them.
    for part in ("/teams/", "/gallery/", "/projects/", "/speakers/"):
        assert any(part in url for url in titles), part
    by_title = defaultdict(list)
    for url, title in titles.items():
        by_title[title].append(url)
    shared = {title: urls for title, urls in by_title.items() if len(urls) > 1}
    assert shared == {}, "\n".join(f"{title}: {' '.join(urls)}" for title, urls in shared.items())


def test_later_pages_of_a_list_say_which_page_they_are(client, demo):
    first = TITLE.search(client.get("/en/policy/").content.decode()).group(1)
    second = TITLE.search(client.get("/en/policy/?page=2").content.decode()).group(1)
    assert first != second and "page 2" in second
