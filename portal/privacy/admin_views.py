"""Admin → Data requests: a program manager answers a member's request to see or delete their
data (found by e-mail address). Anyone else gets 404."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from portal.models import User
from portal.permissions import is_program_manager
from portal.services import ActionRefused

from .downloads import personal_data_response
from .erasure import delete_account, deletion_blockers
from .forms import ConfirmErasureForm, FindMemberForm


def _require_manager(request):
    if not is_program_manager(request.user):
        raise Http404


def find_member(request):
    _require_manager(request)
    form = FindMemberForm(request.GET or None)
    member = None
    if form.is_valid():
        member = User.objects.filter(
            email__iexact=form.cleaned_data["email"], erased_at__isnull=True
        ).first()
        if member is None:
            form.add_error("email", _("No member has this e-mail address."))
    return TemplateResponse(
        request,
        "portal/admin/data_requests.html",
        {
            "form": form,
            "member": member,
            "blockers": deletion_blockers(member) if member else [],
            "erase_form": ConfirmErasureForm(member=member) if member else None,
        },
    )


def export_member(request, pk):
    _require_manager(request)
    return personal_data_response(get_object_or_404(User, pk=pk, erased_at__isnull=True))


def erase_member(request, pk):
    _require_manager(request)
    member = get_object_or_404(User, pk=pk, erased_at__isnull=True)
    form = ConfirmErasureForm(request.POST or None, member=member)
    if request.method == "POST" and form.is_valid():
        try:
            delete_account(request.user, member)
        except ActionRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("The account and its personal data have been deleted."))
            return redirect("data_requests")
    return TemplateResponse(
        request,
        "portal/admin/data_requests.html",
        {
            "form": FindMemberForm(initial={"email": member.email}),
            "member": member,
            "blockers": deletion_blockers(member),
            "erase_form": form,
        },
    )
