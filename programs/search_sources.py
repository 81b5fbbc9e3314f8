"""What programs adds to the site search (portal/search/sources.py): programmes, policy
recommendations, published pilot projects and published accelerator cohorts. Registered in
wagtail_hooks.py."""

from django.utils.translation import gettext_lazy as _

from portal.search.highlight import plain
from portal.search.sources import SearchSource, page_urls, page_year, pillar_slugs
from programs.models import (
    AcceleratorIndexPage,
    Cohort,
    Pilot,
    PilotIndexPage,
    PolicyRecommendationPage,
    ProgrammePage,
)


def _sub_route_urls(index_model, route):
    """(records, locale) -> {pk: url} for records shown at ``<index>/<slug>/``, a sub-route of
    the locale's index page (pilots under /pilots/, cohorts under /accelerator/)."""

    def urls(records, locale):
        index = index_model.objects.live().filter(locale=locale).first()
        if index is None:
            return {}
        base = index.url
        return {
            record.pk: base + index.reverse_subpage(route, kwargs={"slug": record.slug})
            for record in records
        }

    return urls


def _pilot_text(pilot):
    # The lead organisation first: a pilot found by its name shows that name marked.
    lead = pilot.lead_organisation.name if pilot.lead_organisation_id else ""
    parts = (lead, pilot.summary, pilot.problem, pilot.solution)
    return " · ".join(part for part in parts if part)


def _cohort_text(cohort):
    return " ".join(part for part in (cohort.local_summary, cohort.local_theme) if part)


def search_sources():
    return [
        SearchSource(
            slug="programmes",
            label=_("Programme"),
            label_plural=_("Programmes"),
            public=lambda: ProgrammePage.objects.live().public().prefetch_related("pillars"),
            urls=page_urls,
            text=lambda page: " ".join((page.summary, plain(page.body))),
            pillars=pillar_slugs,
            year=lambda page: page.start_date.year,
            is_page=True,
            page_models=(ProgrammePage,),
            order=10,
        ),
        SearchSource(
            slug="policy",
            label=_("Policy recommendation"),
            label_plural=_("Policy recommendations"),
            public=lambda: (
                PolicyRecommendationPage.objects.live().public().prefetch_related("pillars")
            ),
            urls=page_urls,
            text=lambda page: " ".join((page.summary, plain(page.body))),
            pillars=pillar_slugs,
            year=lambda page: page.date.year if page.date else page_year(page),
            is_page=True,
            page_models=(PolicyRecommendationPage,),
            order=25,
        ),
        SearchSource(
            slug="pilots",
            label=_("Pilot project"),
            label_plural=_("Pilot projects"),
            public=lambda: (
                Pilot.objects.published()
                .select_related("lead_organisation")
                .prefetch_related("pillars")
            ),
            urls=_sub_route_urls(PilotIndexPage, "pilot"),
            text=_pilot_text,
            pillars=pillar_slugs,
            year=lambda pilot: pilot.year,
            order=15,
        ),
        SearchSource(
            slug="cohorts",
            label=_("Accelerator cohort"),
            label_plural=_("Accelerator cohorts"),
            public=lambda: Cohort.objects.public().prefetch_related("pillars"),
            urls=_sub_route_urls(AcceleratorIndexPage, "cohort"),
            text=_cohort_text,
            title=lambda cohort: cohort.local_title,
            pillars=pillar_slugs,
            year=lambda cohort: cohort.starts_on.year,
            order=18,
        ),
    ]
