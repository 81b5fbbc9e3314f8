"""Plain text as members type it.

Plain-text fields (a team's name, a join message, a project's tagline, an answer to a question)
are stored as typed and escaped once, on output, by Django's templates, ``json`` or the CSV
writer. They never go through the HTML sanitiser: it would entity-encode ``&`` and ``<`` into
the stored text (shown as ``&amp;amp;`` later, and carried as ``&amp;`` into e-mails, JSON and
CSV) and silently cut a name made of markup down to nothing. Only text meant as HTML goes
through ``portal.sanitize``.
"""

import re

# Control characters other than tab and line feed: invisible, and PostgreSQL refuses NUL.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def plain_text(value, limit=None, *, single_line=False):
    """``value`` as plain text: line endings normalised, control characters dropped, trimmed.

    ``single_line`` folds every run of whitespace (line breaks included) into one space.
    """
    text = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = " ".join(text.split()) if single_line else text.strip()
    return text[:limit] if limit else text
