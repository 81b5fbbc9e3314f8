# ruff: noqa: F811 - the pilot fixtures imported from tests/programs are test parameters here
"""Following items: news of a followed pilot reaches its followers once, as each chose
(at once, in a digest, or in-app only); only public news; one-click unsubscribe; the toggle."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from portal.follows import registry, services
from portal.follows.digests import send_digests
from portal.follows.emails import unsubscribe_token
from portal.models import DigestSent, Follow, Notification, OutgoingEmail
from portal.workflow import apply_transition
from programs.models import PilotIndexPage
from programs.pilots import services as pilots
from programs.pilots.workflows import PilotState
from tests.conftest import XSS_PAYLOADS, assert_harmless, page_queries
from tests.factories import StaffFactory, UserFactory
from tests.programs.conftest import cast, indexes, make_programme  # noqa: F401
from tests.programs.pilots import invite_hosts, pilot_index, world  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def pilot(pilot_index, world):
    """The world's pilot, proposed and published, with its host agencies invited."""
    invite_hosts(world)
    pilots.set_published(world.manager, world.pilot, True)
    world.pilot.refresh_from_db()
    return world.pilot


@pytest.fixture
def follower(pilot):
    user = UserFactory(email="follower@example.org", name="Rina")
    services.follow(user, pilot)
    return user


def move(world, pilot, capture):
    with capture(execute=True):
        pilots.take_step(world.lead, pilot, "request_review")


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def follow_notices(user):
    return Notification.objects.filter(recipient=user, kind__startswith="follows.")


def test_a_stage_change_reaches_the_follower_once_in_the_weekly_digest(
    world, pilot, follower, django_capture_on_commit_callbacks
):
    move(world, pilot, django_capture_on_commit_callbacks)
    assert follow_notices(follower).count() == 1
    assert mails_to(follower) == []  # the default: in-app and the weekly digest
    with django_capture_on_commit_callbacks(execute=True):
        assert send_digests() == 1
        assert send_digests() == 0  # a second run (another worker) sends nothing more
    (digest,) = mails_to(follower)
    assert pilot.title in digest.body
    assert str(PilotState.AGENCY_REVIEW.label) in digest.body
    assert "weekly" in digest.subject
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_token(follower) in digest.extra_headers["List-Unsubscribe"]
    assert DigestSent.objects.filter(user=follower, period="weekly").count() == 1


def test_a_daily_digest_is_sent_once_per_day(
    world, pilot, follower, django_capture_on_commit_callbacks
):
    services.set_preferences(follower, {"pilots": "daily"})
    move(world, pilot, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        send_digests()
        send_digests()
    (digest,) = mails_to(follower)
    assert "daily" in digest.subject


def test_immediate_preference_sends_one_e_mail_through_the_outbox(
    world, pilot, follower, django_capture_on_commit_callbacks
):
    services.set_preferences(follower, {"pilots": "immediate"})
    move(world, pilot, django_capture_on_commit_callbacks)
    (message,) = mails_to(follower)
    assert pilot.title in message.body
    assert "List-Unsubscribe" in message.extra_headers
    assert OutgoingEmail.objects.filter(key__startswith="follow:", sent_at__isnull=False).count()
    with django_capture_on_commit_callbacks(execute=True):
        send_digests()
    assert len(mails_to(follower)) == 1  # not in a digest as well


def test_in_app_only_sends_no_e_mail(world, pilot, follower, django_capture_on_commit_callbacks):
    services.set_preferences(follower, {"pilots": "in_app"})
    move(world, pilot, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        send_digests()
    assert mails_to(follower) == []
    assert follow_notices(follower).count() == 1


def test_a_non_follower_gets_nothing(world, pilot, follower, django_capture_on_commit_callbacks):
    bystander = UserFactory(email="bystander@example.org")
    services.set_preferences(bystander, {"pilots": "immediate"})
    move(world, pilot, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        send_digests()
    assert mails_to(bystander) == [] and not follow_notices(bystander).exists()


def test_an_unpublished_pilot_cannot_be_followed_and_tells_nobody(
    world,
    pilot_index,
    django_capture_on_commit_callbacks,
):
    invite_hosts(world)
    member = UserFactory()
    with pytest.raises(services.ActionRefused):
        services.follow(member, world.pilot)
    move(world, world.pilot, django_capture_on_commit_callbacks)
    assert not follow_notices(member).exists()


def test_a_private_step_sends_nothing_and_a_public_one_does(django_capture_on_commit_callbacks):
    from tests.workflow_app.models import Application

    applicant, manager = UserFactory(), StaffFactory()
    follower = UserFactory()
    services.set_preferences(follower, {"test_applications": "immediate"})
    application = Application.objects.create(title="Sensor grant", owner=applicant)
    services.follow(follower, application)
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(application, "submit", applicant)  # participants only
        apply_transition(application, "start_review", manager)  # staff only
    assert not follow_notices(follower).exists() and mails_to(follower) == []
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(application, "accept", manager)  # public
    assert follow_notices(follower).count() == 1 and len(mails_to(follower)) == 1


def test_the_unsubscribe_link_works_without_signing_in(client, follower):
    address = reverse("portal:follows_unsubscribe", args=[unsubscribe_token(follower)])
    page = client.get(address)
    assert page.status_code == 200 and services.preferences(follower)["pilots"] == "weekly"
    assert client.post(address).status_code == 200  # the mail client's one-click POST
    assert set(services.preferences(follower).values()) == {"in_app"}
    assert Follow.objects.filter(user=follower).count() == 1  # still followed, in-app


def test_a_tampered_unsubscribe_link_is_refused(client, follower):
    token = unsubscribe_token(follower)
    other = UserFactory()
    forged = token.replace(token.split(":")[0], unsubscribe_token(other).split(":")[0])
    for bad in (forged, token[:-2] + "xx", "nonsense"):
        address = reverse("portal:follows_unsubscribe", args=[bad])
        assert client.post(address).status_code == 404
    assert services.preferences(follower)["pilots"] == "weekly"


def test_the_digest_is_in_indonesian_for_an_indonesian_member(
    world, pilot, django_capture_on_commit_callbacks
):
    member = UserFactory(preferred_language="id")
    services.follow(member, pilot)
    move(world, pilot, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        send_digests()
    (digest,) = mails_to(member)
    with translation.override("id"):
        state = str(PilotState.AGENCY_REVIEW.label)
        tracker = PilotIndexPage.for_locale().pilot_url(pilot)
    with translation.override("en"):
        assert state != str(PilotState.AGENCY_REVIEW.label)
    assert state in digest.body and tracker.startswith("/id/") and tracker in digest.body
    html = digest.alternatives[0][0]
    assert 'lang="id"' in html and state in html


def test_hostile_titles_are_harmless_in_the_e_mails(
    world, pilot, follower, django_capture_on_commit_callbacks
):
    services.set_preferences(follower, {"pilots": "daily"})
    immediate = UserFactory()
    services.set_preferences(immediate, {"pilots": "immediate"})
    services.follow(immediate, pilot)
    payload = "".join(XSS_PAYLOADS[:5])[:190]
    pilots.update_pilot(world.manager, pilot, {"title": payload})
    pilot.refresh_from_db()
    move(world, pilot, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        send_digests()
    for message in mails_to(follower) + mails_to(immediate):
        assert_harmless(message.alternatives[0][0])


def pilot_url(pilot):
    return PilotIndexPage.for_locale().pilot_url(pilot)


def test_the_toggle_follows_and_unfollows_from_the_pilot_page(client, pilot):
    member = UserFactory()
    address = pilot_url(pilot)
    assert "Sign in to follow" in client.get(address).content.decode()
    client.force_login(member)
    html = client.get(address).content.decode()
    assert 'aria-pressed="false"' in html
    toggle = reverse("portal:follow_toggle")
    response = client.post(toggle, {"kind": "pilots", "pk": pilot.pk, "next": address})
    assert response.status_code == 302 and response.url == address
    assert 'aria-pressed="true"' in client.get(address).content.decode()
    client.post(toggle, {"kind": "pilots", "pk": pilot.pk, "action": "unfollow", "next": address})
    assert not Follow.objects.filter(user=member).exists()
    away = client.post(toggle, {"kind": "pilots", "pk": pilot.pk, "next": "https://evil.example/"})
    assert away.url == reverse("portal:follows")


def test_the_toggle_refuses_a_private_or_unknown_item(client, world, pilot_index):
    client.force_login(UserFactory())
    toggle = reverse("portal:follow_toggle")
    assert client.post(toggle, {"kind": "pilots", "pk": world.pilot.pk}).status_code == 404
    assert client.post(toggle, {"kind": "nothing", "pk": 1}).status_code == 404
    assert not Follow.objects.exists()


def test_the_pilot_page_costs_the_same_queries_however_many_follow(client, pilot, world):
    member = UserFactory()
    client.force_login(member)
    address = pilot_url(pilot)
    before = page_queries(client, address)
    services.follow(member, pilot)
    for _n in range(10):
        services.follow(UserFactory(), pilot)
    after = page_queries(client, address)
    assert after == before


def test_me_lists_followed_items_with_their_latest_news(
    client, world, pilot, follower, django_capture_on_commit_callbacks
):
    move(world, pilot, django_capture_on_commit_callbacks)
    client.force_login(follower)
    for name in ("portal:me", "portal:follows"):
        html = client.get(reverse(name)).content.decode()
        assert pilot.title in html and str(PilotState.AGENCY_REVIEW.label) in html
        assert "Unfollow" in html


def test_the_follows_list_costs_the_same_queries_with_ten_times_the_items(client, pilot_index):
    from programs.models import Pilot
    from tests.factories import OrganisationFactory

    member = UserFactory()
    client.force_login(member)
    lead = OrganisationFactory()

    def follow_pilots(count):
        for _number in range(count):
            number = Pilot.objects.count()
            item = Pilot.objects.create(
                title=f"Pilot {number}",
                slug=f"p-{number}",
                is_published=True,
                lead_organisation=lead,
            )
            services.follow(member, item)

    follow_pilots(1)
    small = page_queries(client, reverse("portal:follows"))
    follow_pilots(10)
    assert page_queries(client, reverse("portal:follows")) == small


def test_preferences_are_chosen_on_the_profile_page(client, member):
    client.force_login(member)
    form = {"name": "Ana", "preferred_language": "en", "email_notifications": "on"}
    form.update({f"follow-{f.kind}": "weekly" for f in registry.kinds()})
    form["follow-pilots"] = "daily"
    form["follow-events"] = "immediate"
    assert client.post(reverse("portal:profile"), form).status_code == 302
    chosen = services.preferences(member)
    assert chosen["pilots"] == "daily" and chosen["events"] == "immediate"
    form["follow-pilots"] = "hourly"  # not a choice: refused, nothing saved
    page = client.post(reverse("portal:profile"), form)
    assert page.status_code == 200 and services.preferences(member)["pilots"] == "daily"


def test_publishing_a_followed_page_tells_followers_of_any_language_version(
    client, indexes, django_capture_on_commit_callbacks
):
    programme_index, _policy = indexes
    with django_capture_on_commit_callbacks(execute=True):
        programme = make_programme(programme_index, title="Flood resilience exchange")
    indonesian = programme.get_translation(
        programme.locale.__class__.objects.get(language_code="id")
    )
    member = UserFactory(preferred_language="id")
    services.set_preferences(member, {"programmes": "immediate"})
    services.follow(member, programme)
    client.force_login(member)
    html = client.get(indonesian.url).content.decode()
    assert 'aria-pressed="true"' in html  # following one version is following the programme
    with django_capture_on_commit_callbacks(execute=True):
        programme.save_revision().publish()
    (notice,) = follow_notices(member)
    assert notice.url == indonesian.url  # the member's language version
    (message,) = mails_to(member)
    assert indonesian.title in message.body
