"""Every impact figure of the network, counted from its records: the one source of figures.

``figures(programme=None)`` answers, network-wide or for one programme (a ProgrammePage of either
language), a list of :class:`Figure`: a key, a translated label and definition, the total, a time
series by year and breakdowns (by pillar, SDG, agency, stage…) where they mean something. The
impact dashboard (``ImpactPage``), the programme page's key figures and the "impact-figures"
open dataset all read it. Nothing is typed in: a figure without records is 0.

Each figure costs a fixed number of aggregate queries whatever the amount of data (no per-row
queries); ``detail=False`` computes totals only (the programme page). Pages are counted once per
``translation_key`` (the default-language row), whichever language tree links them.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractYear
from wagtail.models import Locale

from events.figures import figures_for
from events.models import EventPage, Registration, RegistrationState, Submission
from partners.models import ChallengePage, Organisation, OrganisationKind
from partners.models.challenges import ChallengeStatus
from portal.models import Pillar, SustainableDevelopmentGoal
from programs.impact.labels import BREAKDOWNS, DEFINITIONS, LABELS
from programs.models import (
    AdoptionRecord,
    Cohort,
    CohortMember,
    GovernmentResponse,
    Pilot,
    PolicyRecommendationPage,
    ProgrammePage,
    ResponseState,
)
from programs.models.pilots import STAGE_RANK
from programs.pilots.funnel import funnel
from programs.pilots.workflows import PilotState


@dataclass
class Figure:
    key: str
    label: str
    definition: str
    total: int
    by_year: list = field(default_factory=list)  # [(year, value)], oldest first
    breakdowns: dict = field(default_factory=dict)  # name -> [(label, value, slug)]
    network_only: bool = False

    def series(self, name):
        """Rows (label, value, slug) of one breakdown; "year" is the time series."""
        if name == "year":
            return [(str(year), value, str(year)) for year, value in self.by_year]
        return self.breakdowns.get(name, [])

    def available(self):
        return [name for name in BREAKDOWNS if self.series(name)]


def _rows(queryset, key, value):
    """{key value: aggregate} of ``queryset`` grouped by ``key`` (one query), Nones left out."""
    grouped = queryset.order_by().values(key).annotate(v=value).values_list(key, "v")
    return {k: v or 0 for k, v in grouped if k is not None}


def _years(queryset, date_field, value):
    rows = _rows(queryset.annotate(impact_year=ExtractYear(date_field)), "impact_year", value)
    return sorted(rows.items())


def _sorted(rows, names=None, slugs=None):
    """[(label, value, slug)] biggest first, labels through ``names`` when given."""
    names, slugs = names or {}, slugs or {}
    items = [(str(names.get(k, k)), v, str(slugs.get(k, k))) for k, v in rows.items() if v]
    return sorted(items, key=lambda row: (-row[1], row[0]))


class Scope:
    """The records one set of figures counts: the network or one programme."""

    def __init__(self, programme=None, detail=True):
        self.programme = programme
        self.detail = detail
        self.key = programme.translation_key if programme is not None else None
        self._names = None

    def of(self, queryset, lookup="programme__translation_key"):
        return queryset if self.key is None else queryset.filter(**{lookup: self.key})

    # Taxonomy names in the visitor's language: two queries, once per scope.
    def names(self):
        if self._names is None:
            locale = Locale.get_active()
            pillars = Pillar.objects.filter(locale=locale)
            self._names = (
                {p.translation_key: p.name for p in pillars},
                {p.translation_key: p.slug for p in pillars},
                {
                    g.number: str(g)
                    for g in SustainableDevelopmentGoal.objects.filter(locale=locale)
                },
            )
        return self._names

    def by_pillar(self, queryset, value, prefix=""):
        pillar_names, pillar_slugs, _sdgs = self.names()
        rows = _rows(queryset, f"{prefix}pillars__translation_key", value)
        return _sorted(rows, pillar_names, pillar_slugs)

    def by_sdg(self, queryset, value, prefix=""):
        rows = _rows(queryset, f"{prefix}sdgs__number", value)
        return [(self.names()[2].get(k, str(k)), v, str(k)) for k, v in sorted(rows.items()) if v]

    def canonical(self, model, queryset):
        """Default-language rows of ``queryset`` (pages of either tree), each page once."""
        return model.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE,
            translation_key__in=queryset.values("translation_key"),
        )

    def events(self):
        if not hasattr(self, "_events"):
            self._events = self.canonical(EventPage, self.of(EventPage.objects.live().public()))
        return self._events

    def event_totals(self):
        if not hasattr(self, "_event_totals"):
            self._event_totals = figures_for(self.events())
        return self._event_totals

    def recommendations(self):
        live = self.of(PolicyRecommendationPage.objects.live().public())
        return self.canonical(PolicyRecommendationPage, live)

    def pilots(self):
        return self.of(Pilot.objects.published())

    def members(self, kind):
        cohorts = self.of(Cohort.objects.public())
        return CohortMember.objects.filter(cohort__in=cohorts, cohort__kind=kind)


def _figure(scope, key, total, years=None, network_only=False, **breakdowns):
    """A Figure; ``years`` and each breakdown are callables, only called with ``detail``."""
    figure = Figure(key, LABELS[key], DEFINITIONS[key], total or 0, network_only=network_only)
    if scope.detail:
        figure.by_year = list(years()) if years else []
        figure.breakdowns = {name: rows for name, make in breakdowns.items() if (rows := make())}
    return figure


ONE = Count("pk", distinct=True)


def participants(scope):
    events = scope.events()
    recorded = events.filter(recorded_attendance__isnull=False)
    checked_in = Registration.objects.filter(
        event__in=events.filter(recorded_attendance__isnull=True), state=RegistrationState.ATTENDED
    )
    attendance = Sum("recorded_attendance")

    def years():
        merged = dict(_years(recorded, "start", attendance))
        for year, value in _years(checked_in, "event__start", Count("pk")):
            merged[year] = merged.get(year, 0) + value
        return sorted(merged.items())

    def pillar():
        merged = {}
        for rows in (
            scope.by_pillar(recorded, attendance),
            scope.by_pillar(checked_in, Count("pk"), prefix="event__"),
        ):
            for label, value, slug in rows:
                merged[(label, slug)] = merged.get((label, slug), 0) + value
        return sorted(((k[0], v, k[1]) for k, v in merged.items()), key=lambda r: (-r[1], r[0]))

    total = scope.event_totals()["participants"]
    return _figure(scope, "participants", total, years, pillar=pillar)


def events(scope):
    queryset = scope.events()
    types = dict(EventPage._meta.get_field("event_type").choices)
    return _figure(
        scope,
        "events",
        scope.event_totals()["events"],
        lambda: _years(queryset, "start", ONE),
        pillar=lambda: scope.by_pillar(queryset, ONE),
        type=lambda: _sorted(_rows(queryset, "event_type", ONE), types),
    )


def speakers(scope):
    through = EventPage.speakers.through.objects.filter(eventpage__in=scope.events())
    distinct = Count("speaker", distinct=True)
    years = lambda: _years(through, "eventpage__start", distinct)  # noqa: E731
    return _figure(scope, "speakers", scope.event_totals()["speakers"], years)


def _cohort_figure(scope, key, kind):
    members = scope.members(kind)
    one = Count("organisation", distinct=True)
    return _figure(
        scope,
        key,
        members.aggregate(n=one)["n"],
        lambda: _years(members, "cohort__starts_on", one),
        pillar=lambda: scope.by_pillar(members, one, prefix="cohort__"),
    )


def startups(scope):
    return _cohort_figure(scope, "startups", "accelerator")


def ssos(scope):
    return _cohort_figure(scope, "ssos", "sso_training")


def cohorts(scope):
    queryset = scope.of(Cohort.objects.public())
    return _figure(scope, "cohorts", queryset.count(), lambda: _years(queryset, "starts_on", ONE))


def organisations(scope):
    queryset = Organisation.objects.verified()
    if scope.programme is not None:
        pages = ProgrammePage.objects.filter(translation_key=scope.key)
        named = Q()
        for relation in (ProgrammePage.funders, ProgrammePage.partner_organisations):
            rows = relation.through.objects.filter(programmepage__in=pages)
            named |= Q(pk__in=rows.values("organisation"))
        queryset = Organisation.objects.filter(named)
    kinds = dict(OrganisationKind.choices)
    return _figure(
        scope,
        "organisations",
        queryset.count(),
        lambda: _years(queryset, "created_at", ONE),
        kind=lambda: _sorted(_rows(queryset, "kind", ONE), kinds),
        city=lambda: _sorted(_rows(queryset.exclude(city=""), "city", ONE)),
        pillar=lambda: scope.by_pillar(queryset, ONE),
    )


def recommendations(scope):
    queryset = scope.recommendations()
    return _figure(
        scope,
        "recommendations",
        queryset.count(),
        lambda: _years(queryset, "date", ONE),
        pillar=lambda: scope.by_pillar(queryset, ONE),
        sdg=lambda: scope.by_sdg(queryset, ONE),
        agency=lambda: _sorted(_rows(queryset, "target_agencies__name", ONE)),
    )


def responses(scope):
    keys = scope.recommendations().values("translation_key")
    queryset = GovernmentResponse.objects.filter(recommendation__translation_key__in=keys)
    states = dict(ResponseState.choices)
    return _figure(
        scope,
        "responses",
        queryset.count(),
        lambda: _years(queryset, "requested_at", ONE),
        state=lambda: _sorted(_rows(queryset, "state", ONE), states),
        agency=lambda: _sorted(_rows(queryset, "agency__name", ONE)),
    )


def pilots(scope):
    queryset = scope.pilots()
    steps = funnel(queryset)

    def stage():
        rows = [(s.label, s.count, str(s.state)) for s in steps["steps"] if steps["total"]]
        if steps["discontinued"]:
            rows.append((PilotState.DISCONTINUED.label, steps["discontinued"], "discontinued"))
        return rows

    return _figure(
        scope,
        "pilots",
        steps["total"],
        lambda: _years(queryset, "start_date", ONE),
        stage=stage,
        pillar=lambda: scope.by_pillar(queryset, ONE),
        sdg=lambda: scope.by_sdg(queryset, ONE),
        agency=lambda: _sorted(_rows(queryset, "involvements__agency__name", ONE)),
    )


def adopted(scope):
    queryset = scope.pilots()
    records = AdoptionRecord.objects.filter(pilot__in=queryset)
    one = Count("pilot", distinct=True)
    return _figure(
        scope,
        "adopted",
        queryset.filter(reached__gte=STAGE_RANK[PilotState.ADOPTED]).count(),
        lambda: _years(records, "adopted_on", one),
        agency=lambda: _sorted(_rows(records, "involvement__agency__name", one)),
        pillar=lambda: scope.by_pillar(records, one, prefix="pilot__"),
    )


def _challenges(scope, key, solved=False):
    queryset = scope.canonical(ChallengePage, ChallengePage.objects.live().public())
    if solved:
        queryset = queryset.filter(status=ChallengeStatus.SOLVED)
    statuses = dict(ChallengeStatus.choices)
    return _figure(
        scope,
        key,
        queryset.count(),
        lambda: _years(queryset, "first_published_at", ONE),
        network_only=True,
        status=lambda: [] if solved else _sorted(_rows(queryset, "status", ONE), statuses),
        agency=lambda: _sorted(_rows(queryset, "owner_agency__name", ONE)),
        pillar=lambda: scope.by_pillar(queryset, ONE),
        sdg=lambda: scope.by_sdg(queryset, ONE),
    )


def challenges(scope):
    return _challenges(scope, "challenges")


def challenges_solved(scope):
    return _challenges(scope, "challenges_solved", solved=True)


def hackathon_entries(scope):
    queryset = Submission.objects.public().filter(hackathon__live=True)
    return _figure(
        scope,
        "hackathon_entries",
        queryset.count(),
        lambda: _years(queryset, "hackathon__hacking_starts_at", ONE),
        network_only=True,
    )


# Every figure, in the dashboard's default order.
FIGURES = {
    "participants": participants,
    "events": events,
    "speakers": speakers,
    "startups": startups,
    "ssos": ssos,
    "cohorts": cohorts,
    "recommendations": recommendations,
    "responses": responses,
    "pilots": pilots,
    "adopted": adopted,
    "organisations": organisations,
    "challenges": challenges,
    "challenges_solved": challenges_solved,
    "hackathon_entries": hackathon_entries,
}


NETWORK_ONLY = {"challenges", "challenges_solved", "hackathon_entries"}


def choices():
    """(key, label) of every figure, for editors choosing what a dashboard shows."""
    return [(key, LABELS[key]) for key in FIGURES]


def figures(programme=None, keys=None, detail=True):
    """[Figure] network-wide (``programme=None``) or for one programme, in ``keys`` order.

    For a programme, figures that have no programme (challenges, hackathon entries) are left
    out."""
    scope = Scope(programme, detail)
    wanted = [key for key in keys or FIGURES if key in FIGURES]
    if programme is not None:
        wanted = [key for key in wanted if key not in NETWORK_ONLY]
    return [FIGURES[key](scope) for key in wanted]


def by_key(programme=None, keys=None, detail=True):
    return {figure.key: figure for figure in figures(programme, keys, detail)}
