"""Every page of the demo a visitor reaches has its own <title> in its language: a screen-reader
user hears the title first, and browser tabs, history and bookmarks show only it."""

import re
from collections import defaultdict, deque
from html import unescape

import pytest

from tests.site.crawler import normalise, parse

pytestmark = pytest.mark.django_db

TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def crawl_titles(client, start, depth=3, limit=400):
    """Title of every page within ``depth`` clicks of ``start`` (paths only, no filters)."""
    titles = {}
    queue = deque([(start, 0)])
    seen = {start}
    while queue and len(titles) < limit:
        url, level = queue.popleft()
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        titles[url] = " ".join(unescape(TITLE.search(html).group(1)).split())
        if level == depth:
            continue
        for href in parse(html).links:
            target = normalise(href, f"http://testserver{url}")
            if target is None or "?" in target or target in seen:
                continue
            if not target.startswith(start) or target.endswith((".ics", "/feed/", "/export/")):
                continue
            seen.add(target)
            queue.append((target, level + 1))
    return titles


@pytest.mark.parametrize("language", ["en", "id"])
def test_every_page_of_the_demo_has_its_own_title(client, demo, language):
    titles = crawl_titles(client, f"/{language}/")
    assert len(titles) > 100, len(titles)
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
