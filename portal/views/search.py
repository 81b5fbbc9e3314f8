import re

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page

PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Full-text search over published pages in the visitor's language."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    # Search on words only: punctuation means nothing to full-text search, and some of it
    # (quotes, colons) is query syntax to SQLite's FTS engine.
    terms = " ".join(re.findall(r"\w+", query))
    results = Page.objects.none()
    if terms:
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(terms)
        )
    paginator = Paginator(results, PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "portal/search.html",
        {"query": query, "page_obj": page_obj, "results": page_obj.object_list},
    )
