"""The events' links on the member dashboard (the ``portal_dashboard_links`` hook)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from portal.dashboard import HOOK, DashboardLink


@hooks.register(HOOK)
def event_links(request):
    yield DashboardLink(20, _("My events"), reverse("events:mine"))
    yield DashboardLink(40, _("My hackathon teams"), reverse("events:my_hackathons"))
