"""A small same-site crawler over Django's test client, for the site crawler test.

It follows every ``<a href>`` (and ``<link rel="alternate">``) of each HTML page it fetches, stays
on the site, and records what a reader's tools would trip over: a link that does not end in a
200, and a pagination link whose page lists the same items as the page it came from.
"""

from collections import defaultdict, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from django.conf import settings

# Not crawled: the admin, signing out, and what only a signed-in member may download.
SKIP_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/")
SKIP_PATHS = ("/accounts/logout/",)
SKIP_PARTS = ("/me/",)


@dataclass
class PageLinks:
    """What the crawler needs from one HTML page."""

    links: list = field(default_factory=list)  # every href, as written
    items: set = field(default_factory=set)  # hrefs in <main>, outside the pagination
    pagination: list = field(default_factory=list)  # hrefs of the pagination, not the current
    current_page: str | None = None  # href of the pagination link marked aria-current
    title: str | None = None  # the document's <title>, whitespace collapsed


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.result = PageLinks()
        self._main = 0
        self._pagination = False
        self._title = None  # the <title> text while inside it (the first one: not an SVG's)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title" and self.result.title is None and self._title is None:
            self._title = []
        if tag == "main":
            self._main += 1
        elif tag == "nav" and "pagination" in (attrs.get("class") or "").split():
            self._pagination = True
        href = attrs.get("href")
        if tag == "link" and href and attrs.get("rel") in {"alternate", "canonical"}:
            self.result.links.append(href)
        if tag != "a" or not href:
            return
        self.result.links.append(href)
        if self._pagination:
            if attrs.get("aria-current") == "page":
                self.result.current_page = href
            else:
                self.result.pagination.append(href)
        elif self._main:
            self.result.items.add(href)

    def handle_data(self, data):
        if self._title is not None:
            self._title.append(data)

    def handle_endtag(self, tag):
        if tag == "title" and self._title is not None:
            self.result.title = " ".join("".join(self._title).split())
            self._title = None
        if tag == "main":
            self._main -= 1
        elif tag == "nav":
            self._pagination = False


def parse(html):
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.result


def local_hosts():
    return {"testserver", urlsplit(settings.SITE_URL).netloc}


def normalise(href, base):
    """The site-relative URL ``href`` points to from ``base``, or None when it leaves the site
    (or is not crawled). Query parameters are sorted so one page has one key."""
    if href.startswith(("mailto:", "tel:", "javascript:", "data:")):
        return None
    url = urlsplit(urljoin(base, href))
    if url.scheme not in {"http", "https"} or url.netloc not in local_hosts():
        return None
    path = url.path or "/"
    if path.startswith(SKIP_PREFIXES) or path in SKIP_PATHS or any(p in path for p in SKIP_PARTS):
        return None
    # ?page=1 is the list itself: one key for both.
    params = [
        (k, v) for k, v in parse_qsl(url.query, keep_blank_values=True) if (k, v) != ("page", "1")
    ]
    query = urlencode(sorted(params))
    return f"{path}?{query}" if query else path


def list_key(url):
    """The paginated list a URL shows a page of: its path and every parameter but ``page``."""
    path, _, query = url.partition("?")
    rest = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "page"]
    return f"{path}?{urlencode(rest)}" if rest else path


def page_number(url):
    return dict(parse_qsl(url.partition("?")[2])).get("page", "1")


@dataclass
class Crawl:
    visited: dict = field(default_factory=dict)  # url -> PageLinks (None when not HTML)
    failures: list = field(default_factory=list)
    pagination_links: list = field(default_factory=list)  # (from url, to url)
    lists: dict = field(default_factory=dict)  # list key -> {"last": int, "reached": set}

    def repeated_pages(self):
        """Pagination links whose target lists the same items as the page they came from."""
        repeated = []
        for source, target in self.pagination_links:
            if source == target:
                continue
            here, there = self.visited.get(source), self.visited.get(target)
            if here is not None and there is not None and here.items == there.items:
                repeated.append(f"{source} -> {target}: the same items")
        return repeated

    def unfinished_lists(self):
        return [
            f"{key}: reached pages {sorted(info['reached'], key=int)} of {info['last']}"
            for key, info in sorted(self.lists.items())
            if str(info["last"]) not in info["reached"]
        ]


def record_pagination(crawl, url, page):
    """Note the list ``url`` shows a page of, its last page, and its pagination links."""
    if not page.pagination and page.current_page is None:
        return
    info = crawl.lists.setdefault(list_key(url), {"last": 1, "reached": set()})
    info["reached"].add(page_number(url))
    for href in page.pagination:
        target = normalise(href, f"http://testserver{url}")
        if target is None:
            continue
        crawl.pagination_links.append((url, target))
        number = page_number(target)
        if number.isdigit():
            info["last"] = max(info["last"], int(number))


def crawl(client, start, limit=3000, variants=1):
    """Fetch every same-site page reachable from ``start`` (at most ``limit``), breadth first.

    Filter links multiply the pages (every pillar badge links to a filtered list): of each path
    with parameters other than ``page``, only the first ``variants`` are followed, each to its
    last page.
    """
    result = Crawl()
    queue = deque((url, "(start)") for url in start)
    queued = set(start)
    filtered = defaultdict(set)  # path -> the filtered lists of it being crawled
    while queue:
        url, referrer = queue.popleft()
        if len(result.visited) >= limit:
            result.failures.append(f"more than {limit} pages: the crawl was cut short")
            break
        if len(result.visited) % 250 == 249:
            print(f"crawled {len(result.visited) + 1} URLs, {len(queue)} queued", flush=True)
        try:
            response = client.get(url, follow=True)
        except Exception as error:  # a view that crashed is a failure to list, not to stop at
            result.failures.append(f"{url} (linked from {referrer}): {error!r}")
            result.visited[url] = None
            continue
        if response.status_code != 200:
            result.failures.append(f"{url} (linked from {referrer}): {response.status_code}")
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or not content_type.startswith("text/html"):
            result.visited[url] = None
            continue
        base = f"http://testserver{response.request['PATH_INFO']}"
        page = parse(response.content.decode())
        result.visited[url] = page
        record_pagination(result, url, page)
        for href in page.links:
            target = normalise(href, base)
            if target is None or target in queued:
                continue
            key = list_key(target)
            path = key.partition("?")[0]
            if key != path and key not in filtered[path]:
                if len(filtered[path]) >= variants:
                    continue
                filtered[path].add(key)
            queued.add(target)
            queue.append((target, url))
    return result


_demo_crawls = {}


def demo_crawl(client):
    """The crawl of the seeded demo from /en/ and /id/, made once per test run.

    Every test of tests/site starts from the same seeded demo (each rolls its changes back), and
    several checks read every page of it (links, pagination, titles): they share one crawl.
    """
    if "demo" not in _demo_crawls:
        _demo_crawls["demo"] = crawl(client, ["/en/", "/id/"])
    return _demo_crawls["demo"]
