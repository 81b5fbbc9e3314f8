"""The program managers' board: every pilot by stage, with overdue agency reviews flagged."""

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.template.response import TemplateResponse

from programs.models import Pilot, PilotAgency

from . import permissions
from .workflows import PilotState

CARDS_PER_COLUMN = 40


def board(request):
    if not permissions.can_manage(request.user)[0]:
        raise Http404
    pilots = (
        Pilot.objects.select_related("lead_organisation")
        .annotate(
            overdue=Count("involvements", filter=Q(involvements__in=PilotAgency.objects.overdue()))
        )
        .prefetch_related(
            Prefetch("involvements", queryset=PilotAgency.objects.select_related("agency"))
        )
        .order_by("-updated_at", "-pk")
    )
    columns = {state: [] for state in PilotState.values}
    counts = dict.fromkeys(PilotState.values, 0)
    for pilot in pilots:
        counts[pilot.state] += 1
        if len(columns[pilot.state]) < CARDS_PER_COLUMN:
            columns[pilot.state].append(pilot)
    board = [(value, label, counts[value], columns[value]) for value, label in PilotState.choices]
    return TemplateResponse(request, "programs/pilots/admin/board.html", {"board": board})
