"""The programmes' links and to-dos on the member dashboard (``portal_dashboard_links`` and
``portal_dashboard_waiting`` hooks)."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from partners.permissions import speaks_for_an_agency
from portal.dashboard import HOOK, WAITING_HOOK, WAITING_LIMIT, DashboardLink, WaitingItem
from programs.models import CohortMember


@hooks.register(HOOK)
def programme_links(request):
    yield DashboardLink(30, _("My pilots"), reverse("programs:pilots"))
    yield DashboardLink(
        35, _("My accelerator applications"), reverse("programs:cohort_applications")
    )
    if CohortMember.objects.filter(organisation__memberships__user=request.user).exists():
        yield DashboardLink(36, _("Office hours"), reverse("programs:office_hours"))
        yield DashboardLink(38, _("My milestones"), reverse("programs:cohort_milestones"))
        yield DashboardLink(39, _("Outcomes"), reverse("programs:startup_outcomes"))
        yield DashboardLink(39, _("Demo-day interest"), reverse("programs:demo_day_interests"))
    elif speaks_for_an_agency(request.user):
        yield DashboardLink(39, _("Demo-day interest"), reverse("programs:demo_day_interests"))
    if hasattr(request.user, "mentor_profile"):
        yield DashboardLink(37, _("My mentoring sessions"), reverse("programs:mentor_sessions"))
    if speaks_for_an_agency(request.user):
        yield DashboardLink(70, _("Government responses"), reverse("programs:responses"))


@hooks.register(WAITING_HOOK)
def programme_waiting(request):
    """Accelerator applications to finish or change; start-ups' milestones sent back or
    overdue; for liaisons, the decisions their agency owes: pilots it is invited to,
    recommendations it has not answered."""
    from programs.cohorts.workflows import EDITABLE_STATES
    from programs.models import CohortApplication, GovernmentResponse, PilotAgency

    user = request.user
    writers = Q(
        organisation__memberships__user=user,
        organisation__memberships__role__in=("owner", "editor"),
    ) | Q(co_authors=user)
    applications = (
        CohortApplication.objects.filter(writers, state__in=EDITABLE_STATES)
        .select_related("cohort")
        .distinct()
        .order_by("-updated_at", "pk")[:WAITING_LIMIT]
    )
    for application in applications:
        changes = application.state == "changes_requested"
        yield WaitingItem(
            10 if changes else 15,
            _("Changes requested") if changes else _("Draft application"),
            f"{application.cohort} · {application}",
            reverse("programs:cohort_application", args=[application.pk]),
        )
    yield from _milestones_waiting(user)
    yield from _outcomes_returned(user)
    if not speaks_for_an_agency(user):
        return
    involvements = (
        PilotAgency.objects.filter(
            state="invited", agency__memberships__user=user, agency__memberships__role="liaison"
        )
        .select_related("pilot", "agency")
        .order_by("invited_at", "pk")[:WAITING_LIMIT]
    )
    for involvement in involvements:
        yield WaitingItem(
            30,
            _("Pilot decision"),
            f"{involvement.pilot.title} · {involvement.agency.name}",
            reverse("programs:pilot_decision", args=[involvement.pk]),
        )
    responses = (
        GovernmentResponse.objects.for_liaison(user)
        .awaiting()
        .select_related("recommendation", "agency")
        .order_by("requested_at", "pk")[:WAITING_LIMIT]
    )
    for response in responses:
        yield WaitingItem(
            35,
            _("Government response"),
            f"{response.recommendation.title} · {response.agency.name}",
            reverse("programs:response", args=[response.pk]),
        )


def _milestones_waiting(user):
    """The start-ups' milestones sent back with changes requested, then those overdue."""
    from portal.milestones.workflows import CHANGES_REQUESTED, OUTSTANDING
    from programs.models import CohortMilestone

    today = timezone.localdate()
    milestones = (
        CohortMilestone.objects.filter(member__organisation__memberships__user=user)
        .filter(Q(state=CHANGES_REQUESTED) | Q(state__in=OUTSTANDING, due_on__lt=today))
        .select_related("member__organisation")
        .distinct()
        .order_by("due_on", "pk")[:WAITING_LIMIT]
    )
    for milestone in milestones:
        changes = milestone.state == CHANGES_REQUESTED
        yield WaitingItem(
            12 if changes else 14,
            _("Milestone: changes requested") if changes else _("Milestone overdue"),
            f"{milestone.member.organisation.name} · {milestone.title}",
            reverse("programs:cohort_milestone", args=[milestone.pk]),
        )


def _outcomes_returned(user):
    """Outcomes program managers returned: the start-up corrects and reports them again."""
    from programs.models import StartupOutcome

    outcomes = (
        StartupOutcome.objects.filter(
            member__organisation__memberships__user=user, state="returned"
        )
        .select_related("member__organisation")
        .distinct()
        .order_by("-updated_at", "pk")[:WAITING_LIMIT]
    )
    for outcome in outcomes:
        yield WaitingItem(
            13,
            _("Outcome returned"),
            f"{outcome.member.organisation.name} · {outcome.get_kind_display()}",
            reverse("programs:startup_outcome", args=[outcome.pk]),
        )
