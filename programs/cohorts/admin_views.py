"""Program managers' screens: one application's review and decision, and a cohort's selection
results with the three rankings side by side (raw, z-score, reviewer offsets)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.models import ReviewAssignment, TimelineEntry
from portal.reviews.results import results
from portal.services import ActionRefused
from portal.workflow import available_actions
from programs.models import Cohort, CohortApplication

from . import permissions, services


def _require_manager(user):
    if not permissions.can_decide_application(user)[0]:
        raise Http404  # admin access alone is not enough; reveal nothing


def _emails(text):
    return [part.strip().lower() for part in text.replace(";", ",").split(",") if part.strip()]


@require_http_methods(["GET", "POST"])
def decide(request, pk):
    _require_manager(request.user)
    application = get_object_or_404(
        CohortApplication.objects.select_related("cohort__rubric", "organisation"), pk=pk
    )
    comment = request.POST.get("comment", "")[:5000]
    reviewer_emails = request.POST.get("reviewers", "")[:2000]
    if request.method == "POST":
        try:
            if request.POST.get("assign"):
                emails = _emails(reviewer_emails)
                users = list(get_user_model().objects.filter(email__in=emails))
                unknown = set(emails) - {u.email.lower() for u in users}
                if unknown or not users:
                    raise ActionRefused(
                        _("No account has this e-mail address: %(emails)s")
                        % {"emails": ", ".join(sorted(unknown)) or "—"}
                    )
                services.assign_reviewers(request.user, application, users)
                messages.success(request, _("Reviewers assigned and told."))
            else:
                services.take_step(
                    request.user,
                    application,
                    request.POST.get("action", ""),
                    comment=comment,
                    date=parse_date(request.POST.get("date", "") or "") or None,
                    expected_state=request.POST.get("expected_state") or None,
                )
                application.refresh_from_db()
                messages.success(
                    request,
                    _("The application is now “%(state)s”.")
                    % {"state": application.get_state_display()},
                )
        except (ActionRefused, ValueError) as error:
            messages.error(request, str(error))
        else:
            return redirect("cohort_applications:decide", pk=application.pk)
    rubric = application.cohort.rubric
    return TemplateResponse(
        request,
        "programs/cohorts/admin/decide.html",
        {
            "application": application,
            "attachments": application.attachments.all(),
            "assignments": ReviewAssignment.objects.for_item(application)
            .select_related("reviewer", "review")
            .order_by("pk"),
            "result": results([application], rubric)[0] if rubric else None,
            "actions": available_actions(application, request.user),
            "timeline": TimelineEntry.objects.for_object(application).select_related("actor"),
            "comment": comment,
            "reviewer_emails": reviewer_emails,
        },
    )


def selection(request, pk):
    """Every reviewed application of the cohort, ranked three ways, disagreements flagged."""
    _require_manager(request.user)
    cohort = get_object_or_404(Cohort.objects.select_related("rubric"), pk=pk)
    applications = cohort.applications.exclude(state__in=("draft", "withdrawn")).select_related(
        "organisation"
    )
    rows = results(applications, cohort.rubric) if cohort.rubric else []
    return TemplateResponse(
        request,
        "programs/cohorts/admin/selection.html",
        {"cohort": cohort, "rows": rows, "seats_taken": cohort.seats_taken()},
    )
