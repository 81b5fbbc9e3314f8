"""Admin screens for program managers: the review queue and one proposal's review and decision."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail import hooks

from partners import permissions
from partners.models import Proposal
from portal.models import ReviewAssignment, TimelineEntry
from portal.reviews.services import results
from portal.services import ActionRefused
from portal.workflow import available_actions

from . import services

QUEUE_STATES = ("submitted", "in_review", "changes_requested")


def _require_manager(user):
    if not permissions.can_decide_proposal(user)[0]:
        raise Http404  # admin access alone is not enough; reveal nothing


def review_queue(request):
    """Proposals waiting for program managers, oldest submission first."""
    _require_manager(request.user)
    proposals = (
        Proposal.objects.filter(state__in=QUEUE_STATES)
        .select_related("call", "organisation")
        .order_by("submitted_at", "pk")
    )
    counts = _review_counts([p.pk for p in proposals])
    rows = [(proposal, *counts.get(str(proposal.pk), (0, 0))) for proposal in proposals]
    return TemplateResponse(request, "partners/admin/review_queue.html", {"rows": rows})


def _review_counts(pks):
    """{proposal pk (str): (assigned, submitted)} in one query."""
    from django.contrib.contenttypes.models import ContentType

    rows = (
        ReviewAssignment.objects.filter(
            content_type=ContentType.objects.get_for_model(Proposal),
            object_id__in=[str(pk) for pk in pks],
        )
        .values("object_id")
        .annotate(
            assigned=Count("pk"),
            done=Count("pk", filter=Q(review__submitted_at__isnull=False)),
        )
    )
    return {row["object_id"]: (row["assigned"], row["done"]) for row in rows}


def _emails(text):
    return [part.strip().lower() for part in text.replace(";", ",").split(",") if part.strip()]


@require_http_methods(["GET", "POST"])
def decide(request, pk):
    _require_manager(request.user)
    proposal = get_object_or_404(
        Proposal.objects.select_related("call__rubric", "organisation"), pk=pk
    )
    comment = request.POST.get("comment", "")[:5000]
    reviewer_emails = request.POST.get("reviewers", "")[:2000]
    if request.method == "POST":
        try:
            if request.POST.get("assign"):
                users = list(get_user_model().objects.filter(email__in=_emails(reviewer_emails)))
                unknown = set(_emails(reviewer_emails)) - {u.email.lower() for u in users}
                if unknown or not users:
                    raise ActionRefused(
                        _("No account has this e-mail address: %(emails)s")
                        % {"emails": ", ".join(sorted(unknown)) or "—"}
                    )
                services.assign_reviewers(request.user, proposal, users)
                messages.success(request, _("Reviewers assigned and told."))
            else:
                services.take_step(
                    request.user,
                    proposal,
                    request.POST.get("action", ""),
                    comment=comment,
                    expected_state=request.POST.get("expected_state") or None,
                )
                proposal.refresh_from_db()
                messages.success(
                    request,
                    _("The proposal is now “%(state)s”.") % {"state": proposal.get_state_display()},
                )
        except ActionRefused as error:
            messages.error(request, str(error))
        else:
            return redirect("proposals:decide", pk=proposal.pk)
    assignments = (
        ReviewAssignment.objects.for_item(proposal)
        .select_related("reviewer", "review")
        .prefetch_related("review__scores__criterion")
        .order_by("pk")
    )
    rubric = proposal.call.rubric
    return TemplateResponse(
        request,
        "partners/admin/decide.html",
        {
            "proposal": proposal,
            "attachments": proposal.attachments.all(),
            "assignments": assignments,
            "result": results([proposal], rubric)[0] if rubric else None,
            "actions": available_actions(proposal, request.user),
            # Links other apps offer here (programs: "start a pilot" once accepted).
            "extra_links": [
                link
                for hook in hooks.get_hooks("partners_proposal_decision_links")
                if (link := hook(request, proposal))
            ],
            "timeline": TimelineEntry.objects.for_object(proposal).select_related("actor"),
            "comment": comment,
            "reviewer_emails": reviewer_emails,
        },
    )
