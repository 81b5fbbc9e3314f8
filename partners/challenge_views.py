"""Member screens for agency liaisons: list, draft, edit and submit their agency's challenges.

Thin: partners.permissions decides, partners.challenges writes. Anyone who may not draft for
the agency gets 404, as for every private object; a liaison whose draft is locked (in moderation
or live) is told why.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import Locale, WorkflowState

from partners import challenges, permissions
from partners.forms import ChallengeForm
from partners.models import ChallengePage, Membership, MembershipRole, Organisation
from portal.ratelimit import rate_limit

PAGE_SIZE = 20


def _liaison_agencies(user):
    return Organisation.objects.agencies().filter(
        pk__in=Membership.objects.filter(user=user, role=MembershipRole.LIAISON).values(
            "organisation"
        )
    )


@never_cache
@login_required
def my_challenges(request):
    agencies = list(_liaison_agencies(request.user).order_by("name"))
    queryset = (
        ChallengePage.objects.filter(
            owner_agency__in=agencies, locale=Locale.get_default(), alias_of__isnull=True
        )
        .select_related("owner_agency")
        .order_by("-latest_revision_created_at", "-pk")
    )
    page_obj = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    # One query for the whole page rather than page.workflow_in_progress on each row.
    in_moderation = set(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type__app_label="wagtailcore",
            base_content_type__model="page",
            object_id__in=[str(c.pk) for c in page_obj.object_list],
        ).values_list("object_id", flat=True)
    )
    rows = []
    for challenge in page_obj.object_list:
        moderated = str(challenge.pk) in in_moderation
        if challenge.live:
            state = _("Published")
        elif moderated:
            state = _("Waiting for approval")
        else:
            state = _("Draft")
        rows.append(
            {"page": challenge, "state": state, "editable": not (challenge.live or moderated)}
        )
    return render(
        request,
        "partners/me/challenges.html",
        {"agencies": agencies, "rows": rows, "page_obj": page_obj},
    )


def _agency_for_new(request):
    slug = request.GET.get("agency", "")
    if slug:
        agency = Organisation.objects.agencies().filter(slug=slug).first()
    else:  # a liaison of exactly one agency need not choose
        agencies = list(_liaison_agencies(request.user)[:2])
        agency = agencies[0] if len(agencies) == 1 else None
    if agency is None or not permissions.can_draft_challenge(request.user, agency)[0]:
        raise Http404
    return agency


def _challenge_for_editor(request, page_id):
    page = get_object_or_404(
        ChallengePage.objects.select_related("owner_agency"),
        pk=page_id,
        alias_of__isnull=True,
    )
    if not permissions.can_draft_challenge(request.user, page.owner_agency)[0]:
        raise Http404
    return page


def _refused(request, reason):
    messages.error(request, reason)
    return redirect("partners:challenges")


@never_cache
@login_required
@rate_limit("partners.challenge_draft", limit=20)
def new_challenge(request):
    agency = _agency_for_new(request)
    form = ChallengeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            page = challenges.draft_challenge(request.user, agency, **form.cleaned_data)
        except challenges.ActionRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Draft saved. Submit it for publication when it is ready."),
            )
            return redirect("partners:challenge_edit", page_id=page.pk)
    return render(
        request, "partners/me/challenge_form.html", {"form": form, "agency": agency, "page": None}
    )


@never_cache
@login_required
def edit_challenge(request, page_id):
    page = _challenge_for_editor(request, page_id)
    allowed, reason = permissions.can_edit_challenge(request.user, page)
    if not allowed:
        return _refused(request, reason)
    draft = page.get_latest_revision_as_object()
    initial = {
        "title": draft.title,
        "summary": draft.summary,
        "pillars": list(draft.pillars.all()),
        "sdgs": list(draft.sdgs.all()),
        "response_deadline": draft.response_deadline,
    }
    for name in challenges.TEXT_FIELDS:
        initial[name] = challenges.html_to_text(getattr(draft, name))
    form = ChallengeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            challenges.update_challenge(request.user, page, **form.cleaned_data)
        except challenges.ActionRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Draft saved."))
            return redirect("partners:challenge_edit", page_id=page.pk)
    return render(
        request,
        "partners/me/challenge_form.html",
        {"form": form, "agency": page.owner_agency, "page": page, "draft": draft},
    )


@never_cache
@login_required
@require_POST
def submit_challenge(request, page_id):
    page = _challenge_for_editor(request, page_id)
    try:
        challenges.submit_challenge(request.user, page)
    except challenges.ActionRefused as error:
        return _refused(request, str(error))
    messages.success(
        request,
        _("Submitted. A program manager will review the challenge before it is published."),
    )
    return redirect("partners:challenges")
