"""Every route that takes a number answers 404, never 500, to a number no database can hold."""

import re

import pytest
from django.apps import apps
from django.http import Http404
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from wagtail.contrib.routable_page.models import RoutablePageMixin

from portal.converters import MAX_ID, IdConverter
from tests.factories import SuperuserFactory

OURS = ("portal.", "partners.", "events.", "programs.", "api.")
# The largest id a 64-bit column holds (reaches the view and the database), and one more
# (refused by the converter); plus a number with more digits than any column.
HUGE = (str(MAX_ID), str(MAX_ID + 1), "9" * 20)


def _prefix(pattern):
    if isinstance(pattern, LocalePrefixPattern):
        return "en/"
    if isinstance(pattern, RoutePattern):
        return str(pattern._route)
    assert isinstance(pattern, RegexPattern)
    text = str(pattern._regex).lstrip("^").rstrip("$")
    return text if re.fullmatch(r"[\w/.-]*", text) else None


def _walk(patterns, prefix=""):
    for entry in patterns:
        part = _prefix(entry.pattern)
        if part is None:
            continue
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + part)
        elif isinstance(entry, URLPattern):
            yield prefix + part, entry


def _our_numbered_routes():
    reverse("wagtailadmin_home")  # the admin's viewsets register their URLs on first use
    for route, entry in _walk(get_resolver().url_patterns):
        module = getattr(entry.callback, "__module__", "")
        converters = getattr(entry.pattern, "converters", {})
        if module.startswith(OURS) and converters:
            yield route, entry, converters


def test_no_route_of_ours_uses_the_unbounded_int_converter():
    unbounded = [
        route
        for route, _entry, converters in _our_numbered_routes()
        if any(isinstance(c, IntConverter) for c in converters.values())
    ]
    assert unbounded == []
    for model in apps.get_models():
        if issubclass(model, RoutablePageMixin):
            for pattern in model.get_subpage_urls():
                converters = getattr(pattern.pattern, "converters", {}).values()
                assert not any(isinstance(c, IntConverter) for c in converters), model
                assert r"\d+" not in str(pattern.pattern), model


def _url(route, converters, number):
    def fill(match):
        kind = converters[match.group(1)]
        return number if isinstance(kind, IdConverter) else "x"

    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", fill, route)


@pytest.mark.django_db
@pytest.mark.parametrize("number", HUGE)
def test_every_numbered_route_answers_404_to_a_huge_id(client, number):
    client.force_login(SuperuserFactory())
    routes = list(_our_numbered_routes())
    assert len(routes) >= 40
    answers = {}
    for route, _entry, converters in routes:
        if not any(isinstance(c, IdConverter) for c in converters.values()):
            continue
        url = _url(route, converters, number)
        # A route that does not match falls through to the admin's or the site's 404 (after
        # an APPEND_SLASH redirect, hence follow).
        status = client.get(url, follow=True).status_code
        if status == 405:  # POST-only: the id is checked before anything is written
            status = client.post(url, follow=True).status_code
        answers[url] = status
    assert {url: status for url, status in answers.items() if status != 404} == {}
    assert "/en/events/calendar/" + number + ".ics" in answers


@pytest.mark.parametrize("number", HUGE[1:])
def test_routable_page_sub_routes_refuse_a_huge_id(db, number):
    from events.models import EventIndexPage, HackathonPage

    routes = [(HackathonPage(), f"/projects/{number}/"), (EventIndexPage(), f"/archive/{number}/")]
    for page, route in routes:
        with pytest.raises(Http404):
            page.resolve_subpage(route)
    _view, _args, kwargs = HackathonPage().resolve_subpage(f"/projects/{MAX_ID}/")
    assert kwargs == {"pk": MAX_ID}
