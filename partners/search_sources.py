"""What partners adds to the site search (portal/search/sources.py): verified organisations,
government agencies and published sandbox challenges. Registered in wagtail_hooks.py."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from partners.models import (
    AgencyIndexPage,
    ChallengePage,
    Organisation,
    OrganisationKind,
    PartnerIndexPage,
)
from portal.search.highlight import plain
from portal.search.sources import SearchSource, page_urls, page_year, pillar_slugs


def _public_organisations():
    return Organisation.objects.verified().prefetch_related("pillars")


def _profile_urls(directory_model):
    def urls(organisations, locale):
        directory = directory_model.objects.live().filter(locale=locale or Locale.get_active())
        directory = directory.first()
        if directory is None:
            return {}
        return {org.pk: directory.profile_url(org) for org in organisations}

    return urls


def _organisation_text(org):
    return " ".join(part for part in (plain(org.description), org.city, org.country) if part)


def _challenge_text(page):
    return " ".join(plain(part) for part in (page.summary, page.problem_statement) if part)


def search_sources():
    return [
        SearchSource(
            slug="organisations",
            label=_("Organisation"),
            label_plural=_("Organisations"),
            public=lambda: _public_organisations().exclude(kind=OrganisationKind.AGENCY),
            urls=_profile_urls(PartnerIndexPage),
            text=_organisation_text,
            pillars=pillar_slugs,
            year=lambda org: org.founding_year,
            order=40,
        ),
        SearchSource(
            slug="agencies",
            label=_("Government agency"),
            label_plural=_("Government agencies"),
            public=lambda: _public_organisations().filter(kind=OrganisationKind.AGENCY),
            urls=_profile_urls(AgencyIndexPage),
            text=_organisation_text,
            pillars=pillar_slugs,
            order=45,
        ),
        SearchSource(
            slug="challenges",
            label=_("Challenge"),
            label_plural=_("Challenges"),
            public=lambda: ChallengePage.objects.live().public().prefetch_related("pillars"),
            urls=page_urls,
            text=_challenge_text,
            pillars=pillar_slugs,
            year=page_year,
            is_page=True,
            page_models=(ChallengePage,),
            order=20,
        ),
    ]
