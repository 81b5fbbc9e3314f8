import json

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from portal.cache import FRAME_TIMEOUT, frame_cached, request_generation
from portal.i18n import in_english
from portal.i18n import localised as localised_text
from portal.sanitize import sanitize_html

register = template.Library()


def _menu(request, language):
    site = Site.find_for_request(request)
    if site is None:
        return {"home": None, "items": []}
    root = site.root_page
    home = (
        Page.objects.select_related("locale")
        .filter(translation_key=root.translation_key, locale__language_code=language)
        .first()
    ) or root
    items = home.get_children().live().public().in_menu().select_related("locale")
    return {
        "home": {"url": home.get_url(request)},
        "items": [
            {
                "pk": p.pk,
                "title": p.title,
                "path": p.path,
                "depth": p.depth,
                "url": p.get_url(request),
            }
            for p in items
        ],
    }


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Top-level pages marked "show in menus", in the visitor's language (cached per locale)."""
    request = context.get("request")
    if request is None:
        return {"home": None, "items": []}
    language = translation.get_language()
    return frame_cached(request, f"menu:{language}", lambda: _menu(request, language))


def translation_urls(request, page):
    """``{language code: URL}`` of ``page`` and its live translations, kept in the frame cache
    (the language links and the hreflang alternates of every page read it)."""

    def build():
        return {
            p.locale.language_code: p.get_url(request)
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }

    return frame_cached(request, f"translations:{page.pk}", build)


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to the current page in every language.

    On a Wagtail page we link to its translation (synchronised trees mean one always exists);
    elsewhere Django translates the URL by swapping its language prefix.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = translation_urls(request, page)
    links = []
    for code, name in settings.LANGUAGES:
        url = translations.get(code)
        if url is None:
            url = translate_url(request.get_full_path(), code) if request else f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def frame_cache(context):
    """How ``{% cache %}`` keeps a piece of the shared frame (the footer): ``(timeout, key)``
    with the site and generation in the key; a timeout of 0 (frame cache off) renders live."""
    request = context.get("request")
    if not settings.PORTAL_FRAME_CACHE or request is None:
        return (0, "")
    return (FRAME_TIMEOUT, f"{request_generation(request)}:{request.get_host()}")


@register.filter
def localised(obj, field):
    """``{{ pilot|localised:"title" }}``: the field in the reader's language (portal/i18n.py)."""
    return localised_text(obj, field)


@register.filter
def localised_lang(obj, field):
    """As ``localised``, for text in the page body: English shown on the Indonesian site (no
    Indonesian twin yet) is marked ``lang="en"`` so screen readers pronounce it as English."""
    text = localised_text(obj, field)
    if text and in_english(obj, field):
        return format_html('<span lang="en">{}</span>', text)
    return text


@register.filter
def sanitized(value):
    """Render HTML a member wrote: only the tags and attributes our sanitiser allows."""
    return sanitize_html(value)


@register.filter
def footer_text(site_settings, language_code):
    return site_settings.footer_text_for(language_code)


@register.filter
def name_in(taxonomy_item, names):
    """The name of a pillar or SDG in the visitor's language.

    Records link to one locale's row; views pass ``{translation_key: name}`` for the active
    locale, built with one query, so lists need no query per item.
    """
    return names.get(taxonomy_item.translation_key, taxonomy_item.name)


# As Django's json_script: nothing in the data can close the script element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def json_ld(context, data):
    """schema.org data in <script type="application/ld+json"> (data, not code; nonce anyway)."""
    text = json.dumps(data, ensure_ascii=False, default=str).translate(_JSON_ESCAPES)
    return format_html(
        '<script type="application/ld+json" nonce="{}">{}</script>',
        context.get("csp_nonce", ""),
        mark_safe(text),  # noqa: S308 (escaped above)
    )


@register.inclusion_tag("components/filter_select.html")
def filter_select(
    name, label, any_label, options, current, value="slug", text="name", field="filter"
):
    """One labelled dropdown of a public index's filter form; the first option means "any".

    ``options`` holds (value, label) pairs (model choices), objects (``value``/``text`` name the
    attributes; ``text=None`` shows the object itself) or plain values (``value=None``).
    The current choice is compared as text, as it arrives in the query string.
    """
    rows = []
    for option in options:
        if isinstance(option, tuple | list):
            option_value, option_text = option[0], option[1]
        elif value is None:
            option_value = option_text = option
        else:
            option_value = getattr(option, value)
            option_text = option if text is None else localised_text(option, text)
        rows.append((str(option_value), option_text))
    selected = "" if current is None else str(current)
    return {
        "id": f"{field}-{name}",
        "name": name,
        "label": label,
        "any_label": any_label,
        "options": rows,
        "selected": selected,
    }
