"""Money, dates and times in the reader's language, the same way on every page.

- ``{{ amount|idr }}``: "IDR 450,000,000" in English, "Rp 450.000.000" in Bahasa Indonesia.
- ``{{ moment|when }}``: ``<time datetime="2027-01-16T13:44:00+0700">16 January 2027, 13:44
  WIB</time>``, always in Jakarta time; ``{{ moment|when:"date" }}`` shows the day only and
  ``{{ day|when }}`` a date. The visible text uses DATE_FORMAT / DATETIME_FORMAT from
  portal/formats/<lang>/formats.py; the ``datetime`` attribute never carries microseconds.
- ``{{ deadline|relative }}``: "in 3 days", "2 hours ago" (where a distance helps, e.g. deadlines).
"""

import datetime
import zoneinfo
from decimal import Decimal, InvalidOperation

from django import template
from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.timesince import timesince, timeuntil
from django.utils.translation import gettext, ngettext

register = template.Library()

# The currency's name as each language writes it before an amount.
CURRENCY_PREFIX = {"en": "IDR", "id": "Rp"}


def _language():
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


@register.filter
def idr(value):
    """An amount of rupiah, grouped as the reader's language groups thousands; "" for none."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(value).quantize(Decimal(1))
    except (InvalidOperation, TypeError, ValueError):
        return ""
    number = formats.number_format(int(amount), 0, use_l10n=True, force_grouping=True)
    return f"{CURRENCY_PREFIX.get(_language(), 'IDR')} {number}"


def jakarta_time(value):
    """An aware datetime in the portal's time zone (Asia/Jakarta), to the second."""
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return timezone.localtime(value, zone).replace(microsecond=0)


def when_text(value, style=""):
    """The visible text of ``|when`` (no markup): "16 January 2027, 13:44 WIB"."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        local = jakarta_time(value)
        if style == "date":
            return date_format(local, formats.get_format("DATE_FORMAT"))
        key = "SHORT_DATETIME_FORMAT" if style == "short" else "DATETIME_FORMAT"
        return f"{date_format(local, formats.get_format(key))} {local.tzname()}"
    key = "SHORT_DATE_FORMAT" if style == "short" else "DATE_FORMAT"
    return date_format(value, formats.get_format(key))


def _machine(local):
    """The ``datetime`` attribute: to the second, with the offset ("2027-01-16T13:44:12+0700")."""
    return local.strftime("%Y-%m-%dT%H:%M:%S%z")


@register.filter
def when(value, style=""):
    """A date or datetime as ``<time datetime="…">…</time>`` in the reader's style."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        machine = _machine(jakarta_time(value))
    else:
        machine = value.isoformat()
    return format_html('<time datetime="{}">{}</time>', machine, when_text(value, style))


@register.filter
def relative(value, unit=""):
    """How far ``value`` lies from now, in words: "in 3 days", "2 hours ago", "now".

    ``|relative:"day"`` counts calendar days in Jakarta ("today", "tomorrow", "in 3 days"): use
    it on publicly cached pages, where a count of hours would go stale within the cache time."""
    if not value:
        return ""
    now = timezone.now()
    if unit == "day":
        return _relative_days(value, now)
    if not isinstance(value, datetime.datetime):
        return _relative_days(value, now)
    if abs((value - now).total_seconds()) < 60:
        return gettext("now")
    if value > now:
        return gettext("in %(time)s") % {"time": timeuntil(value, now, depth=1)}
    return gettext("%(time)s ago") % {"time": timesince(value, now, depth=1)}


def _relative_days(value, now):
    day = jakarta_time(value).date() if isinstance(value, datetime.datetime) else value
    days = (day - jakarta_time(now).date()).days
    if days == 0:
        return gettext("today")
    if days == 1:
        return gettext("tomorrow")
    if days == -1:
        return gettext("yesterday")
    if days > 0:
        return ngettext("in %(count)s day", "in %(count)s days", days) % {"count": days}
    return ngettext("%(count)s day ago", "%(count)s days ago", -days) % {"count": -days}


@register.simple_tag
def when_range(start, end):
    """A span of time in Jakarta: "16 January 2027, 09:00 to 17:00 WIB" on one day, both dates
    in full otherwise; each end a ``<time>``."""
    if not start:
        return ""
    if not end:
        return when(start)
    first, last = jakarta_time(start), jakarta_time(end)
    same_day = first.date() == last.date()
    start_text = date_format(first, formats.get_format("DATETIME_FORMAT"))
    end_text = date_format(
        last, formats.get_format("TIME_FORMAT" if same_day else "DATETIME_FORMAT")
    )
    return format_html(
        '<time datetime="{}">{}</time>–<time datetime="{}">{}</time> {}',
        _machine(first),
        start_text,
        _machine(last),
        end_text,
        last.tzname(),
    )
