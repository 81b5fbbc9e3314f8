"""The partners' links on the member dashboard (the ``portal_dashboard_links`` hook)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from partners.permissions import speaks_for_an_agency
from portal.dashboard import HOOK, DashboardLink


@hooks.register(HOOK)
def partner_links(request):
    yield DashboardLink(10, _("My organisations"), reverse("partners:mine"))
    if speaks_for_an_agency(request.user):
        yield DashboardLink(60, _("Challenges"), reverse("partners:challenges"))
