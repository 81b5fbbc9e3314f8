"""What the home page can show of partners (portal/showcases.py): the agencies' open sandbox
challenges and the calls for proposals open now."""

from django.utils.translation import gettext_lazy as _

from partners.models import Call, ChallengeIndexPage, ChallengePage
from partners.models.challenges import ChallengeStatus
from portal.i18n import localised
from portal.images import with_images
from portal.showcases import Item, Showcase, in_locale, more_link, page_item, register
from portal.templatetags.format_tags import when_text


def open_challenges(request, count):
    pages = (
        with_images(in_locale(ChallengePage.objects))
        .filter(status=ChallengeStatus.OPEN)
        .select_related("owner_agency")
        .order_by("-first_published_at", "pk")
    )
    return [
        page_item(page, request, meta=localised(page.owner_agency, "name"), text=page.summary)
        for page in pages[:count]
    ]


def open_calls(request, count):
    from django.utils import translation

    english_on_indonesian = (translation.get_language() or "").startswith("id")
    return [
        Item(
            title=call.title,
            url=call.get_absolute_url(),
            meta=_("Closes %(when)s") % {"when": when_text(call.closes_at)},
            text=call.summary,
            # Calls are written in one language (English) for partners of both cities.
            lang="en" if english_on_indonesian else "",
        )
        for call in Call.objects.open_now().order_by("closes_at", "pk")[:count]
    ]


def _calls_link(request):
    from django.urls import reverse

    return reverse("partners:calls"), _("All calls for proposals")


register(
    Showcase(
        name="open_challenges",
        label=_("Open sandbox challenges"),
        items=open_challenges,
        more=more_link(ChallengeIndexPage, _("All challenges")),
        empty=_("No challenge is open right now."),
    )
)
register(
    Showcase(
        name="open_calls",
        label=_("Open calls for proposals"),
        items=open_calls,
        more=_calls_link,
        empty=_("No call is open right now."),
    )
)
