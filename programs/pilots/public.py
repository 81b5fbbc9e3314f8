"""The public side of pilots: the tracker (/pilots/), a pilot's page, its feed and open export.

Everything here starts from ``Pilot.objects.published()``: an unpublished pilot is a 404, and is
never counted, listed, fed or exported. Only timeline entries marked public are shown.
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from partners.models import Organisation
from portal.exports import csv_writer
from portal.i18n import localised
from portal.models import TimelineEntry, Visibility
from portal.reports.hidden import check_visible, visible
from portal.sites import absolute
from portal.taxonomy import localised_names
from programs.models import District, Origin, Pilot, PilotAgency, ProgrammePage

from .funnel import funnel
from .workflows import AgencyState, PilotState

PAGE_SIZE = 12
MAX_QUERY_LENGTH = 200
FEED_SIZE = 30


def in_district(queryset, district):
    """Pilots in ``district``: ``districts`` is a JSON list, so the value is matched quoted
    ("north" is not "north_west"). The page and the API filter with it."""
    return queryset.filter(districts__icontains=f'"{district}"')


def published():
    return visible(Pilot.objects.published())  # never what was hidden after a report


def filtered(request):
    """Apply the visitor's search and filters; return (queryset, cleaned filter values)."""
    get = request.GET
    filters = {
        "q": get.get("q", "").strip()[:MAX_QUERY_LENGTH],
        "status": get.get("status", "")[:30],
        "agency": get.get("agency", "")[:220],
        "pillar": get.get("pillar", "")[:80],
        "origin": get.get("origin", "")[:30],
        "district": get.get("district", "")[:30],
        "year": get.get("year", "")[:4],
        "programme": get.get("programme", "")[:255],
    }
    queryset = published()
    if filters["status"] in PilotState.values:
        queryset = queryset.filter(state=filters["status"])
    if filters["agency"]:
        queryset = queryset.filter(involvements__agency__slug=filters["agency"])
    if filters["pillar"]:
        queryset = queryset.filter(pillars__slug=filters["pillar"])
    if filters["origin"] in Origin.values:
        queryset = queryset.filter(origin=filters["origin"])
    if filters["district"] in District.values:
        queryset = in_district(queryset, filters["district"])
    if filters["programme"]:
        queryset = queryset.filter(programme__slug=filters["programme"])
    if filters["year"].isdigit():
        queryset = queryset.filter(start_date__year=int(filters["year"]))
    for word in filters["q"].split():
        queryset = queryset.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(problem__icontains=word)
            | Q(lead_organisation__name__icontains=word)
        )
    return queryset.distinct(), filters


def tracker(page, request):
    queryset, filters = filtered(request)
    listed = (
        queryset.select_related("lead_organisation")
        .prefetch_related(
            "pillars",
            Prefetch("involvements", queryset=PilotAgency.objects.select_related("agency")),
        )
        .order_by("-start_date", "-pk")
    )
    page_obj = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    taxonomy = localised_names(request)
    years = sorted({d.year for d in published().dates("start_date", "year")}, reverse=True)
    context = page.get_context(request)
    context.update(
        {
            "page_obj": page_obj,
            "pilots": page_obj.object_list,
            "filters": filters,
            "funnel": funnel(Pilot.objects.filter(pk__in=queryset.values("pk"))),
            "pillars": taxonomy["pillars"],
            "pillar_names": taxonomy["pillar_names"],
            "statuses": PilotState.choices,
            "origins": Origin.choices,
            "districts": District.choices,
            "years": years,
            "agencies": Organisation.objects.filter(
                pk__in=PilotAgency.objects.filter(pilot__is_published=True).values("agency")
            ).order_by("name"),
            "is_filtered": any(filters.values()),
        }
    )
    return render(request, "programs/pilots/tracker.html", context)


def public_timeline(pilot, involvements):
    """Public entries of the pilot and of its agencies' decisions, oldest first (one query)."""
    pilot_type = ContentType.objects.get_for_model(Pilot)
    agency_type = ContentType.objects.get_for_model(PilotAgency)
    names = {str(i.pk): localised(i.agency, "name") for i in involvements}
    entries = list(
        TimelineEntry.objects.filter(visibility=Visibility.PUBLIC)
        .filter(
            Q(content_type=pilot_type, object_id=str(pilot.pk))
            | Q(content_type=agency_type, object_id__in=list(names))
        )
        .order_by("created_at", "pk")
    )
    for entry in entries:
        if entry.content_type_id == agency_type.pk:
            label = AgencyState(entry.to_state).label if entry.to_state else entry.action
            entry.to_label = f"{names.get(entry.object_id, '')}: {label}"
        elif entry.to_state:
            entry.to_label = PilotState(entry.to_state).label
        else:
            entry.to_label = _("Update")
    return entries


def detail(page, request, slug):
    pilot = (
        Pilot.objects.published()  # hidden after a report: its authors still see it
        .select_related("lead_organisation", "programme", "challenge", "proposal")
        .prefetch_related("pillars", "sdgs", "partner_organisations")
        .filter(slug=slug)
        .first()
    )
    if pilot is None:
        raise Http404  # unknown and unpublished pilots alike
    check_visible(request.user, pilot)
    involvements = list(
        pilot.involvements.select_related("agency", "adoption").order_by("role", "agency__name")
    )
    locale = Locale.get_active()
    taxonomy = localised_names(request)
    context = page.get_context(request)
    context.update(
        {
            "pilot": pilot,
            "involvements": involvements,
            "indicators": list(pilot.indicators.all()),
            "milestones": list(pilot.milestones.all()),
            "documents": list(pilot.documents.all()),
            "timeline": public_timeline(pilot, involvements),
            "pillar_names": taxonomy["pillar_names"],
            "sdg_names": taxonomy["sdg_names"],
            "programme": _programme_in(pilot.programme, locale),
        }
    )
    return render(request, "programs/pilots/detail.html", context)


def _programme_in(programme, locale):
    if programme is None:
        return None
    return (
        ProgrammePage.objects.live()
        .filter(translation_key=programme.translation_key, locale=locale)
        .first()
        or programme
    )


class PilotFeed(Feed):
    """Newly published pilots, RSS 2.0; unpublished ones never appear."""

    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.language = index.locale.language_code

    def title(self):
        return _("Pilot projects")

    def link(self):
        return absolute(self.index.url)

    def feed_url(self):
        return absolute(self.index.url + self.index.reverse_subpage("feed"))

    def description(self):
        return self.index.intro or _("Pilot projects of the network and what became of them.")

    def items(self):
        return published().order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.get_state_display()} · {item.summary}"

    def item_link(self, item):
        return absolute(self.index.pilot_url(item))

    def item_pubdate(self, item):
        return item.published_at


def feed(page, request):
    return PilotFeed(page)(request)


EXPORT_COLUMNS = (
    "title",
    "stage",
    "origin",
    "lead organisation",
    "agencies",
    "districts",
    "start date",
    "end date",
    "budget (IDR)",
    "funding source",
    "adopted by",
    "url",
)


def export_csv(page, request):
    """Open data: every published pilot (the same records the tracker shows), as CSV."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="pilots.csv"'
    writer = csv_writer(response)
    writer.writerow(EXPORT_COLUMNS)
    pilots = (
        published()
        .select_related("lead_organisation")
        .prefetch_related(
            Prefetch("involvements", queryset=PilotAgency.objects.select_related("agency"))
        )
        .order_by("pk")
    )
    for pilot in pilots:
        involvements = list(pilot.involvements.all())
        writer.writerow(
            [
                pilot.title,
                pilot.state,
                pilot.origin,
                pilot.lead_organisation.name,
                "; ".join(f"{i.agency.name} ({i.role}: {i.state})" for i in involvements),
                "; ".join(pilot.districts),
                pilot.start_date or "",
                pilot.end_date or "",
                pilot.budget_idr or "",
                pilot.funding_source,
                "; ".join(i.agency.name for i in involvements if i.state == "adopted"),
                request.build_absolute_uri(page.pilot_url(pilot)),
            ]
        )
    return response
