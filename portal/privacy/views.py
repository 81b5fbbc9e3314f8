"""/me/delete/: a member deletes their own account (portal.privacy.erasure)."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal.services import ActionRefused

from .erasure import delete_account, deletion_blockers
from .forms import DeleteAccountForm


@never_cache
@login_required
def delete_own_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    blockers = deletion_blockers(request.user)
    if request.method == "POST" and not blockers and form.is_valid():
        try:
            delete_account(request.user, request.user)
        except ActionRefused as refused:
            messages.error(request, str(refused))
        else:
            logout(request)
            messages.success(request, _("Your account and your personal data have been deleted."))
            return redirect("/")
    return render(request, "portal/me/delete_account.html", {"form": form, "blockers": blockers})
