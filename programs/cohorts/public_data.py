"""The accelerator's public dataset: start-ups' verified outcomes (``portal.datasets``), so
open data and the API carry what the start-up's path shows. ``programs/datasets.py`` imports
this module, so the registry finds it."""

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.datasets import Dataset, Field, by, by_year, register

from .outcomes import public_outcomes


def _outcomes():
    """Verified outcomes of published cohorts' start-ups whose organisation is public."""
    return (
        public_outcomes()
        .filter(member__organisation__verification_state="verified")
        .select_related("member__organisation", "member__cohort")
        .order_by("pk")
    )


OUTCOMES = register(
    Dataset(
        slug="startup-outcomes",
        title=_("Start-up outcomes"),
        description=_(
            "What the accelerator's start-ups reported and program managers verified: funding "
            "raised, jobs, customers, pilots started and services adopted, per cohort."
        ),
        rows=_outcomes,
        updated=lambda: _outcomes().aggregate(m=Max("verified_at"))["m"],
        keywords=("accelerator", "start-ups", "outcomes"),
        filters={
            "cohort": by("member__cohort__slug"),
            "kind": by("kind"),
            "year": by_year("period_on"),
        },
        fields=(
            Field(
                "id",
                "integer",
                _("Identifier"),
                _("The outcome's stable number."),
                get=lambda o: o.pk,
            ),
            Field(
                "startup",
                "string",
                _("Start-up"),
                _("The start-up that reported it."),
                get=lambda o: o.member.organisation.name,
            ),
            Field(
                "cohort",
                "string",
                _("Cohort"),
                _("The cohort the start-up took part in."),
                get=lambda o: o.member.cohort.title,
            ),
            Field(
                "cohort_slug",
                "string",
                _("Cohort slug"),
                _("The cohort's name in its address."),
                get=lambda o: o.member.cohort.slug,
            ),
            Field(
                "kind",
                "string",
                _("Kind"),
                _("What was counted: funding_idr, jobs, customers, pilots or services."),
            ),
            Field("value", "integer", _("Value"), _("The figure (rupiah for funding).")),
            Field("period_on", "date", _("As of"), _("The date or end of the period reported.")),
            Field(
                "verified_on",
                "date",
                _("Verified on"),
                _("When a program manager verified it."),
                get=lambda o: timezone.localdate(o.verified_at) if o.verified_at else None,
            ),
        ),
    )
)
