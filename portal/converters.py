"""The ``id`` path converter: the integer routes' one converter, bounded to what a database holds.

Django's ``int`` converter accepts any run of digits, and ``99999999999999999999`` then reaches
the database as a number no integer column can hold: SQLite raises ``OverflowError`` and
PostgreSQL ``NumericValueOutOfRange``, a 500. ``id`` matches at most 19 digits and refuses (as a
non-matching route, so a 404) anything above the largest 64-bit signed integer. Every route of
the portal that takes a number uses it, RoutablePage sub-routes included; a test sweeps them.
"""

from django.urls import register_converter

MAX_ID = 2**63 - 1


class IdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = int(value)
        if number > MAX_ID:
            raise ValueError("out of range")  # the route does not match: 404
        return number

    def to_url(self, value):
        return str(int(value))


register_converter(IdConverter, "id")
