"""What members may follow in events: events."""

from django.utils.translation import gettext_lazy as _

from portal.follows.registry import page_kind, register

register(page_kind("events", "events.EventPage", _("Events"), 70))
