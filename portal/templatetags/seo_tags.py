"""What search engines and link previews read in every page's <head>: the meta description,
Open Graph tags and the hreflang alternates, all with absolute URLs on ``SITE_URL``."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext
from wagtail.models import Page

from portal.images import og_image_url
from portal.sites import absolute
from portal.templatetags.portal_tags import translation_urls

register = template.Library()

# Page fields that summarise a page, in the order they are tried when the editor left the
# search description empty.
SUMMARY_FIELDS = ("search_description", "summary", "intro", "hero_text", "tagline", "description")
OG_LOCALES = {"en": "en_US", "id": "id_ID"}
DESCRIPTION_LENGTH = 300


def describe(*candidates):
    """The first non-empty text of ``candidates`` as plain text of at most 300 characters."""
    for candidate in candidates:
        text = " ".join(strip_tags(str(candidate or "")).split())
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return gettext(
        "Where Jakarta's development collaboration network works in the open: partners, "
        "sandbox challenges, events, hackathons, pilots and policy recommendations."
    )


def page_description(page):
    return [getattr(page, name, "") for name in SUMMARY_FIELDS if page is not None]


def _sub_path(page, request):
    """What the request path adds to the page's own path (a routable page's sub-route)."""
    if request is None or not isinstance(page, Page):
        return ""
    own = page.get_url(request) or ""
    path = request.path
    return path[len(own) :] if own and path.startswith(own) else ""


def alternates(page, request):
    """``[(language code, absolute URL)]`` of this address in every language, and x-default."""
    links = []
    if isinstance(page, Page):
        tail = _sub_path(page, request)
        for code, url in translation_urls(request, page).items():
            if url:
                links.append((code, absolute(url) + tail))
    elif request is not None:
        for code, _name in settings.LANGUAGES:
            links.append((code, absolute(translate_url(request.path, code))))
    links.sort(key=lambda link: [code for code, _ in settings.LANGUAGES].index(link[0]))
    default = dict(links).get(settings.LANGUAGE_CODE)
    if default:
        links.append(("x-default", default))
    return links


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def page_meta(context, description=None, og_type="website", image=None, title=None):
    """The description, Open Graph and hreflang tags of the page being shown.

    A page with an image shows its 1200x630 rendition as ``og:image``; views may put
    ``meta_description`` and ``og_image`` (an image URL) in the context; a page
    without a search description is described by its summary or introduction, else the site.
    """
    request = context.get("request")
    page = context.get("page")
    # A page's own picture comes before one a view suggests (an event's organiser's logo).
    image = image or og_image_url(page) or context.get("og_image")
    language = get_language()
    description = describe(description, context.get("meta_description"), *page_description(page))
    title = title or context.get("meta_title") or getattr(page, "seo_title", "")
    return {
        "description": description,
        "title": title or getattr(page, "title", "") or context.get("SITE_NAME", ""),
        "og_type": og_type,
        "url": absolute(request.path) if request is not None else settings.SITE_URL,
        "image": absolute(image) if image else "",
        "site_name": context.get("SITE_NAME", settings.WAGTAIL_SITE_NAME),
        "og_locale": OG_LOCALES.get(language, language),
        "alternates": alternates(page, request),
    }


@register.simple_tag(takes_context=True)
def website_json_ld(context):
    """schema.org WebSite for the home page, with the site search as its SearchAction."""
    from portal.templatetags.portal_tags import json_ld

    request = context.get("request")
    page = context.get("page")
    home = page.get_full_url(request) if isinstance(page, Page) else settings.SITE_URL + "/"
    search = absolute(reverse("portal:search"))
    data = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": context.get("SITE_NAME", settings.WAGTAIL_SITE_NAME),
        "url": home,
        "inLanguage": get_language(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }
    return json_ld(context, data)
