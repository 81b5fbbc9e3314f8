"""Money, dates and times read the same way on every page of a language: rupiah grouped as the
language groups thousands, one date and time style per language in Jakarta time with "WIB", and
distances in words where they help ("in 3 days")."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import timezone, translation
from wagtail.models import Locale

from portal.templatetags.format_tags import idr, relative, when, when_range
from tests.programs.conftest import cast  # noqa: F401 - the pilot world's roles
from tests.programs.pilots import pilot_index, world  # noqa: F401 - pilot fixtures

JAKARTA = datetime.timezone(datetime.timedelta(hours=7))


def render(source, **context):
    return Template(source).render(Context(context))


def test_rupiah_are_grouped_as_each_language_groups_thousands():
    with translation.override("en"):
        assert idr(450_000_000) == "IDR 450,000,000"
        assert render("{{ amount|idr }}", amount=Decimal("1250000.40")) == "IDR 1,250,000"
    with translation.override("id"):
        assert idr(450_000_000) == "Rp 450.000.000"
        assert render("{{ amount|idr }}", amount=Decimal("1250000.60")) == "Rp 1.250.001"
    assert idr(None) == "" and idr("") == "" and idr("not a number") == ""


def test_a_moment_reads_in_jakarta_time_with_wib_in_each_language_style():
    moment = datetime.datetime(2027, 1, 16, 6, 44, 12, 345678, tzinfo=datetime.UTC)  # 13:44 WIB
    with translation.override("en"):
        html = when(moment)
        assert html == '<time datetime="2027-01-16T13:44:12+0700">16 January 2027, 13:44 WIB</time>'
        assert (
            when(moment, "date")
            == '<time datetime="2027-01-16T13:44:12+0700">16 January 2027</time>'
        )
        assert "16 Jan 2027, 13:44 WIB" in when(moment, "short")
    with translation.override("id"):
        assert ">16 Januari 2027, 13.44 WIB</time>" in when(moment)
        assert ">16 Jan 2027, 13.44 WIB<" in when(moment, "short")
    # A late evening in UTC is already the next day in Jakarta.
    late = datetime.datetime(2027, 1, 16, 20, 30, tzinfo=datetime.UTC)
    with translation.override("en"):
        assert ">17 January 2027, 03:30 WIB<" in when(late)


def test_a_day_has_a_plain_machine_date_and_the_same_style():
    with translation.override("en"):
        assert (
            when(datetime.date(2026, 12, 2)) == '<time datetime="2026-12-02">2 December 2026</time>'
        )
    with translation.override("id"):
        assert (
            when(datetime.date(2026, 12, 2)) == '<time datetime="2026-12-02">2 Desember 2026</time>'
        )
    assert when(None) == ""


def test_a_span_on_one_day_names_the_day_once():
    start = datetime.datetime(2027, 3, 4, 9, 0, tzinfo=JAKARTA)
    with translation.override("en"):
        same_day = when_range(start, start + datetime.timedelta(hours=3))
        assert ">4 March 2027, 09:00</time>–<time" in same_day and same_day.endswith(
            ">12:00</time> WIB"
        )
        two_days = when_range(start, start + datetime.timedelta(days=1))
        assert ">5 March 2027, 09:00</time> WIB" in two_days


def test_template_dates_use_the_portal_formats_not_djangos_defaults():
    """``|date:"DATE_FORMAT"`` left in a template reads like ``|when``: no "Jan. 16, 2027"."""
    day = datetime.date(2027, 1, 16)
    with translation.override("en"):
        assert render('{{ day|date:"DATE_FORMAT" }}', day=day) == "16 January 2027"
    with translation.override("id"):
        assert render('{{ day|date:"DATE_FORMAT" }}', day=day) == "16 Januari 2027"


def test_distances_in_words():
    now = timezone.now()
    with translation.override("en"):
        assert relative(now + datetime.timedelta(days=3, minutes=5)) == "in 3\xa0days"
        assert relative(now - datetime.timedelta(hours=2, minutes=5)) == "2\xa0hours ago"
        assert relative(now + datetime.timedelta(seconds=20)) == "now"
        assert relative(now + datetime.timedelta(days=3), "day") == "in 3 days"
        assert relative(now + datetime.timedelta(days=1), "day") == "tomorrow"
        assert relative(now - datetime.timedelta(days=5), "day") == "5 days ago"
        assert relative(timezone.localdate(), "day") == "today"
    assert relative(None) == ""


@pytest.mark.django_db
def test_a_pilot_page_shows_its_budget_and_period_in_the_readers_language(
    client,
    pilot_index,  # noqa: F811
    world,  # noqa: F811
):
    from programs.pilots import services

    services.update_pilot(
        world.manager,
        world.pilot,
        {"budget_idr": 450_000_000, "start_date": datetime.date(2027, 1, 16)},
    )
    services.set_published(world.manager, world.pilot, True)
    english = client.get(pilot_index.url + world.pilot.slug + "/").content.decode()
    assert "IDR 450,000,000" in english and ">16 January 2027</time>" in english
    indonesian = client.get(
        pilot_index.get_translation(Locale.objects.get(language_code="id")).url
        + world.pilot.slug
        + "/"
    ).content.decode()
    assert "Rp 450.000.000" in indonesian and ">16 Januari 2027</time>" in indonesian
