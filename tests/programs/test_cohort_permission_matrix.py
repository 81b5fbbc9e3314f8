"""Every private cohort URL and export, for every role: allowed, or 404 (login for visitors).

Reviewers read an application only through /me/reviews/ (blind when the round is): its member
pages and files answer them 404 like anyone else outside the organisation.
"""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from partners.models import Membership
from portal.models import TimelineEntry
from programs.cohorts import demo_day, milestones, outcomes, services
from programs.mentoring import services as mentoring
from programs.models import (
    CohortApplication,
    CohortMember,
    CohortMilestone,
    DemoDayInterest,
    Mentor,
    OfficeHourSlot,
    StartupOutcome,
)
from tests.factories import OrganisationFactory, UserFactory
from tests.programs.cohorts import complete

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "outsider", "reviewer", "mentor", "plain_member", "owner", "manager"]
SIGNED_IN = set(ROLES) - {"visitor"}
VIEWERS = {"plain_member", "owner", "manager"}
BOOKING = VIEWERS | {"mentor"}  # the start-up's people, the session's mentor, managers
MATRIX = {
    "my_applications": SIGNED_IN,
    "apply": SIGNED_IN,  # the page explains who may apply; the service decides
    "detail": VIEWERS,
    "edit": {"owner"},  # other viewers are sent back to the application with the reason
    "attachment": VIEWERS,
    "review": {"reviewer"},
    "admin_decide": {"manager"},
    "admin_selection": {"manager"},
    "admin_applications": {"manager"},
    "applications_csv": {"manager"},
    "applications_xlsx": {"manager"},
    "cohorts_csv": {"manager"},
    "members_csv": {"manager"},
    "conflicts": {"manager"},
    # The start-up's milestones: its members see and move them; managers review in the admin.
    "my_milestones": SIGNED_IN,
    "milestone": VIEWERS,
    "milestone_evidence": VIEWERS,
    "admin_milestones": {"manager"},
    "milestones_csv": {"manager"},
    "milestones_xlsx": {"manager"},
    "admin_milestone_review": {"manager"},
    "admin_milestone_edit": {"manager"},
    # Demo day: the start-up's members (and the interested organisation) see an interest;
    # the start-up's members see its outcomes; managers everything, in the admin too.
    "my_interests": SIGNED_IN,
    "register_interest": SIGNED_IN,  # the page says who may register; the service decides
    "interest": VIEWERS,
    "admin_interests": {"manager"},
    "interests_csv": {"manager"},
    "interests_xlsx": {"manager"},
    "my_outcomes": SIGNED_IN,
    "outcome": VIEWERS,
    "admin_outcomes": {"manager"},
    "outcomes_csv": {"manager"},
    "outcomes_xlsx": {"manager"},
    # Office hours: the booking page explains itself to anyone signed in; a booking (its
    # cancellation page, calendar and feedback) is the start-up's, the mentor's and managers'.
    "office_hours": SIGNED_IN,
    "booking_cancel": BOOKING,
    "booking_ics": BOOKING,
    "booking_feedback": BOOKING,
    "mentor_sessions": {"mentor"},
    "admin_mentors": {"manager"},
    "mentors_csv": {"manager"},
    "admin_office_hours": {"manager"},
    "office_hours_csv": {"manager"},
    "admin_bookings": {"manager"},
    "bookings_csv": {"manager"},
    "bookings_xlsx": {"manager"},
    "admin_feedback": {"manager"},
    "feedback_csv": {"manager"},
}


@pytest.fixture
def matrix(cohort_world):
    w = cohort_world
    application = complete(services.start_application(w.owner, w.cohort, w.startup))
    attachment = services.add_attachment(
        w.owner, application, SimpleUploadedFile("deck.pdf", b"%PDF-1.4\n%%EOF\n")
    )
    member = CohortMember.objects.create(cohort=w.cohort, organisation=w.startup)
    milestone = milestones.add_milestone(
        w.manager, member, title="Prototype tested", due_on=w.cohort.starts_on
    )
    milestone.evidence_file.save("1.pdf", __import__("io").BytesIO(b"%PDF-1.4\n%%EOF\n"))
    agency = OrganisationFactory(kind="agency")
    liaison = UserFactory()
    Membership.objects.create(organisation=agency, user=liaison, role="liaison")
    interest = demo_day.register_interest(liaison, agency, member, note="Private")
    outcome = outcomes.report_outcome(
        w.owner, member, {"kind": "jobs", "value": 4, "period_on": w.cohort.starts_on}
    )
    mentor_user = UserFactory()
    mentor = Mentor.objects.create(user=mentor_user, name="Rina Hartono")
    start = timezone.now() + timedelta(days=2)
    slot = OfficeHourSlot.objects.create(
        mentor=mentor, cohort=w.cohort, starts_at=start, ends_at=start + timedelta(minutes=45)
    )
    booking = mentoring.book(w.owner, slot, member, need="Private: our runway")
    people = {
        "visitor": None,
        "outsider": w.outsider,
        "reviewer": w.reviewer,
        "mentor": mentor_user,
        "plain_member": w.plain_member,
        "owner": w.owner,
        "manager": w.manager,
    }
    pk = application.pk
    urls = {
        "my_applications": reverse("programs:cohort_applications"),
        "apply": reverse("programs:cohort_apply", args=[w.cohort.slug]),
        "detail": reverse("programs:cohort_application", args=[pk]),
        "edit": reverse("programs:cohort_application_edit", args=[pk]),
        "attachment": reverse("programs:cohort_application_attachment", args=[pk, attachment.pk]),
        "admin_decide": reverse("cohort_applications:decide", args=[pk]),
        "admin_selection": reverse("cohorts:selection", args=[w.cohort.pk]),
        "admin_applications": reverse("cohort_applications:index"),
        "applications_csv": reverse("cohort_applications:index") + "?export=csv",
        "applications_xlsx": reverse("cohort_applications:index") + "?export=xlsx",
        "cohorts_csv": reverse("cohorts:index") + "?export=csv",
        "members_csv": reverse("cohort_members:index") + "?export=csv",
        "conflicts": reverse("cohort_conflicts:index"),
        "my_milestones": reverse("programs:cohort_milestones"),
        "milestone": reverse("programs:cohort_milestone", args=[milestone.pk]),
        "milestone_evidence": reverse("programs:cohort_milestone_evidence", args=[milestone.pk]),
        "admin_milestones": reverse("cohort_milestones:index"),
        "milestones_csv": reverse("cohort_milestones:index") + "?export=csv",
        "milestones_xlsx": reverse("cohort_milestones:index") + "?export=xlsx",
        "admin_milestone_review": reverse("cohort_milestones:review", args=[milestone.pk]),
        "admin_milestone_edit": reverse("cohort_milestones:edit", args=[milestone.pk]),
        "my_interests": reverse("programs:demo_day_interests"),
        "register_interest": reverse("programs:demo_day_register", args=[member.pk]),
        "interest": reverse("programs:demo_day_interest", args=[interest.pk]),
        "admin_interests": reverse("demo_day_interests:index"),
        "interests_csv": reverse("demo_day_interests:index") + "?export=csv",
        "interests_xlsx": reverse("demo_day_interests:index") + "?export=xlsx",
        "my_outcomes": reverse("programs:startup_outcomes"),
        "outcome": reverse("programs:startup_outcome", args=[outcome.pk]),
        "admin_outcomes": reverse("startup_outcomes:index"),
        "outcomes_csv": reverse("startup_outcomes:index") + "?export=csv",
        "outcomes_xlsx": reverse("startup_outcomes:index") + "?export=xlsx",
        "office_hours": reverse("programs:office_hours"),
        "booking_cancel": reverse("programs:office_hours_cancel", args=[booking.pk]),
        "booking_ics": reverse("programs:office_hours_ics", args=[booking.pk]),
        "booking_feedback": reverse("programs:office_hours_feedback", args=[booking.pk]),
        "mentor_sessions": reverse("programs:mentor_sessions"),
        "admin_mentors": reverse("mentors:index"),
        "mentors_csv": reverse("mentors:index") + "?export=csv",
        "admin_office_hours": reverse("office_hours:index"),
        "office_hours_csv": reverse("office_hours:index") + "?export=csv",
        "admin_bookings": reverse("office_hour_bookings:index"),
        "bookings_csv": reverse("office_hour_bookings:index") + "?export=csv",
        "bookings_xlsx": reverse("office_hour_bookings:index") + "?export=xlsx",
        "admin_feedback": reverse("session_feedback:index"),
        "feedback_csv": reverse("session_feedback:index") + "?export=csv",
    }
    return w, application, attachment, people, urls


def _review_url(w, application):
    from portal.models import ReviewAssignment

    services.take_step(w.owner, application, "submit")
    services.assign_reviewers(w.manager, application, [w.reviewer])
    return reverse("portal:review", args=[ReviewAssignment.objects.get(reviewer=w.reviewer).pk])


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_what_it_may(client, matrix, role):
    w, application, _attachment, people, urls = matrix
    user = people[role]
    if user is not None:
        client.force_login(user)
    for name, address in urls.items():
        response = client.get(address)
        if user is None:
            assert response.status_code == 302 and "login" in response.url, (role, name)
        elif role in MATRIX[name]:
            assert response.status_code == 200, (role, name, response.status_code)
        elif name == "edit" and role in VIEWERS:
            assert response.status_code == 302, (role, name)
            assert response.url == urls["detail"]
        else:
            assert response.status_code in (404, 302), (role, name, response.status_code)
            if response.status_code == 302:  # the admin sends non-staff to its login page
                assert address.startswith("/admin/"), (role, name)
    if user is not None:  # the booking page shows only the reader's own start-ups' sessions
        shown = "Rina Hartono" in client.get(urls["office_hours"]).content.decode()
        assert shown == (role in {"plain_member", "owner"}), role
    review = _review_url(w, application)
    response = client.get(review)
    if user is None:
        assert response.status_code == 302
    else:
        assert response.status_code == (200 if role in MATRIX["review"] else 404), role


@pytest.mark.parametrize("role", ["visitor", "outsider", "reviewer"])
def test_posts_by_those_who_may_not_see_change_nothing(client, matrix, role):
    _w, application, attachment, people, _urls = matrix
    milestone = CohortMilestone.objects.get()
    interest, outcome = DemoDayInterest.objects.get(), StartupOutcome.objects.get()
    if people[role] is not None:
        client.force_login(people[role])
    before = TimelineEntry.objects.count()
    posts = [
        (
            reverse("programs:cohort_application_step", args=[application.pk]),
            {"action": "withdraw"},
        ),
        (reverse("programs:cohort_application_edit", args=[application.pk]), {"pitch": "Hijacked"}),
        (
            reverse(
                "programs:cohort_application_attachment_remove",
                args=[application.pk, attachment.pk],
            ),
            {},
        ),
        (reverse("cohort_applications:decide", args=[application.pk]), {"action": "withdraw"}),
        (reverse("programs:cohort_milestone", args=[milestone.pk]), {"action": "start"}),
        (reverse("cohort_milestones:review", args=[milestone.pk]), {"action": "start"}),
        (
            reverse("programs:demo_day_interest_step", args=[interest.pk]),
            {"action": "start_pilot"},
        ),
        (reverse("programs:demo_day_interest_step", args=[interest.pk]), {"action": "withdraw"}),
        (reverse("programs:startup_outcome", args=[outcome.pk]), {"action": "verify"}),
    ]
    for address, data in posts:
        response = client.post(address, data)
        assert response.status_code in (302, 404), (role, address)
        if response.status_code == 302:
            assert "login" in response.url, (role, address)
    application.refresh_from_db()
    assert application.state == "draft" and application.pitch != "Hijacked"
    assert application.attachments.count() == 1
    milestone.refresh_from_db()
    assert milestone.state == "planned"
    assert DemoDayInterest.objects.get().state == "open"
    assert StartupOutcome.objects.get().state == "reported"
    assert TimelineEntry.objects.count() == before


def test_an_outsider_cannot_apply_for_an_organisation_by_posting(client, matrix):
    w, _application, _attachment, _people, urls = matrix
    client.force_login(w.outsider)
    response = client.post(urls["apply"], {"organisation": w.startup.pk})
    assert response.status_code == 200
    assert CohortApplication.objects.count() == 1
