"""Demo calls, proposals in every state, a reviewer and their reviews. Idempotent."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from partners.models import Call, ChallengePage, Organisation, Proposal
from portal.demo_accounts import set_demo_password, shown_password
from portal.models import Criterion, Pillar, ReviewAssignment, Rubric, TimelineEntry, User

REVIEWER_EMAIL = "reviewer@example.org"
REVIEWER_PASSWORD = "portal-demo-reviewer"  # noqa: S105 - printed by `make run`, demo only

CRITERIA = [
    (
        "Impact for Jakarta residents",
        2,
        "Who benefits, how many, and how much their day changes.",
        "1: unclear who benefits · 3: a clear group benefits · 5: large, measurable benefit",
    ),
    (
        "Feasibility",
        1,
        "Can this team do it with this budget and time?",
        "1: unrealistic · 3: plausible with risks named · 5: proven approach, risks handled",
    ),
    (
        "Fit with the challenge and agency",
        1,
        "Does an agency want it and can it adopt it?",
        "1: no agency fit · 3: an agency is interested · 5: an agency is ready to host and adopt",
    ),
    (
        "Value for money",
        1,
        "Is the budget proportionate to the result?",
        "1: costly for little · 3: reasonable · 5: excellent value",
    ),
]

# (title, summary, challenge slug, pillar slugs, opens (days from now), closes)
CALLS = [
    (
        "Flood resilience sandbox 2026",
        "Sensors, data and services that warn residents before the water rises.",
        "flood-early-warning",
        ["smart-environment"],
        -30,
        45,
    ),
    (
        "Smart Change small grants: inclusive services",
        "Services for the elderly, people with disabilities and families, built with the agencies.",
        "elderly-disability-services",
        ["smart-living", "smart-people"],
        -10,
        60,
    ),
    (
        "Clean air pilots 2025",
        "Measure and reduce vehicle emissions in three districts.",
        "air-quality-ispu",
        ["smart-environment", "smart-mobility"],
        -200,
        -60,
    ),
]

# (title, organisation, call index, state, agency word)
PROPOSALS = [
    ("Floodgate blockage alerts", "PT Braga Teknologi Nusantara", 0, "in_review", "Water"),
    ("River level dashboard for RW leaders", "Qlue", 0, "submitted", "Water"),
    ("Community flood volunteers network", "8 Villages Indonesia", 0, "draft", "Disaster"),
    ("Accessible JAKI services", "PT Jelajah Data Semesta", 1, "changes_requested", "Social"),
    (
        "Home-care booking for the elderly",
        "PT Generasi Muda Indonesia Utama",
        1,
        "accepted",
        "Health",
    ),
    ("Roadside emissions test scheduling", "Nodeflux", 2, "accepted", "Environment"),
    ("Traffic-camera emissions estimates", "Visionaire", 2, "declined", "Environment"),
]


def _rubric():
    rubric, created = Rubric.objects.get_or_create(
        name="Proposal review (standard)",
        defaults={"description": "Used for every demo call."},
    )
    if created:
        for order, (label, weight, description, anchors) in enumerate(CRITERIA):
            Criterion.objects.create(
                rubric=rubric,
                label=label,
                weight=weight,
                description=description,
                anchors=anchors,
                sort_order=order,
            )
    return rubric


def _challenge(slug):
    return ChallengePage.objects.filter(locale=Locale.get_default(), slug=slug).first()


def _reviewer():
    reviewer, created = User.objects.get_or_create(
        email=REVIEWER_EMAIL, defaults={"name": "Budi Santoso (demo reviewer)"}
    )
    set_demo_password(reviewer, REVIEWER_PASSWORD, created=created)
    EmailAddress.objects.update_or_create(
        user=reviewer, email=REVIEWER_EMAIL, defaults={"verified": True, "primary": True}
    )
    return reviewer


@transaction.atomic
def seed(stdout):
    rubric = _rubric()
    now = timezone.now()
    en = Locale.get_default()
    calls = []
    for title, summary, word, pillars, opens, closes in CALLS:
        call, _ = Call.objects.update_or_create(
            title=title,
            defaults={
                "summary": summary,
                "description": f"<p>{summary}</p>",
                "opens_at": now + timedelta(days=opens),
                "closes_at": now + timedelta(days=closes),
                "published": True,
                "rubric": rubric,
                "challenge": _challenge(word),
            },
        )
        call.pillars.set(Pillar.objects.filter(locale=en, slug__in=pillars))
        calls.append(call)
    reviewer = _reviewer()
    for title, organisation_name, call_index, state, agency_word in PROPOSALS:
        organisation = Organisation.objects.get(name=organisation_name)
        owner = organisation.memberships.filter(role="owner").select_related("user").first()
        proposal, created = Proposal.objects.get_or_create(
            title=title,
            defaults={
                "call": calls[call_index],
                "organisation": organisation,
                "created_by": owner.user if owner else None,
                "summary": f"{title}: a service for Jakarta residents, built with the agency.",
                "problem": "Residents and agency staff learn about problems too late to act.",
                "solution": "A small, open service that puts the right data in front of the "
                "people who act on it, piloted in two districts.",
                "budget_idr": 450_000_000,
                "duration_months": 9,
                "team": "Product lead, two engineers, a field coordinator.",
                "state": state,
                "submitted_at": None if state == "draft" else now - timedelta(days=12),
            },
        )
        if created:
            proposal.target_agencies.set(
                Organisation.objects.agencies().filter(name__icontains=agency_word)[:1]
            )
            proposal.pillars.set(calls[call_index].pillars.all())
        _timeline(proposal)
        if state in ("in_review", "changes_requested", "accepted", "declined"):
            _review(proposal, reviewer, rubric, state)
    stdout.write(
        f"\nProposals: {Call.objects.count()} calls, {Proposal.objects.count()} proposals.\n"
        f"Reviewer: {REVIEWER_EMAIL} / {shown_password(REVIEWER_EMAIL, REVIEWER_PASSWORD)}"
    )


def _review(proposal, reviewer, rubric, state):
    from portal.models import CriterionScore, Review

    assignment, created = ReviewAssignment.objects.get_or_create(
        content_type_id=_content_type_id(proposal),
        object_id=str(proposal.pk),
        reviewer=reviewer,
        defaults={"rubric": rubric},
    )
    if not created or state == "in_review":
        return  # the demo reviewer still has this one to do
    review = Review.objects.create(
        assignment=assignment,
        recommendation={"accepted": "accept", "declined": "decline"}.get(state, "changes"),
        comment_for_staff="Solid team; check the maintenance costs.",
        comment_for_applicant="Explain who runs the service after the pilot ends.",
        submitted_at=timezone.now(),
    )
    score = {"accepted": 5, "declined": 2}.get(state, 3)
    for criterion in rubric.criteria.all():
        CriterionScore.objects.create(review=review, criterion=criterion, score=score)


def _content_type_id(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


# The steps each demo state went through, so its timeline reads as it would in real use.
PATHS = {
    "submitted": ["submit"],
    "in_review": ["submit", "start_review"],
    "changes_requested": ["submit", "start_review", "request_changes"],
    "accepted": ["submit", "start_review", "accept"],
    "declined": ["submit", "start_review", "decline"],
}


def _timeline(proposal):
    if TimelineEntry.objects.for_object(proposal).exists():
        return
    state = "draft"
    for name in PATHS.get(proposal.state, []):
        transition = Proposal.workflow.get(name)
        TimelineEntry.objects.create(
            subject=proposal,
            action=name,
            from_state=state,
            to_state=transition.target,
            comment="Please add the maintenance plan after the pilot."
            if name == "request_changes"
            else "",
            visibility=transition.visibility,
        )
        state = transition.target
