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


def refuse_line_breaks(value):
    """Validator for single-line fields (a name, a title): line breaks are refused, not folded."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    if value and any(char in str(value) for char in "\r\n\x0b\x0c\x85\u2028\u2029"):
        raise ValidationError(_("Please keep this on one line."), code="line_break")


class SingleLineFieldsMixin:
    """Form mixin: every text field shown as a one-line input refuses line breaks.

    Browsers drop line breaks from ``<input type="text">``, but a hand-made request does not;
    a name with a line break would then break e-mail headers, CSV rows and quoted text.
    """

    def __init__(self, *args, **kwargs):
        from django import forms

        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if (
                isinstance(field, forms.CharField)
                and type(field.widget) is forms.TextInput
                and refuse_line_breaks not in field.validators
            ):
                field.validators.append(refuse_line_breaks)
