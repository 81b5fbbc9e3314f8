import json

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Page, Site

from portal.sanitize import sanitize_html

register = template.Library()


def _home_for_active_locale(request):
    """The home page of the visitor's language (each locale has its own tree)."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    root = site.root_page
    try:
        return root.get_translation(Locale.get_active())
    except (Page.DoesNotExist, Locale.DoesNotExist):
        return root


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Top-level pages marked "show in menus", in the visitor's language."""
    request = context.get("request")
    home = _home_for_active_locale(request)
    if home is None:
        return {"home": None, "items": []}
    return {"home": home, "items": list(home.get_children().live().public().in_menu())}


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to the current page in every language.

    On a Wagtail page we link to its translation (synchronised trees mean one always exists);
    elsewhere Django translates the URL by swapping its language prefix.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    links = []
    translations = {}
    if isinstance(page, Page):
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request)
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


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
            option_text = option if text is None else getattr(option, text)
        rows.append((str(option_value), option_text))
    selected = "" if current is None else str(current)
    return {"id": f"{field}-{name}", "name": name, "label": label, "any_label": any_label,
            "options": rows, "selected": selected}  # fmt: skip
