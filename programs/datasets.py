"""The programmes app's public datasets (see ``portal.datasets``)."""

from django.db.models import Max, Prefetch
from django.utils.translation import gettext_lazy as _

from portal.datasets import (
    Dataset,
    Field,
    by,
    index_url,
    record_path,
    register,
    url_field,
    with_base,
)
from programs import public_data  # noqa: F401  (programmes, policy, responses, adoptions)
from programs.cohorts import public_data as cohort_data  # noqa: F401  (start-up outcomes)
from programs.models import Pilot, PilotAgency, PilotIndexPage
from programs.pilots.public import in_district


def _pilots():
    return (
        Pilot.objects.published()
        .select_related("lead_organisation")
        .prefetch_related(
            "pillars",
            Prefetch("involvements", queryset=PilotAgency.objects.select_related("agency")),
        )
        .order_by("pk")
    )


def _year(queryset, value):
    return queryset.filter(start_date__year=int(value))  # not a number: ValueError, the API's 400


# The filters of the public /pilots/ page, by the same values (slugs, stage names, years).
FILTERS = {
    "pillar": lambda queryset, value: queryset.filter(pillars__slug=value).distinct(),
    "agency": lambda queryset, value: queryset.filter(involvements__agency__slug=value).distinct(),
    "stage": lambda queryset, value: queryset.filter(state=value),
    "year": _year,
    "origin": by("origin"),
    "district": in_district,
    "programme": by("programme__slug"),
}


def _agencies(pilot, adopted_only=False):
    return [
        i.agency.name for i in pilot.involvements.all() if not adopted_only or i.state == "adopted"
    ]


def _pilot_rows():
    """The pilots, each knowing the tracker's path for its own address."""
    return with_base(_pilots(), index_url(PilotIndexPage))


PILOTS = register(
    Dataset(
        slug="pilots",
        title=_("Pilot projects"),
        description=_(
            "Every published pilot project: its stage, lead organisation, the agencies involved "
            "and which of them adopted it."
        ),
        rows=_pilot_rows,
        updated=lambda: Pilot.objects.published().aggregate(m=Max("updated_at"))["m"],
        keywords=("pilots", "sandbox", "adoption"),
        filters=FILTERS,
        fields=(
            Field(
                "id",
                "integer",
                _("Identifier"),
                _("The pilot's stable number."),
                get=lambda p: p.pk,
            ),
            Field("slug", "string", _("Slug"), _("The pilot's name in its web address.")),
            Field("title", "string", _("Title"), _("The pilot's name.")),
            Field("summary", "string", _("Summary"), _("What the pilot does, in brief.")),
            Field(
                "title_id",
                "string",
                _("Title (Bahasa Indonesia)"),
                _("The pilot's name in Bahasa Indonesia; empty when not translated."),
            ),
            Field(
                "summary_id",
                "string",
                _("Summary (Bahasa Indonesia)"),
                _("What the pilot does, in Bahasa Indonesia; empty when not translated."),
            ),
            Field(
                "stage",
                "string",
                _("Stage"),
                _(
                    "Where the pilot is: proposed, approved, running, evaluated, adopted, "
                    "discontinued."
                ),
                get=lambda p: p.state,
            ),
            Field(
                "origin",
                "string",
                _("Origin"),
                _(
                    "Where the pilot came from: a proposal, a challenge, a hackathon, a cohort "
                    "or directly."
                ),
            ),
            Field(
                "lead_organisation",
                "string",
                _("Lead organisation"),
                _("The organisation that runs the pilot."),
                get=lambda p: p.lead_organisation.name,
            ),
            Field(
                "agencies",
                "array",
                _("Agencies"),
                _("The government agencies involved."),
                get=_agencies,
            ),
            Field(
                "adopted_by",
                "array",
                _("Adopted by"),
                _("The agencies that adopted the pilot as a city service."),
                get=lambda p: _agencies(p, adopted_only=True),
            ),
            Field(
                "pillars",
                "array",
                _("Pillars"),
                _("The smart-city pillars it serves."),
                get=lambda p: [pillar.name for pillar in p.pillars.all()],
            ),
            Field("districts", "array", _("Districts"), _("The districts it runs in.")),
            Field("start_date", "date", _("Start date"), _("The day the pilot started.")),
            Field("end_date", "date", _("End date"), _("The day the pilot ended or ends.")),
            Field("budget_idr", "integer", _("Budget (IDR)"), _("The budget in rupiah.")),
            Field("funding_source", "string", _("Funding source"), _("Who pays for it.")),
            url_field(_("The pilot's public page.")),
        ),
        record_url=record_path,
    )
)
from programs.impact import dataset as _impact  # noqa: E402,F401
