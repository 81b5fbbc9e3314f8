"""Within one request the active locale and the view restrictions are read once
(portal/request_memo.py); outside a request, and in the next one, Wagtail reads them afresh."""

import pytest
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction

from portal import request_memo

pytestmark = pytest.mark.django_db


def test_a_request_reads_each_locale_once_and_the_next_reads_again(django_assert_num_queries):
    with translation.override("id"):
        with request_memo.request_scope():
            with django_assert_num_queries(1):
                first = Locale.get_active()
                assert Locale.get_active() is first
            with translation.override("en"), django_assert_num_queries(1):
                assert Locale.get_active().language_code == "en"
        with django_assert_num_queries(2):  # no request: Wagtail's own lookup each time
            Locale.get_active()
            Locale.get_active()


def test_a_restriction_saved_during_a_request_counts_at_once(django_assert_num_queries):
    home = Page.objects.filter(depth=2).first()
    with request_memo.request_scope():
        assert Page.objects.filter(pk=home.pk).public().exists()
        with django_assert_num_queries(1):  # the restrictions were read already
            assert Page.objects.filter(pk=home.pk).public().exists()
        assert list(home.get_view_restrictions()) == []
        restriction = PageViewRestriction.objects.create(page=home, restriction_type="login")
        assert not Page.objects.filter(pk=home.pk).public().exists()
        assert list(home.get_view_restrictions()) == [restriction]
