"""What the home page can show of programmes (portal/showcases.py): the network's headline
figures, the latest policy recommendations and how agencies answered, recently adopted pilots
and the accelerator cohorts open for applications."""

from collections import Counter

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.showcases import (
    Item,
    Showcase,
    in_locale,
    index_url,
    more_link,
    page_item,
    record_item,
    register,
)
from portal.templatetags.format_tags import when_text
from programs.models import (
    AcceleratorIndexPage,
    AdoptionRecord,
    Cohort,
    GovernmentResponse,
    ImpactPage,
    PilotIndexPage,
    PolicyIndexPage,
    PolicyRecommendationPage,
)
from programs.workflows import AWAITING

HEADLINE = ["participants", "events", "startups", "recommendations", "pilots", "adopted"]


def headline_figures(request, count):
    """The network-wide totals (programs.impact.figures), each linking to its chart.

    The totals are the same for every reader, so they are kept in the frame cache (which
    follows every public change, portal/cache.py): seven aggregate queries a render otherwise."""
    from django.utils import translation

    from portal.cache import frame_cached
    from programs.impact.figures import figures

    def build():
        return [
            (str(figure.label), figure.total)
            for figure in figures(keys=HEADLINE[:count], detail=False)
        ]

    totals = frame_cached(request, f"headline:{count}:{translation.get_language()}", build)
    base = index_url(request, ImpactPage)
    return [Item(title=label, url=base, figure=total) for label, total in totals]


def latest_recommendations(request, count):
    pages = list(in_locale(PolicyRecommendationPage.objects).order_by("-date", "-pk")[:count])
    # Responses hang off the source-language page: one query for all of them.
    states = GovernmentResponse.objects.filter(
        recommendation__translation_key__in=[page.translation_key for page in pages]
    ).values_list("recommendation__translation_key", "state")
    asked, answered = Counter(), Counter()
    for key, state in states:
        asked[key] += 1
        answered[key] += state not in AWAITING
    items = []
    for page in pages:
        meta = when_text(page.date)
        if asked[page.translation_key]:
            meta = ngettext(
                "%(date)s · %(answered)s of %(asked)s agency responded",
                "%(date)s · %(answered)s of %(asked)s agencies responded",
                asked[page.translation_key],
            ) % {
                "date": meta,
                "answered": answered[page.translation_key],
                "asked": asked[page.translation_key],
            }
        items.append(page_item(page, request, meta=meta, text=page.summary))
    return items


def adopted_pilots(request, count):
    """The newest adoptions: which pilot became which city service, and when."""
    tracker = in_locale(PilotIndexPage.objects).first()
    if tracker is None:
        return []
    records = (
        AdoptionRecord.objects.filter(pilot__is_published=True)
        .select_related("pilot", "involvement__agency")
        .order_by("-adopted_on", "-pk")
    )
    items, seen = [], set()
    for record in records[: count * 3]:
        if record.pilot_id in seen:
            continue
        seen.add(record.pilot_id)
        item = record_item(record.pilot, tracker.pilot_url(record.pilot), text="summary")
        service = record_item(record, "", title="service").title
        meta = _("Adopted %(when)s as %(service)s") % {
            "when": when_text(record.adopted_on),
            "service": service,
        }
        items.append(Item(**{**item.__dict__, "meta": meta}))
        if len(items) == count:
            break
    return items


def open_cohorts(request, count):
    accelerator = in_locale(AcceleratorIndexPage.objects).first()
    if accelerator is None:
        return []
    now = timezone.now()
    cohorts = Cohort.objects.public().filter(opens_at__lte=now, closes_at__gt=now)
    return [
        record_item(
            cohort,
            accelerator.cohort_url(cohort),
            text="summary",
            meta=_("Applications close %(when)s") % {"when": when_text(cohort.closes_at)},
        )
        for cohort in cohorts.order_by("closes_at", "pk")[:count]
    ]


register(
    Showcase(
        name="headline_figures",
        label=_("The network in figures"),
        items=headline_figures,
        more=more_link(ImpactPage, _("See the impact")),
    )
)
register(
    Showcase(
        name="latest_recommendations",
        label=_("Latest policy recommendations"),
        items=latest_recommendations,
        more=more_link(PolicyIndexPage, _("All recommendations and responses")),
    )
)
register(
    Showcase(
        name="adopted_pilots",
        label=_("Pilots the city adopted"),
        items=adopted_pilots,
        more=more_link(PilotIndexPage, _("Follow every pilot")),
    )
)
register(
    Showcase(
        name="open_cohorts",
        label=_("Accelerator: open for applications"),
        items=open_cohorts,
        more=more_link(AcceleratorIndexPage, _("All cohorts")),
        empty=_("No cohort is taking applications right now."),
    )
)
