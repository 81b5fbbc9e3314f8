"""The pagination component every list includes: working links, numbered pages, filters kept."""

import re

from django.core.paginator import Paginator
from django.template import RequestContext, Template
from django.test import RequestFactory
from django.utils import translation


def render(query, number, count=200, per_page=10):
    request = RequestFactory().get(f"/en/policy/?{query}")
    page_obj = Paginator(range(count), per_page).get_page(number)
    template = Template('{% include "components/pagination.html" %}')
    return template.render(RequestContext(request, {"page_obj": page_obj}))


def links(html):
    return re.findall(r'<a href="([^"]+)"([^>]*)>', html)


def test_links_keep_the_filters_and_never_double_the_question_mark():
    html = render("pillar=water&q=flood&page=3", 3)
    hrefs = [href for href, _ in links(html)]
    assert hrefs and all(href.startswith("?pillar=water&amp;q=flood&amp;page=") for href in hrefs)
    assert "??" not in html
    assert '<a href="?pillar=water&amp;q=flood&amp;page=2" rel="prev">' in html
    assert '<a href="?pillar=water&amp;q=flood&amp;page=4" rel="next">' in html


def test_numbered_pages_with_an_ellipsis_and_the_current_one_marked():
    html = render("page=10", 10)
    numbers = [re.search(r"page=(\d+)", href).group(1) for href, rel in links(html) if not rel]
    assert numbers == ["1", "8", "9", "11", "12", "20"]
    (current,) = [href for href, attrs in links(html) if 'aria-current="page"' in attrs]
    assert current == "?page=10"
    assert "Page 10 of 20" in html
    assert html.count("…") == 2


def test_the_first_and_last_pages_have_one_direction_and_a_single_page_none():
    first, last = render("", 1), render("page=20", 20)
    assert 'rel="prev"' not in first and 'rel="next"' in first
    assert 'rel="next"' not in last and 'rel="prev"' in last
    assert render("", 1, count=5).strip() == ""


def test_in_indonesian():
    with translation.override("id"):
        html = render("page=2", 2)
    assert "Sebelumnya" in html and "Berikutnya" in html and "Halaman 2 dari 20" in html
