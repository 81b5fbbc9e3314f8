"""The start-up's path, a section of its public organisation page (the
``partners_organisation_sections`` hook): application → cohort → milestones done → demo day →
pilots → adoption, then its verified outcomes. Only public facts: published cohorts, accepted
memberships, published pilots, verified outcomes; never an application's text or a milestone
that is not done."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail import hooks

from programs.models import AcceleratorIndexPage, CohortMember, PilotIndexPage
from programs.pilots.public import published

from .outcomes import public_outcomes


def path_of(organisation):
    """One stop per accepted place in a published cohort, oldest first (four queries)."""
    members = list(
        CohortMember.objects.filter(organisation=organisation, cohort__published=True)
        .select_related("cohort", "cohort__demo_day_event", "application")
        .annotate(done=Count("milestones", filter=Q(milestones__state="done")))
        .order_by("cohort__starts_on", "pk")
    )
    if not members:
        return []
    member_type = ContentType.objects.get_for_model(CohortMember)
    pilots = (
        published()
        .filter(
            origin="cohort_startup",
            origin_content_type=member_type,
            origin_object_id__in=[str(m.pk) for m in members],
        )
        .order_by("start_date", "pk")
    )
    by_member = {}
    for pilot in pilots:
        by_member.setdefault(pilot.origin_object_id, []).append(pilot)
    verified = {}
    for outcome in public_outcomes().filter(member__in=members).order_by("period_on", "pk"):
        verified.setdefault(outcome.member_id, []).append(outcome)
    index = AcceleratorIndexPage.for_locale()
    tracker = PilotIndexPage.for_locale()
    today = timezone.localdate()
    for member in members:
        application = member.application
        member.applied_at = application.submitted_at if application else None
        member.cohort_url = index.cohort_url(member.cohort) if index else ""
        member.demo_day_held = bool(
            member.cohort.demo_day_on and member.cohort.demo_day_on <= today
        )
        member.public_pilots = by_member.get(str(member.pk), [])
        for pilot in member.public_pilots:
            pilot.public_url = tracker.pilot_url(pilot) if tracker else ""
        member.adopted = [p for p in member.public_pilots if p.state == "adopted"]
        member.verified_outcomes = verified.get(member.pk, [])
    return members


@hooks.register("partners_organisation_sections")
def startup_path_section(request, organisation):
    members = path_of(organisation)
    if not members:
        return ""
    return render_to_string(
        "programs/cohorts/_path_section.html",
        {"organisation": organisation, "members": members},
        request=request,
    )
