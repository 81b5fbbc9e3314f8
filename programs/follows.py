"""What members may follow in programs: programmes, pilots and policy recommendations.

A government response's public step is news about its recommendation, an agency's answer
about its pilot (``via``).
"""

from django.utils.translation import gettext_lazy as _

from portal.follows.registry import Followable, page_kind, register
from portal.i18n import localised
from programs.models import Pilot, PilotIndexPage

register(page_kind("programmes", "programs.ProgrammePage", _("Programmes"), 40))


def _pilot_url(pilot):
    return _pilots([pilot])[pilot.pk][1]


def _pilots(pilots):
    """Titles and tracker addresses in the reader's language: one query finds the tracker."""
    tracker = PilotIndexPage.for_locale()
    return {
        pilot.pk: (
            localised(pilot, "title"),
            tracker.pilot_url(pilot) if tracker is not None else "",
        )
        for pilot in pilots
    }


register(
    Followable(
        kind="pilots",
        model="programs.Pilot",
        label=_("Pilot projects"),
        order=30,
        public=lambda: Pilot.objects.published(),
        url=_pilot_url,
        title=lambda pilot: localised(pilot, "title"),
        present_many=_pilots,
        via={"programs.PilotAgency": lambda involvement: involvement.pilot},
    )
)

register(
    page_kind(
        "recommendations",
        "programs.PolicyRecommendationPage",
        _("Policy recommendations"),
        50,
        via={"programs.GovernmentResponse": lambda response: response.recommendation},
    )
)
