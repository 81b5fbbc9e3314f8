"""Accessibility helpers shared by every template.

- ``{% form_error_summary form %}``: when the server rejected ``form``, a summary at the top of
  the form naming each error with a link to its field (site.js moves focus to it on load).
- ``{% lang_attr page %}``: ` lang="en"` when ``page`` shows text in another language than the
  page around it (a wagtail-localize alias under /id/ still showing its English source).
"""

from django import template
from django.core.cache import cache
from django.utils import translation
from django.utils.html import format_html

register = template.Library()

LANGUAGE_CACHE_SECONDS = 24 * 60 * 60


def _error_target(field):
    """The id a summary link jumps to: the input itself, or the first of a group of choices."""
    target = field.id_for_label
    if not target and field.auto_id:
        target = f"{field.auto_id}_0"
    return target


@register.inclusion_tag("components/error_summary.html")
def form_error_summary(form):
    if form is None or not getattr(form, "is_bound", False) or not form.errors:
        return {"errors": []}
    errors = [{"message": message, "target": None} for message in form.non_field_errors()]
    for field in form.hidden_fields():
        errors += [{"message": message, "target": None} for message in field.errors]
    for field in form.visible_fields():
        for message in field.errors:
            errors.append(
                {"label": field.label, "message": message, "target": _error_target(field)}
            )
    prefix = form.prefix or "form"
    first = next((error["target"] for error in errors if error["target"]), "")
    return {"errors": errors, "summary_id": f"{prefix}-{first or 'errors'}-summary"}


def content_language(page):
    """The language ``page``'s text is written in when it differs from its locale's, else "".

    A page shown under a language prefix belongs to that language's locale; only an alias (a
    wagtail-localize copy of a page not yet translated) shows text in another language, its
    source's. That is looked up once per source and cached, so a list of cards costs nothing."""
    alias_of_id = getattr(page, "alias_of_id", None)
    if not alias_of_id:
        return ""

    def source_language():
        from wagtail.models import Page

        row = Page.objects.filter(pk=alias_of_id).values_list("locale__language_code", flat=True)
        return row.first() or ""

    return cache.get_or_set(
        f"portal:page-language:{alias_of_id}", source_language, LANGUAGE_CACHE_SECONDS
    )


@register.simple_tag
def lang_attr(page):
    """` lang="xx"` on an element showing ``page``'s text when that text is in another language
    than the one being read (an untranslated page under /id/ gets ` lang="en"`)."""
    if page is None:
        return ""
    language = content_language(page)
    current = (translation.get_language() or "").split("-")[0]
    if not language or language.split("-")[0] == current:
        return ""
    return format_html(' lang="{}"', language)
