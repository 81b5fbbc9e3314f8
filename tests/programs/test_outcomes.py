"""Start-up outcomes: reported from /me/ (the form keeps what was typed on error), verified or
returned with a reason the start-up reads, corrected and reported again; only verified ones are
public (cohort totals, the start-up's path); the path section shows the right steps and nothing
private; lists cost the same at ten times the rows; hostile text is harmless."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from partners.models import Membership
from portal.models import Notification, TimelineEntry
from portal.services import ActionRefused
from programs.cohorts import milestones
from programs.cohorts import outcomes as services
from programs.cohorts.demo_day import register_interest, start_pilot_from_interest
from programs.models import CohortApplication, StartupOutcome
from tests.conftest import XSS_PAYLOADS, assert_harmless, page_queries

pytestmark = pytest.mark.django_db

LIST = "programs:startup_outcomes"


def _report(user, member, kind="jobs", value=12, **extra):
    data = {"kind": kind, "value": value, "period_on": date(2024, 6, 30), "evidence": "Payroll"}
    return services.report_outcome(user, member, {**data, **extra})


def _page(outcome):
    return reverse("programs:startup_outcome", args=[outcome.pk])


def _main(response):
    assert response.status_code == 200
    return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


def test_a_start_up_reports_an_outcome_and_the_form_keeps_input_on_error(client, demo_day):
    d = demo_day
    client.force_login(d.w.plain_member)
    tomorrow = timezone.localdate() + timedelta(days=1)
    data = {
        "member": d.member.pk,
        "kind": "funding_idr",
        "value": "2500000000",
        "period_on": tomorrow.isoformat(),
        "evidence": "Seed round led by a Jakarta fund",
    }
    response = client.post(reverse(LIST), data)
    html = response.content.decode()
    assert response.status_code == 200 and "cannot be later than today" in html
    assert "2500000000" in html and "Seed round led by a Jakarta fund" in html
    assert not StartupOutcome.objects.exists()
    response = client.post(reverse(LIST), {**data, "period_on": "2024-12-31"})
    outcome = StartupOutcome.objects.get()
    assert response.url == _page(outcome)
    assert (outcome.state, outcome.reported_by, outcome.value) == (
        "reported",
        d.w.plain_member,
        2_500_000_000,
    )
    assert Notification.objects.filter(recipient=d.w.manager, kind__endswith="reported").exists()
    client.force_login(d.w.outsider)
    assert client.get(_page(outcome)).status_code == 404
    assert client.post(reverse(LIST), data).status_code == 200  # no start-up: no form
    assert StartupOutcome.objects.count() == 1


def test_verify_or_return_with_a_reason_the_start_up_reads(client, demo_day):
    d = demo_day
    outcome = _report(d.w.owner, d.member)
    with pytest.raises(ActionRefused, match="program managers"):
        services.review_outcome(d.w.owner, outcome, "verify")
    client.force_login(d.w.manager)
    client.post(_page(outcome), {"action": "return", "comment": "", "expected_state": "reported"})
    outcome.refresh_from_db()
    assert outcome.state == "reported"  # a return needs the reason
    client.post(
        _page(outcome),
        {"action": "return", "comment": "Attach the payroll summary", "expected_state": "reported"},
    )
    outcome.refresh_from_db()
    assert outcome.state == "returned" and outcome.returned_reason == "Attach the payroll summary"
    assert Notification.objects.filter(recipient=d.w.owner, kind__endswith="return").exists()
    client.force_login(d.w.owner)
    html = client.get(_page(outcome)).content.decode()
    assert "Attach the payroll summary" in html and "Report again" in html
    client.post(
        _page(outcome),
        {
            "action": "resubmit",
            "kind": "jobs",
            "value": "14",
            "period_on": "2024-06-30",
            "evidence": "Payroll summary attached",
        },
    )
    outcome.refresh_from_db()
    assert (outcome.state, outcome.value, outcome.returned_reason) == ("reported", 14, "")
    services.review_outcome(d.w.manager, outcome, "verify")
    outcome.refresh_from_db()
    assert outcome.state == "verified" and outcome.verified_by == d.w.manager
    steps = list(TimelineEntry.objects.for_object(outcome).values_list("action", flat=True))
    assert sorted(steps) == ["report", "resubmit", "return", "verify"]


def test_a_manager_of_the_start_up_cannot_verify_it(demo_day):
    d = demo_day
    Membership.objects.create(organisation=d.w.startup, user=d.w.manager, role="member")
    outcome = _report(d.w.owner, d.member)
    with pytest.raises(ActionRefused, match="another program manager"):
        services.review_outcome(d.w.manager, outcome, "verify")


def test_only_verified_outcomes_are_public(client, accelerator_index, demo_day):
    d = demo_day
    verified = _report(d.w.owner, d.member, kind="customers", value=340)
    services.review_outcome(d.w.manager, verified, "verify")
    _report(d.w.owner, d.member, kind="customers", value=999_999)  # still reported
    returned = _report(d.w.owner, d.member, kind="jobs", value=777_777)
    services.review_outcome(d.w.manager, returned, "return", comment="No evidence")
    assert services.cohort_totals(d.w.cohort) == [("customers", "Customers", 340)]
    html = client.get(accelerator_index.cohort_url(d.w.cohort)).content.decode()
    assert "Outcomes of the cohort" in html and "340" in html
    assert "999" not in html and "777" not in html
    d.w.cohort.published = False
    d.w.cohort.save()
    assert services.cohort_totals(d.w.cohort) == []


def _profile(client, organisation):
    from partners.models import PartnerIndexPage
    from portal.i18n import synchronise_page_trees
    from portal.models import HomePage

    directory = PartnerIndexPage.objects.live().filter(locale__language_code="en").first()
    if directory is None:
        home = HomePage.objects.get(locale__language_code="en")
        directory = home.add_child(instance=PartnerIndexPage(title="Partners", slug="partners"))
        synchronise_page_trees()
    return client.get(directory.profile_url(organisation))


def test_the_path_shows_public_steps_and_nothing_private(
    client, accelerator_index, pilot_index, demo_day
):
    d = demo_day
    application = CohortApplication.objects.create(
        cohort=d.w.cohort,
        organisation=d.w.startup,
        created_by=d.w.owner,
        pitch="SECRET PITCH",
        state="accepted",
        submitted_at=timezone.now() - timedelta(days=90),
    )
    d.member.application = application
    d.member.save()
    done = milestones.add_milestone(
        d.w.manager, d.member, title="Prototype", due_on=date(2024, 1, 1)
    )
    type(done).objects.filter(pk=done.pk).update(state="done")
    milestones.add_milestone(d.w.manager, d.member, title="HIDDEN PLAN", due_on=date(2024, 2, 1))
    interest = register_interest(d.liaison, d.agency, d.member, note="PRIVATE NOTE")
    pilot = start_pilot_from_interest(interest, d.w.manager)
    hidden = start_pilot_from_interest(
        register_interest(d.partner_owner, d.partner, d.member), d.w.manager
    )
    type(pilot).objects.filter(pk=pilot.pk).update(is_published=True, state="adopted")
    _report(d.w.owner, d.member, kind="jobs", value=424242)
    verified = _report(d.w.owner, d.member, kind="services", value=3)
    services.review_outcome(d.w.manager, verified, "verify")
    html = _main(_profile(client, d.w.startup))
    section = html.split('id="path-heading"', 1)[1]
    assert accelerator_index.cohort_url(d.w.cohort) in section
    assert "Applied" in section and "Selected for the cohort" in section
    assert "Milestones done" in section and "Presented at the demo day" in section
    assert "Pilot adopted by the city" in section and pilot.title in section
    assert "Services adopted" in section
    assert reverse("programs:demo_day_register", args=[d.member.pk]) in section
    for private in ("SECRET PITCH", "HIDDEN PLAN", "PRIVATE NOTE", "424242", hidden.title):
        assert private not in html
    d.w.cohort.published = False
    d.w.cohort.save()
    assert 'id="path-heading"' not in _main(_profile(client, d.w.startup))


def test_outcome_lists_cost_the_same_at_ten_times_the_rows(client, demo_day):
    d = demo_day
    for number in range(2):
        _report(d.w.owner, d.member, value=number)
    client.force_login(d.w.owner)
    few = page_queries(client, reverse(LIST))
    client.force_login(d.w.manager)
    admin = reverse("startup_outcomes:index")
    few_admin = page_queries(client, admin)
    for number in range(20):
        _report(d.w.owner, d.member, value=number)
    assert page_queries(client, admin) == few_admin
    client.force_login(d.w.owner)
    assert page_queries(client, reverse(LIST)) == few
    html = client.get(reverse(LIST)).content.decode()
    next_link = html.split('rel="next"', 1)[0].rsplit('href="', 1)[1].split('"', 1)[0]
    assert client.get(reverse(LIST) + next_link.replace("&amp;", "&")).status_code == 200


def test_hostile_evidence_is_harmless_on_every_outcome_screen(client, accelerator_index, demo_day):
    d = demo_day
    payload = "\n".join(XSS_PAYLOADS)[:2000]
    outcome = _report(d.w.owner, d.member, evidence=payload)
    services.review_outcome(d.w.manager, outcome, "return", comment=payload)
    client.force_login(d.w.owner)
    for address in (_page(outcome), reverse(LIST)):
        assert_harmless(_main(client.get(address)), allowed_tags=("form", "input"))
    client.force_login(d.w.manager)
    index = reverse("startup_outcomes:index")
    assert_harmless(_main(client.get(index)), allowed_tags=("form", "input", "svg"))
    export = client.get(index + "?export=csv")
    cells = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "Kali Bersih Labs" in cells and "\n=" not in cells and ",=" not in cells


def test_the_start_up_finds_outcomes_and_interest_from_the_dashboard(client, demo_day):
    d = demo_day
    outcome = _report(d.w.owner, d.member)
    services.review_outcome(d.w.manager, outcome, "return", comment="Which quarter?")
    client.force_login(d.w.plain_member)
    html = client.get("/en/me/").content.decode()
    assert reverse(LIST) in html and reverse("programs:demo_day_interests") in html
    assert "Outcome returned" in html and _page(outcome) in html
    client.force_login(d.liaison)
    assert reverse("programs:demo_day_interests") in client.get("/en/me/").content.decode()


def test_the_path_costs_the_same_with_ten_times_the_outcomes(client, pilot_index, demo_day):
    d = demo_day
    _profile(client, d.w.startup)  # builds the directory once
    from partners.models import PartnerIndexPage

    address = PartnerIndexPage.objects.get(locale__language_code="en").profile_url(d.w.startup)
    services.review_outcome(d.w.manager, _report(d.w.owner, d.member), "verify")
    few = page_queries(client, address)
    for number in range(10):
        services.review_outcome(d.w.manager, _report(d.w.owner, d.member, value=number), "verify")
        pilot = start_pilot_from_interest(
            register_interest(d.liaison, d.agency, d.member), d.w.manager
        )
        type(pilot).objects.filter(pk=pilot.pk).update(is_published=True)
    assert page_queries(client, address) == few


def test_verified_outcomes_are_open_data_and_nothing_else_is(client, demo_day):
    """The API and the open-data download carry what the path shows, and no more."""
    d = demo_day
    d.member.organisation.verification_state = "verified"
    d.member.organisation.save()
    verified = _report(d.w.owner, d.member, kind="funding_idr", value=450_000_000)
    services.review_outcome(d.w.manager, verified, "verify")
    _report(d.w.owner, d.member, kind="jobs", value=777_777)  # still reported
    body = client.get("/api/v1/startup-outcomes/").json()
    assert [(r["kind"], r["value"], r["cohort_slug"]) for r in body["results"]] == [
        ("funding_idr", 450_000_000, d.w.cohort.slug)
    ]
    assert body["results"][0]["startup"] == d.member.organisation.name
    assert client.get(f"/api/v1/startup-outcomes/?cohort={d.w.cohort.slug}").json()["count"] == 1
    assert client.get("/api/v1/startup-outcomes/?kind=jobs").json()["count"] == 0
    d.w.cohort.published = False
    d.w.cohort.save()
    assert client.get("/api/v1/startup-outcomes/").json()["count"] == 0
