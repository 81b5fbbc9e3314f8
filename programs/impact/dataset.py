"""The "impact-figures" open dataset: every impact figure by year, network-wide and per
programme, read from ``programs.impact.figures`` (the dashboard's own numbers)."""

import zlib
from operator import itemgetter

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from portal.datasets import Dataset, Field, register
from programs.impact.figures import figures
from programs.models import ProgrammePage


def _rows():
    """One row per (figure, network or programme, year), plus each figure's all-time total
    (``year`` empty): a distinct count (speakers, start-ups) is not the sum of its years."""
    scopes = [(None, "")] + [
        (programme, programme.slug)
        for programme in ProgrammePage.objects.live()
        .public()
        .filter(locale__language_code="en")
        .order_by("pk")
    ]
    rows = []
    for programme, slug in scopes:
        for figure in figures(programme):
            label = str(figure.label)
            for year, value in [(None, figure.total), *figure.by_year]:
                rows.append(
                    {
                        "id": row_id(figure.key, slug, year),
                        "figure": figure.key,
                        "label": label,
                        "programme": slug,
                        "year": year,
                        "value": value,
                    }
                )
    return rows


def row_id(figure, programme, year):
    """A row's stable number: the same figure, scope and year keep it whatever else changes
    (a checksum of the three, so the API can answer /api/v1/impact-figures/<id>/)."""
    return zlib.crc32(f"{figure}/{programme or 'network'}/{year or 'all'}".encode())


def _updated():
    return ProgrammePage.objects.live().aggregate(m=Max("last_published_at"))["m"]


IMPACT_FIGURES = register(
    Dataset(
        slug="impact-figures",
        title=_("Impact figures"),
        description=_(
            "The figures of the impact dashboard, counted from the portal's published records: "
            "participants, events, speakers, start-ups supported, support organisations "
            "trained, policy recommendations and responses, pilots and their adoption, partner "
            "organisations, challenges and hackathon entries, by year, for the whole network "
            "and for each programme."
        ),
        rows=_rows,
        updated=_updated,
        keywords=("impact", "figures", "indicators"),
        fields=(
            Field(
                "id",
                "integer",
                _("Id"),
                _("The row's stable number: the same figure, programme and year keep it."),
                get=itemgetter("id"),
            ),
            Field(
                "figure",
                "string",
                _("Figure"),
                _("The figure's stable key (participants, events, pilots…)."),
                get=itemgetter("figure"),
            ),
            Field(
                "label",
                "string",
                _("Label"),
                _("What the figure counts, in the language of the download."),
                get=itemgetter("label"),
            ),
            Field(
                "programme",
                "string",
                _("Programme"),
                _("The programme's slug; empty for the whole network."),
                get=itemgetter("programme"),
            ),
            Field(
                "year",
                "year",
                _("Year"),
                _("The calendar year counted; empty for the all-time total."),
                get=itemgetter("year"),
            ),
            Field(
                "value",
                "integer",
                _("Value"),
                _("The number counted from the records."),
                get=itemgetter("value"),
            ),
        ),
    )
)
