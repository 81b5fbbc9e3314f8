"""The adoption funnel: how many pilots reached each stage, counted from the records in one query.

A pilot "reached" a stage when it is there now or went beyond it (``Pilot.reached`` keeps the
furthest stage, so discontinued and extended pilots still count where they got to). Used on
/pilots/, on each agency's page and on each programme's page.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from programs.models.pilots import STAGE_RANK, STAGES
from programs.pilots.workflows import PilotState


@dataclass
class Step:
    state: str
    label: str
    count: int
    percent: int


def funnel(pilots):
    """[Step] for each stage of ``pilots`` (a queryset), plus the discontinued count."""
    counts = pilots.order_by().aggregate(
        total=Count("pk", distinct=True),
        discontinued=Count("pk", filter=Q(state=PilotState.DISCONTINUED), distinct=True),
        **{
            state: Count("pk", filter=Q(reached__gte=STAGE_RANK[state]), distinct=True)
            for state in STAGES
        },
    )
    total = counts["total"] or 0
    steps = [
        Step(
            state,
            PilotState(state).label,
            counts[state],
            round(100 * counts[state] / total) if total else 0,
        )
        for state in STAGES
    ]
    return {"steps": steps, "total": total, "discontinued": counts["discontinued"]}
