"""The programmes' links on the member dashboard (the ``portal_dashboard_links`` hook)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from partners.permissions import speaks_for_an_agency
from portal.dashboard import HOOK, DashboardLink
from programs.models import CohortMember


@hooks.register(HOOK)
def programme_links(request):
    yield DashboardLink(30, _("My pilots"), reverse("programs:pilots"))
    yield DashboardLink(
        35, _("My accelerator applications"), reverse("programs:cohort_applications")
    )
    if CohortMember.objects.filter(organisation__memberships__user=request.user).exists():
        yield DashboardLink(36, _("Office hours"), reverse("programs:office_hours"))
    if hasattr(request.user, "mentor_profile"):
        yield DashboardLink(37, _("My mentoring sessions"), reverse("programs:mentor_sessions"))
    if speaks_for_an_agency(request.user):
        yield DashboardLink(70, _("Government responses"), reverse("programs:responses"))
