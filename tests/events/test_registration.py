"""Registering, the waiting list, cancelling with promotion, e-mails with a valid .ics."""

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from events import services
from events.models import Registration
from portal.models import Notification, TimelineEntry
from portal.text import plain_text
from tests.conftest import XSS_PAYLOADS, assert_harmless
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db


def test_confirmed_while_seats_remain_then_waitlisted_with_positions(event, people):
    states = [services.register(person, event) for person in people]
    assert [(r.state, r.position) for r in states] == [
        ("confirmed", None),
        ("confirmed", None),
        ("waitlisted", 1),
        ("waitlisted", 2),
    ]


def test_the_indonesian_page_registers_on_the_same_event(event, people):
    alias = event.get_translation(event.locale.__class__.objects.get(language_code="id"))
    registration = services.register(people[0], alias)
    assert registration.event_id == event.pk


def test_registering_twice_is_refused(event, people):
    services.register(people[0], event)
    with pytest.raises(services.ActionRefused):
        services.register(people[0], event)


def test_cancelling_promotes_the_first_waiting_and_emails_them(
    event, people, django_capture_on_commit_callbacks
):
    first, _second, third, fourth = (services.register(p, event) for p in people)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.cancel(people[0], first)
    assert [r.pk for r in promoted] == [third.pk]
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert (third.state, third.position) == ("confirmed", None)
    assert (fourth.state, fourth.position) == ("waitlisted", 1)
    message = next(m for m in mail.outbox if people[2].email in m.to)
    assert "seat" in message.subject.lower()
    _name, content, mimetype = message.attachments[0]
    assert mimetype == "text/calendar"
    Calendar.from_ical(content)
    assert Notification.objects.filter(recipient=people[2], kind="events.promoted").exists()
    # Every move went through the engine: timeline entries for the cancel and the promotion.
    actions = set(TimelineEntry.objects.values_list("action", flat=True))
    assert {"cancel", "promote"} <= actions


def test_cancelling_a_waiting_place_moves_the_others_up(event, people):
    registrations = [services.register(p, event) for p in people]
    services.cancel(people[2], registrations[2])
    registrations[3].refresh_from_db()
    assert registrations[3].position == 1


def test_confirmation_email_has_a_valid_ics_with_the_join_link(
    event, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.register(people[0], event)
    message = mail.outbox[-1]
    assert message.to == [people[0].email]
    name, content, _mimetype = message.attachments[0]
    assert name.endswith(".ics")
    calendar = Calendar.from_ical(content)
    vevent = next(iter(calendar.walk("VEVENT")))
    assert str(vevent["summary"]) == event.title
    assert vevent.decoded("dtstart") == event.start.replace(microsecond=0)
    assert "secret-room" in str(vevent["description"])


def test_the_web_form_registers_and_shows_the_position(client, event, people):
    for person in people[:2]:
        services.register(person, event)
    client.force_login(people[2])
    response = client.post(reverse("events:register", args=[event.pk]), follow=True)
    assert Registration.objects.get(user=people[2]).position == 1
    assert "number 1" in response.content.decode()


def test_registration_window_and_closing_are_enforced(event_index, people, manager):
    past = make_event(event_index, title="Over", days=-2)
    with pytest.raises(services.ActionRefused):
        services.register(people[0], past)
    event = make_event(event_index, title="Soon", days=5)
    services.set_registration_closed(manager, event, True)
    with pytest.raises(services.ActionRefused):
        services.register(people[0], event)
    # Program managers still add people; reopening works.
    assert services.add_person(manager, event, people[1]).state == "confirmed"
    services.set_registration_closed(manager, event, False)
    assert services.register(people[0], event).state == "confirmed"


def test_raising_capacity_and_reopening_fill_seats_in_order(event, people, manager):
    registrations = [services.register(p, event) for p in people]
    event.capacity = 3
    event.save_revision().publish()
    promoted = services.fill_free_seats(manager, event)
    assert [r.pk for r in promoted] == [registrations[2].pk]


def test_members_cannot_promote_themselves(event, people):
    registrations = [services.register(p, event) for p in people]
    with pytest.raises(services.ActionRefused):
        services.promote(people[2], registrations[2])


@pytest.mark.parametrize("payload", XSS_PAYLOADS[:25])
def test_hostile_answers_are_stored_as_typed_and_shown_harmlessly(
    client, event_index, people, manager, payload
):
    event = make_event(event_index, title="Questions", capacity=5)
    event.registration_questions = [
        ("question", {"question": "Why?", "help_text": "", "required": True, "choices": ""})
    ]
    event.save_revision().publish()
    client.force_login(people[0])
    client.post(reverse("events:register", args=[event.pk]), {"q0": payload})
    # Stored as typed (on one line), escaped where it is shown.
    registration = Registration.objects.get(user=people[0])
    assert registration.answers["Why?"] == plain_text(payload, single_line=True)[:2000]
    client.force_login(manager)
    html = client.get(f"/admin/registrations/inspect/{registration.pk}/").content.decode()
    main = html.split("<main", 1)[-1]
    assert_harmless(main.split("</main>")[0], allowed_tags=("form", "input", "svg", "script"))
