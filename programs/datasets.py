"""The programmes app's public datasets (see ``portal.datasets``)."""

from django.db.models import Max, Prefetch
from django.utils.translation import gettext_lazy as _

from portal.datasets import Dataset, Field, register
from programs.models import Pilot, PilotAgency


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


def _agencies(pilot, adopted_only=False):
    return [
        i.agency.name for i in pilot.involvements.all() if not adopted_only or i.state == "adopted"
    ]


PILOTS = register(
    Dataset(
        slug="pilots",
        title=_("Pilot projects"),
        description=_(
            "Every published pilot project: its stage, lead organisation, the agencies involved "
            "and which of them adopted it."
        ),
        rows=_pilots,
        updated=lambda: Pilot.objects.published().aggregate(m=Max("updated_at"))["m"],
        keywords=("pilots", "sandbox", "adoption"),
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
        ),
    )
)
