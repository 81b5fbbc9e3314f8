import re

import pytest

from portal.sanitize import sanitize_html, strip_tags
from tests.conftest import XSS_PAYLOADS

DANGEROUS = re.compile(
    r"<\s*(script|iframe|object|embed|svg|math|style|meta|link|form|input|body|details)\b"
    r"|\son\w+\s*=|javascript:|data:text/html",
    re.IGNORECASE,
)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_hostile_html_is_neutralised(payload):
    cleaned = str(sanitize_html(payload))
    assert not DANGEROUS.search(cleaned), cleaned


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_strip_tags_leaves_no_markup(payload):
    assert "<" not in strip_tags(payload).replace("&lt;", "")


def test_allowed_markup_survives_and_links_are_safe():
    html = '<p>See <a href="https://example.org" onclick="x()">our <strong>plan</strong></a></p>'
    cleaned = str(sanitize_html(html))
    assert "<strong>plan</strong>" in cleaned
    assert 'href="https://example.org"' in cleaned
    assert 'rel="noopener noreferrer nofollow"' in cleaned
    assert "onclick" not in cleaned


def test_template_syntax_is_kept_as_text():
    assert str(sanitize_html("{{ 7*7 }}{% now 'Y' %}")) == "{{ 7*7 }}{% now 'Y' %}"


def test_empty_values():
    assert sanitize_html(None) == ""
    assert strip_tags("") == ""
