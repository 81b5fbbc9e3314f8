"""The admin side of milestones, shared by every concrete model: a filter set (state, overdue,
awaiting review), a viewset base with export, and the review screen where program managers
accept the evidence or request changes through the same ``services.take_step``."""

import django_filters
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from portal.admin_viewsets import PortalModelViewSet

from . import permissions
from .forms import StepForm
from .views import steps_for, take_posted_step, timeline_of
from .workflows import OUTSTANDING


class MilestoneFilterSet(WagtailFilterSet):
    """Subclass with ``Meta.model`` and the parent's filters (``fields = ["state", …]``)."""

    overdue = django_filters.BooleanFilter(
        label=_("Overdue (due date passed, work still owed)"), method="filter_overdue"
    )

    def filter_overdue(self, queryset, name, value):
        overdue = {"due_on__lt": timezone.localdate(), "state__in": OUTSTANDING}
        if value is True:
            return queryset.filter(**overdue)
        if value is False:
            return queryset.exclude(**overdue)
        return queryset


class MilestoneViewSet(PortalModelViewSet):
    """Base of a concrete milestone model's admin: list, filters, export, add and edit the
    title and due date (the state moves only on the review screen), review."""

    icon = "tick-inverse"
    ordering = ["due_on", "pk"]
    # The review screen shows a milestone (its private file only through the checked view).
    inspect_view_enabled = False
    delete_view_enabled = False
    search_fields = ["title", "title_id", "evidence"]
    review_template = "portal/admin/milestone_review.html"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("review/<id:pk>/", self.review_view, name="review"),
        ]

    def get_review_queryset(self):
        return self.model.objects.all()

    def review_view(self, request, pk):
        if not permissions.can_review(request.user)[0]:
            raise Http404  # admin access alone is not enough; reveal nothing
        milestone = get_object_or_404(self.get_review_queryset(), pk=pk)
        actions = steps_for(milestone, request.user)
        form = StepForm(
            request.POST or None, request.FILES or None, milestone=milestone, actions=actions
        )
        if request.method == "POST":
            if take_posted_step(request, milestone, form):
                return redirect(f"{self.name}:review", pk=milestone.pk)
            messages.error(request, _("The milestone was not changed."))
        return TemplateResponse(
            request,
            self.review_template,
            {
                "milestone": milestone,
                "subject": milestone.subject_label(),
                "actions": actions,
                "form": form,
                "timeline": timeline_of(milestone, request.user),
                "evidence_url": milestone.evidence_url() if milestone.evidence_file else "",
                "index_url": f"{self.name}:index",
            },
        )
