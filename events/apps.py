from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events, speakers, venues, registrations, and hackathons."""

    name = "events"
    verbose_name = _("Events")
