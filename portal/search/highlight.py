"""Result snippets with the matched words marked, built safely.

The text is cut around the first match, every piece is escaped, and only then are the matches
wrapped in ``<mark>``: nothing a record's author or the searcher typed can become markup.
Words are matched on their stem-like prefix, so "flooding" also marks "flood" and "floods".
"""

import html
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

SNIPPET_WORDS = 40
MIN_PREFIX = 4


def terms(query):
    """The words of a query (punctuation means nothing to full-text search)."""
    return re.findall(r"\w+", query)


def _pattern(words):
    prefixes = set()
    for word in words:
        word = word.lower()
        keep = max(MIN_PREFIX, len(word) - 3) if len(word) > MIN_PREFIX else len(word)
        prefixes.add(re.escape(word[:keep]))
    if not prefixes:
        return None
    alternatives = "|".join(sorted(prefixes, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)


def plain(text):
    """Rich text or HTML as one line of plain text (entities decoded: it is escaped again)."""
    return " ".join(html.unescape(strip_tags(str(text or ""))).split())


def snippet(text, query, words=SNIPPET_WORDS):
    """About ``words`` words of ``text`` around the first match, escaped, matches in <mark>."""
    text = plain(text)
    pattern = _pattern(terms(query))
    if not text:
        return ""
    tokens = text.split(" ")
    start = 0
    if pattern is not None:
        for number, token in enumerate(tokens):
            if pattern.search(token):
                start = max(0, number - words // 4)
                break
    cut = " ".join(tokens[start : start + words])
    prefix = "… " if start else ""
    suffix = " …" if start + words < len(tokens) else ""
    return mark_safe(prefix + mark(cut, pattern) + suffix)  # noqa: S308 - escaped in mark()


def mark(text, pattern):
    """Escape ``text`` and wrap each match of ``pattern`` in <mark>."""
    if pattern is None:
        return escape(text)
    pieces = []
    last = 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return "".join(pieces)


def marked_title(title, query):
    return mark_safe(mark(plain(title), _pattern(terms(query))))  # noqa: S308 - escaped in mark()
