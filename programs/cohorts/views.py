"""Member screens for cohort applications under /me/accelerator/: apply, draft, submit, follow,
withdraw. Thin: ``permissions`` decides, ``services`` writes. Anything private answers 404 to
those without access, and is never cached."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from partners.models import Organisation
from portal.models import TimelineEntry
from portal.ratelimit import rate_limit
from portal.services import ActionRefused
from portal.uploads import private_file_response
from portal.workflow import available_actions
from programs.models import Cohort, CohortApplication, CohortApplicationAttachment

from . import permissions, services
from .forms import ApplicationForm, StartForm, StepForm

PAGE_SIZE = 20


def _eligible_organisations(user, cohort):
    return (
        Organisation.objects.verified()
        .filter(
            memberships__user=user,
            memberships__role__in=permissions.WRITERS,
            kind__in=cohort.kinds,
        )
        .distinct()
        .order_by("name")
    )


@never_cache
@login_required
def my_applications(request):
    applications = (
        CohortApplication.objects.for_member(request.user)
        .select_related("cohort", "organisation")
        .order_by("-updated_at")
    )
    page_obj = Paginator(applications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "programs/cohorts/me/list.html",
        {
            "page_obj": page_obj,
            "applications": page_obj.object_list,
            "open_cohorts": Cohort.objects.public()
            .filter(opens_at__lte=timezone.now(), closes_at__gt=timezone.now())
            .order_by("closes_at")[:5],
        },
    )


@never_cache
@login_required
@rate_limit("programs.cohort_apply", limit=20)
def apply(request, slug):
    cohort = get_object_or_404(Cohort.objects.public(), slug=slug)
    organisations = _eligible_organisations(request.user, cohort)
    form = StartForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.start_application(
                request.user, cohort, form.cleaned_data["organisation"]
            )
        except ActionRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Draft created. Save as often as you like."))
            return redirect("programs:cohort_application_edit", pk=application.pk)
    return render(
        request,
        "programs/cohorts/me/apply.html",
        {"cohort": cohort, "form": form, "organisations": organisations},
    )


def _application_for(request, pk):
    application = get_object_or_404(
        CohortApplication.objects.select_related("cohort", "organisation", "created_by"), pk=pk
    )
    if not permissions.can_view_application(request.user, application)[0]:
        raise Http404
    return application


@never_cache
@login_required
def detail(request, pk):
    from portal.models import ReviewAssignment

    application = _application_for(request, pk)
    timeline = list(
        TimelineEntry.objects.for_object(application)
        .visible_to(request.user, is_participant=True)
        .select_related("actor")
    )
    for entry in timeline:
        entry.to_label = CohortApplication.workflow.state_label(entry.to_state)
    feedback = [
        assignment.review.comment_for_applicant
        for assignment in ReviewAssignment.objects.for_item(application)
        .filter(review__submitted_at__isnull=False)
        .exclude(review__comment_for_applicant="")
        .select_related("review")
        .order_by("pk")
    ]
    return render(
        request,
        "programs/cohorts/me/detail.html",
        {
            "application": application,
            "attachments": application.attachments.all(),
            "timeline": timeline,
            "feedback": feedback,
            "actions": available_actions(application, request.user),
            "can_edit": permissions.can_edit_application(request.user, application)[0],
            "step_form": StepForm(initial={"expected_state": application.state}),
        },
    )


@never_cache
@login_required
@rate_limit("programs.cohort_save", limit=200)
def edit(request, pk):
    application = _application_for(request, pk)
    allowed, reason = permissions.can_edit_application(request.user, application)
    if not allowed:
        messages.error(request, reason)
        return redirect("programs:cohort_application", pk=application.pk)
    form = ApplicationForm(request.POST or None, request.FILES or None, instance=application)
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "answers": form.answers()}
        try:
            application = services.save_draft(request.user, application, data)
        except ActionRefused as error:
            form.add_error(None, str(error))
        else:
            refused = []
            for uploaded in form.cleaned_data.get("attachments") or []:
                try:
                    services.add_attachment(request.user, application, uploaded)
                except ActionRefused as error:
                    refused.append(str(error))
            if refused:
                # The text is saved; only the refused files are missing, each with its reason.
                for message in refused:
                    form.add_error("attachments", message)
                messages.warning(request, _("Your draft was saved, but some files were refused."))
            else:
                messages.success(request, _("Draft saved."))
                if request.POST.get("then") == "submit":
                    return _step(request, application, "submit")
                return redirect("programs:cohort_application_edit", pk=application.pk)
    return render(
        request,
        "programs/cohorts/me/edit.html",
        {"application": application, "form": form, "attachments": application.attachments.all()},
    )


def _step(request, application, name, comment="", expected_state=None):
    try:
        services.take_step(
            request.user, application, name, comment=comment, expected_state=expected_state
        )
    except ActionRefused as error:
        messages.error(request, str(error))
        if name == "submit" and application.is_editable:
            return redirect("programs:cohort_application_edit", pk=application.pk)
    else:
        application.refresh_from_db()
        messages.success(
            request,
            _("The application is now “%(state)s”.") % {"state": application.get_state_display()},
        )
    return redirect("programs:cohort_application", pk=application.pk)


@never_cache
@login_required
@require_POST
def step(request, pk):
    application = _application_for(request, pk)
    form = StepForm(request.POST)
    form.is_valid()
    return _step(
        request,
        application,
        request.POST.get("action", ""),
        comment=form.cleaned_data.get("comment", ""),
        expected_state=form.cleaned_data.get("expected_state") or None,
    )


@never_cache
@login_required
def attachment(request, pk, attachment_pk):
    application = _application_for(request, pk)
    item = get_object_or_404(CohortApplicationAttachment, pk=attachment_pk, application=application)
    return private_file_response(item.file, filename=item.name, mime=item.mime_type)


@never_cache
@login_required
@require_POST
def remove_attachment(request, pk, attachment_pk):
    application = _application_for(request, pk)
    item = get_object_or_404(CohortApplicationAttachment, pk=attachment_pk, application=application)
    try:
        services.remove_attachment(request.user, item)
    except ActionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("“%(name)s” was removed.") % {"name": item.name})
    return redirect("programs:cohort_application_edit", pk=application.pk)
