"""The site crawler: from /en/ and /id/ of the seeded demo, every same-site link answers 200,
pagination moves to other items, and every paginated list is followed to its last page."""

import time
from collections import Counter

import pytest

from tests.site.crawler import Crawl, demo_crawl, parse, record_pagination

pytestmark = pytest.mark.django_db

# Lists the demo fills past one page; the crawl must reach the last page of each.
PAGINATED = ["/{lang}/policy/", "/{lang}/pilots/", "/{lang}/agencies/", "/{lang}/events/"]


def test_every_link_of_the_demo_works_and_every_list_reaches_its_last_page(client, demo):
    started = time.monotonic()
    result = demo_crawl(client)
    took = time.monotonic() - started
    print(f"crawled {len(result.visited)} URLs in {took:.1f} s", flush=True)
    kinds = Counter("/".join(url.split("?")[0].split("/")[:3]) for url in result.visited)
    print("most crawled:", kinds.most_common(12), flush=True)

    assert result.failures == [], "\n".join(result.failures)
    assert result.repeated_pages() == [], "\n".join(result.repeated_pages())
    assert result.unfinished_lists() == [], "\n".join(result.unfinished_lists())
    for lang in ("en", "id"):
        for path in PAGINATED:
            info = result.lists.get(path.format(lang=lang))
            assert info is not None and info["last"] > 1, f"{path.format(lang=lang)} has one page"
            assert str(info["last"]) in info["reached"]
        assert f"/{lang}/" in result.visited


def _page(items, pagination):
    links = "".join(f'<li><a href="{href}">{n}</a></li>' for n, href in enumerate(items))
    return f'<main><ul>{links}</ul><nav class="pagination"><ul>{pagination}</ul></nav></main>'


def test_the_crawler_catches_a_next_link_that_shows_the_first_page_again():
    """The markup pagination had before: ``href="?{% querystring %}"`` gave ``??page=2``."""
    broken = Crawl()
    first = parse(
        _page(["/en/policy/a/", "/en/policy/b/"], '<li><a href="??page=2" rel="next">Next</a></li>')
    )
    broken.visited["/en/policy/"] = first
    record_pagination(broken, "/en/policy/", first)
    ((_, target),) = broken.pagination_links
    # Django reads "??page=2" as a parameter named "?page": the view shows page 1 again.
    broken.visited[target] = parse(_page(["/en/policy/a/", "/en/policy/b/"], ""))
    assert broken.repeated_pages() == [f"/en/policy/ -> {target}: the same items"]
    # ... and the list never shows a second page, so the check of the demo's long lists fails too.
    assert broken.lists["/en/policy/"]["last"] == 1

    fixed = Crawl()
    first = parse(_page(["/en/policy/a/"], '<li><a href="?page=2" rel="next">Next</a></li>'))
    fixed.visited["/en/policy/"] = first
    record_pagination(fixed, "/en/policy/", first)
    second = parse(_page(["/en/policy/b/"], '<li><a href="?page=2" aria-current="page">2</a></li>'))
    fixed.visited["/en/policy/?page=2"] = second
    record_pagination(fixed, "/en/policy/?page=2", second)
    assert fixed.repeated_pages() == [] and fixed.unfinished_lists() == []
