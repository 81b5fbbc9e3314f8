"""What the home page can show of events (portal/showcases.py): the next events, the hackathons
people can still join or follow."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import EventIndexPage, EventPage, HackathonIndexPage, HackathonPage
from portal.images import with_images
from portal.showcases import Showcase, in_locale, more_link, page_item, register
from portal.templatetags.format_tags import when_text


def upcoming_events(request, count):
    pages = with_images(in_locale(EventPage.objects)).filter(end__gte=timezone.now())
    pages = pages.order_by("start", "pk")
    return [
        page_item(page, request, meta=when_text(page.start), text=page.summary)
        for page in pages[:count]
    ]


def open_hackathons(request, count):
    """Hackathons not yet over, the soonest first."""
    now = timezone.now()
    pages = with_images(in_locale(HackathonPage.objects)).filter(results_at__gte=now)
    items = []
    for page in pages.order_by("hacking_starts_at", "pk")[:count]:
        if now < page.registration_closes_at:
            meta = _("Registration closes %(when)s") % {
                "when": when_text(page.registration_closes_at)
            }
        else:
            meta = _("Results on %(when)s") % {"when": when_text(page.results_at)}
        items.append(page_item(page, request, meta=meta, text=page.summary))
    return items


register(
    Showcase(
        name="upcoming_events",
        label=_("Upcoming events"),
        items=upcoming_events,
        more=more_link(EventIndexPage, _("All events")),
        empty=_("No events are planned right now."),
    )
)
register(
    Showcase(
        name="open_hackathons",
        label=_("Hackathons"),
        items=open_hackathons,
        more=more_link(HackathonIndexPage, _("All hackathons")),
        empty=_("No hackathon is running right now."),
    )
)
