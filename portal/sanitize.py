"""The one place that cleans HTML written by non-staff users (nh3, the Ammonia binding).

Use ``sanitize_html`` on the way in (before saving) and the ``|sanitized`` template filter on the
way out when a field may hold HTML; plain-text fields are simply auto-escaped by templates.
"""

import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "sub",
    "sup",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(value):
    """Return ``value`` with every tag, attribute and URL scheme outside the allow-list removed.

    Links get ``rel="noopener noreferrer nofollow"`` so member content cannot pass on ranking or
    reach back into the opener. The result is marked safe for templates.
    """
    if not value:
        return mark_safe("")
    cleaned = nh3.clean(
        str(value),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 - nh3 output is safe by construction


def strip_tags(value):
    """Plain text of ``value``: every tag removed, entities kept escaped."""
    if not value:
        return ""
    return nh3.clean(str(value), tags=set(), attributes={})
