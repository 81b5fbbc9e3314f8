from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from portal.i18n import synchronise_page_trees
from portal.models import HomePage
from tests.factories import ProgramManagerFactory, UserFactory


@pytest.fixture
def event_index(demo_site):
    """/events/ in both languages, under moderation, with no events yet."""
    from events.demo import _index

    home = HomePage.objects.get(locale__language_code="en")
    index = _index(home, Locale.objects.get(language_code="id"))
    synchronise_page_trees()
    return index


def make_event(index, *, title="Policy dialogue on floods", days=10, live=True, **fields):
    """A published event ``days`` from now (negative: past); its Indonesian alias follows."""
    from wagtail_localize.synctree import create_aliases_for_new_page

    from events.models import EventPage

    start = timezone.now() + timedelta(days=days)
    page = EventPage(
        title=title,
        summary=fields.pop("summary", f"Summary of {title}"),
        event_type=fields.pop("event_type", "policy_dialogue"),
        start=start,
        end=fields.pop("end", start + timedelta(hours=3)),
        live=live,
        **fields,
    )
    index.add_child(instance=page)
    create_aliases_for_new_page(page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


@pytest.fixture
def event(event_index):
    return make_event(event_index, capacity=2, attendance_mode="hybrid",
                      join_url="https://meet.example.org/secret-room")  # fmt: skip


@pytest.fixture
def manager(db):
    return ProgramManagerFactory()


@pytest.fixture
def people(db):
    return UserFactory.create_batch(4)
