"""Programmes, policy recommendations, government responses and adoption records as open data
(see ``portal.datasets``). ``programs/datasets.py`` imports this module, so the registry finds
them with the pilots."""

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from portal.datasets import (
    Dataset,
    Field,
    by,
    by_year,
    live_pages,
    names,
    page_fields,
    page_filters,
    page_path,
    register,
)
from programs.models import (
    AdoptionRecord,
    GovernmentResponse,
    Pilot,
    PolicyRecommendationPage,
    ProgrammePage,
)


def _pages_updated(model):
    return lambda: live_pages(model).aggregate(m=Max("last_published_at"))["m"]


def _programmes():
    return live_pages(ProgrammePage).prefetch_related(
        "funders", "partner_organisations", "pillars", "sdgs", "cities"
    )


PROGRAMMES = register(
    Dataset(
        slug="programmes",
        title=_("Programmes"),
        description=_(
            "The network's sister-city and partnership programmes, one row per language "
            "version. Team contacts are left out."
        ),
        rows=_programmes,
        updated=_pages_updated(ProgrammePage),
        keywords=("programmes", "partnerships"),
        record_url=page_path,
        filters=page_filters(pillar=by("pillars__slug"), year=by_year("start_date")),
        fields=(
            *page_fields(),
            Field(
                "summary", "string", _("Summary"), _("The programme in brief."), translatable=True
            ),
            Field("start_date", "date", _("Start date"), _("The day it started.")),
            Field("end_date", "date", _("End date"), _("The day it ends, if set.")),
            Field("cities", "array", _("Cities"), _("The partner cities."), get=names("cities")),
            Field(
                "funders",
                "array",
                _("Funders"),
                _("The organisations that fund it."),
                get=names("funders"),
            ),
            Field(
                "partner_organisations",
                "array",
                _("Partner organisations"),
                _("The organisations taking part."),
                get=names("partner_organisations"),
            ),
            Field(
                "pillars",
                "array",
                _("Pillars"),
                _("The smart-city pillars it serves."),
                get=names("pillars"),
            ),
            Field(
                "sdgs",
                "array",
                _("SDGs"),
                _("The Sustainable Development Goals it serves."),
                get=names("sdgs"),
            ),
        ),
    )
)


def _recommendations():
    return (
        live_pages(PolicyRecommendationPage)
        .select_related("programme")
        .prefetch_related("pillars", "sdgs", "target_agencies")
    )


RECOMMENDATIONS = register(
    Dataset(
        slug="policy-recommendations",
        title=_("Policy recommendations"),
        description=_(
            "The policy recommendations the network made to the city government, one row per "
            "language version. The agencies' responses are the government-responses dataset, "
            "joined on translation_key."
        ),
        rows=_recommendations,
        updated=_pages_updated(PolicyRecommendationPage),
        keywords=("policy", "recommendations"),
        record_url=page_path,
        filters=page_filters(
            pillar=by("pillars__slug"), agency=by("target_agencies__slug"), year=by_year("date")
        ),
        fields=(
            *page_fields(),
            Field(
                "summary",
                "string",
                _("Summary"),
                _("The recommendation in brief."),
                translatable=True,
            ),
            Field("date", "date", _("Date"), _("The day it was made.")),
            Field("authors", "string", _("Authors"), _("As they appear in the citation.")),
            Field(
                "programme",
                "string",
                _("Programme"),
                _("The programme it came from."),
                get=lambda r: r.programme.title if r.programme else "",
            ),
            Field(
                "target_agencies",
                "array",
                _("Target agencies"),
                _("The agencies asked to respond."),
                get=names("target_agencies"),
            ),
            Field(
                "pillars",
                "array",
                _("Pillars"),
                _("The smart-city pillars it serves."),
                get=names("pillars"),
            ),
            Field(
                "sdgs",
                "array",
                _("SDGs"),
                _("The Sustainable Development Goals it serves."),
                get=names("sdgs"),
            ),
        ),
    )
)


def _public_recommendations():
    return live_pages(PolicyRecommendationPage).values("translation_key")


def _responses():
    return (
        GovernmentResponse.objects.filter(
            recommendation__translation_key__in=_public_recommendations()
        )
        .select_related("recommendation", "agency")
        .order_by("pk")
    )


RESPONSES = register(
    Dataset(
        slug="government-responses",
        title=_("Government responses to policy recommendations"),
        description=_(
            "How each target agency answered each published policy recommendation: accepted, "
            "partially accepted, rejected, implemented or still awaiting a decision."
        ),
        rows=_responses,
        updated=lambda: _responses().aggregate(m=Max("updated_at"))["m"],
        keywords=("policy", "responses", "government"),
        record_url=lambda response: response.recommendation.url or None,
        filters={"agency": by("agency__slug"), "state": by("state")},
        fields=(
            Field(
                "id",
                "integer",
                _("Identifier"),
                _("The response's stable number."),
                get=lambda r: r.pk,
            ),
            Field(
                "recommendation_translation_key",
                "string",
                _("Recommendation"),
                _(
                    "The translation_key of the recommendation in the policy-recommendations "
                    "dataset."
                ),
                get=lambda r: str(r.recommendation.translation_key),
            ),
            Field(
                "recommendation_title",
                "string",
                _("Recommendation title"),
                _("The recommendation's title in its original language."),
                get=lambda r: r.recommendation.title,
            ),
            Field(
                "agency",
                "string",
                _("Agency"),
                _("The agency asked to respond."),
                get=lambda r: r.agency.name,
            ),
            Field(
                "state",
                "string",
                _("Response"),
                _(
                    "pending, under_consideration, accepted, partially_accepted, rejected or "
                    "implemented."
                ),
            ),
            Field("response_text", "string", _("Response text"), _("What the agency answered.")),
            Field("responded_on", "date", _("Response date"), _("The day it answered.")),
            Field("reference", "string", _("Reference"), _("Decree, regulation or letter number.")),
            Field("implemented_on", "date", _("Implemented on"), _("The day it was implemented.")),
        ),
    )
)


def _adoptions():
    return (
        AdoptionRecord.objects.filter(pilot__in=Pilot.objects.published())
        .select_related("pilot", "involvement__agency")
        .order_by("pk")
    )


ADOPTIONS = register(
    Dataset(
        slug="pilot-adoptions",
        title=_("Pilot adoption records"),
        description=_(
            "What government agencies adopted from published pilots: when, on what legal basis, "
            "at what scale and as which city service."
        ),
        rows=_adoptions,
        updated=lambda: _adoptions().aggregate(m=Max("created_at"))["m"],
        keywords=("pilots", "adoption", "services"),
        filters={"agency": by("involvement__agency__slug"), "year": by_year("adopted_on")},
        fields=(
            Field(
                "id",
                "integer",
                _("Identifier"),
                _("The record's stable number."),
                get=lambda a: a.pk,
            ),
            Field(
                "pilot_id",
                "integer",
                _("Pilot"),
                _("The pilot's identifier in the pilots dataset."),
            ),
            Field(
                "pilot",
                "string",
                _("Pilot title"),
                _("The pilot's name."),
                get=lambda a: a.pilot.title,
            ),
            Field(
                "agency",
                "string",
                _("Agency"),
                _("The agency that adopted it."),
                get=lambda a: a.involvement.agency.name,
            ),
            Field("adopted_on", "date", _("Adopted on"), _("The day it was adopted.")),
            Field(
                "legal_basis",
                "string",
                _("Legal basis"),
                _("Decree, regulation or agreement number."),
            ),
            Field("scale", "string", _("Scale"), _("How widely it was adopted.")),
            Field("service", "string", _("Service"), _("What the pilot became.")),
        ),
    )
)

__all__ = ["ADOPTIONS", "PROGRAMMES", "RECOMMENDATIONS", "RESPONSES"]
