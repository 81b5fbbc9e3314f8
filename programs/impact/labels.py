"""What each impact figure is called and means, in both languages (gettext)."""

from django.utils.translation import gettext_lazy as _

BREAKDOWNS = {
    "year": _("by year"),
    "pillar": _("by smart-city pillar"),
    "sdg": _("by SDG"),
    "agency": _("by agency"),
    "stage": _("by stage"),
    "state": _("by how the agencies responded"),
    "status": _("by status"),
    "kind": _("by kind"),
    "city": _("by city"),
    "type": _("by event type"),
}


LABELS = {
    "participants": _("participants"),
    "events": _("events"),
    "speakers": _("speakers"),
    "recommendations": _("policy recommendations"),
    "responses": _("government responses"),
    "organisations": _("partner organisations"),
    "pilots": _("pilot projects"),
    "adopted": _("pilots adopted"),
    "cohorts": _("cohorts"),
    "startups": _("start-ups supported"),
    "ssos": _("start-up support organisations trained"),
    "challenges": _("sandbox challenges posed"),
    "challenges_solved": _("sandbox challenges solved"),
    "hackathon_entries": _("hackathon entries"),
}
DEFINITIONS = {
    "participants": _(
        "People who took part in public events: check-ins at events held on the "
        "portal, plus the attendance recorded for events held before it. An event "
        "with a recorded figure counts that figure instead of its check-ins."
    ),
    "events": _(
        "Published public events (dialogues, exchanges, conferences, classes, sandbox "
        "sessions, demo days), past and upcoming, each counted once in both languages."
    ),
    "speakers": _(
        "Different speakers and experts named on the programme of at least one published event."
    ),
    "recommendations": _("Published policy recommendations, each counted once in both languages."),
    "responses": _(
        "Government responses asked of the agencies a published recommendation "
        "targets, one per recommendation and agency, by where each stands."
    ),
    "organisations": _(
        "Verified partner organisations in the directory (for a programme: its "
        "funders and partner organisations)."
    ),
    "pilots": _(
        "Published pilot projects, by the furthest stage each reached: a pilot that "
        "went further also counts in the stages before."
    ),
    "adopted": _("Published pilots that an agency adopted as a city service or programme."),
    "cohorts": _("Published accelerator and training cohorts."),
    "startups": _("Different organisations that took part in a published accelerator cohort."),
    "ssos": _(
        "Different start-up support organisations that took part in a published training cohort."
    ),
    "challenges": _("Published sandbox challenges that agencies posed to the network."),
    "challenges_solved": _("Published sandbox challenges whose status is solved."),
    "hackathon_entries": _(
        "Hackathon projects submitted and shown in a published hackathon's "
        "gallery (disqualified or hidden projects are not counted)."
    ),
}
