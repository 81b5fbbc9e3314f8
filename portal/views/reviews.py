"""The reviewer's pages: /me/reviews/ (assignments) and /me/reviews/<pk>/ (the review form).

Thin: portal.reviews.permissions decides who sees what, portal.reviews.services writes. Someone
else's assignment, or one with a conflict of interest, answers 404. Private: never cached.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal.models import Review, ReviewAssignment
from portal.reviews import permissions, services
from portal.reviews.forms import ReviewForm

PAGE_SIZE = 20


@never_cache
@login_required
def my_reviews(request):
    assignments = (
        ReviewAssignment.objects.for_reviewer(request.user)
        .select_related("review", "rubric")
        .prefetch_related("item")
    )
    progress = assignments.aggregate(
        total=Count("pk"), done=Count("pk", filter=Q(review__submitted_at__isnull=False))
    )
    page_obj = Paginator(assignments, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/reviews/my_reviews.html",
        {"page_obj": page_obj, "assignments": page_obj.object_list, **progress},
    )


def _assignment_for(request, pk):
    assignment = get_object_or_404(
        ReviewAssignment.objects.select_related("rubric"), pk=pk, reviewer=request.user
    )
    if not permissions.can_see_assignment(request.user, assignment)[0]:
        raise Http404
    return assignment


def _initial(review):
    if review is None:
        return {}
    initial = {
        "recommendation": review.recommendation,
        "comment_for_staff": review.comment_for_staff,
        "comment_for_applicant": review.comment_for_applicant,
    }
    initial.update({f"criterion_{s.criterion_id}": s.score for s in review.scores.all()})
    return initial


@never_cache
@login_required
def review(request, pk):
    assignment = _assignment_for(request, pk)
    review = (
        Review.objects.filter(assignment=assignment).prefetch_related("scores__criterion").first()
    )
    is_open, closed_reason = permissions.can_review(request.user, assignment)
    locked = review is not None and review.is_submitted
    if request.method == "POST" and (locked or not is_open):
        messages.error(
            request, _("This review can no longer be changed.") if locked else closed_reason
        )
        return redirect("portal:review", pk=assignment.pk)
    form = ReviewForm(
        request.POST if request.method == "POST" else None,
        rubric=assignment.rubric,
        initial=_initial(review),
    )
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        try:
            services.save_review(
                request.user,
                assignment,
                scores=form.scores(),
                recommendation=form.cleaned_data["recommendation"],
                comment_for_staff=form.cleaned_data["comment_for_staff"],
                comment_for_applicant=form.cleaned_data["comment_for_applicant"],
                submit=submit,
            )
        except services.ReviewRefused as error:
            # Each problem goes next to its field; what the reviewer typed stays in the form.
            for field, message in error.errors.items():
                form.add_error(field if field in form.fields else None, message)
            if not error.errors:
                form.add_error(None, str(error))
        else:
            if submit:
                messages.success(request, _("Thank you. Your review is submitted."))
                return redirect("portal:my_reviews")
            messages.success(request, _("Your draft is saved."))
            return redirect("portal:review", pk=assignment.pk)
    item = assignment.item
    return render(
        request,
        "portal/reviews/review.html",
        {
            "assignment": assignment,
            "item": item,
            "item_template": getattr(item, "review_template", ""),
            "review": review,
            "locked": locked,
            "is_open": is_open,
            "closed_reason": closed_reason,
            "form": form,
        },
    )
