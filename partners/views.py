"""Member screens for organisations: request one, manage members, invitations, join requests.

Views are thin: they check who may see what (partners.permissions) and call partners.services.
Private pages are never cached; someone else's organisation answers 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from partners import permissions, profile, services
from partners.forms import InvitationForm, JoinRequestForm, OrganisationRequestForm
from partners.models import Invitation, JoinRequest, Membership, MembershipRole, Organisation
from portal.admission import permissions as admission_permissions
from portal.admission.services import invitation_refusal, request_refusal
from portal.ratelimit import rate_limit
from portal.views.confirm import confirm_step


@never_cache
@login_required
def my_organisations(request):
    memberships = request.user.memberships.select_related("organisation").order_by(
        "organisation__name"
    )
    waiting = request.user.join_requests.filter(state=JoinRequest.State.PENDING).select_related(
        "organisation"
    )
    return render(
        request,
        "partners/me/organisations.html",
        {"memberships": memberships, "join_requests": waiting},
    )


@never_cache
@login_required
@rate_limit("partners.request_organisation", limit=5)
def request_organisation(request):
    form = OrganisationRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.request_organisation(request.user, **form.cleaned_data)
        messages.success(
            request,
            _(
                "Thank you. “%(name)s” will appear in the directory once a program manager verifies it."
            )
            % {"name": organisation.name},
        )
        return redirect("partners:members", slug=organisation.slug)
    return render(request, "partners/me/request_organisation.html", {"form": form})


def _organisation_for_member(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not permissions.can_see_members(request.user, organisation)[0]:
        raise Http404
    return organisation


@never_cache
@login_required
@rate_limit("partners.invite", limit=30)
def members(request, slug):
    organisation = _organisation_for_member(request, slug)
    is_owner = permissions.can_manage_members(request.user, organisation)[0]
    form = InvitationForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite(request.user, organisation, **form.cleaned_data)
        except services.ActionRefused as error:
            form.add_error("email", str(error))
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % form.cleaned_data)
            return redirect("partners:members", slug=slug)
    return render(
        request,
        "partners/me/members.html",
        {
            "organisation": organisation,
            "memberships": Paginator(
                organisation.memberships.select_related("user").order_by("user__email"), 50
            ).get_page(request.GET.get("page")),
            "join_requests": organisation.join_requests.filter(state="pending").select_related(
                "user"
            )
            if is_owner
            else [],
            "invitations": organisation.invitations.filter(
                state=Invitation.State.PENDING
            ).select_related("invited_by")
            if is_owner
            else [],
            "is_owner": is_owner,
            "can_edit_profile": permissions.can_edit_profile(request.user, organisation)[0],
            "form": form,
            "roles": MembershipRole.choices,
        },
    )


@never_cache
@login_required
@rate_limit("partners.edit_profile", limit=30)
def edit_profile(request, slug):
    """Owners and editors edit the public profile; anyone else gets 404 (never 403)."""
    organisation = _organisation_for_member(request, slug)
    if not permissions.can_edit_profile(request.user, organisation)[0]:
        raise Http404
    form = profile.OrganisationProfileForm(
        request.POST or None, request.FILES or None, instance=organisation
    )
    if request.method == "POST" and form.is_valid():
        try:
            profile.update_profile(request.user, organisation, **form.cleaned_data)
        except services.ActionRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("The profile was saved.")
                if organisation.is_public
                else _("The profile was saved. It appears once a program manager verifies it."),
            )
            return redirect("partners:members", slug=slug)
    return render(
        request, "partners/me/edit_profile.html", {"organisation": organisation, "form": form}
    )


def _act(request, slug, action):
    try:
        action()
    except services.ActionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Done."))
    if Membership.objects.filter(organisation__slug=slug, user=request.user).exists():
        return redirect("partners:members", slug=slug)
    return redirect("partners:mine")


@never_cache
@login_required
@require_POST
def change_role(request, slug, pk):
    organisation = _organisation_for_member(request, slug)
    membership = get_object_or_404(Membership, pk=pk, organisation=organisation)
    return _act(
        request,
        slug,
        lambda: services.change_role(request.user, membership, request.POST.get("role", "")),
    )


@never_cache
@login_required
@require_POST
def remove_member(request, slug, pk):
    organisation = _organisation_for_member(request, slug)
    membership = get_object_or_404(Membership, pk=pk, organisation=organisation)
    return _act(request, slug, lambda: services.remove_membership(request.user, membership))


@never_cache
@login_required
@require_POST
def decide_join(request, slug, pk):
    organisation = _organisation_for_member(request, slug)
    join_request = get_object_or_404(JoinRequest, pk=pk, organisation=organisation)
    approve = request.POST.get("decision") == "approve"
    return _act(
        request,
        slug,
        lambda: services.decide_join_request(request.user, join_request, approve=approve),
    )


@never_cache
@login_required
@rate_limit("partners.join", limit=10)
def join(request, slug):
    organisation = get_object_or_404(Organisation.objects.verified(), slug=slug)
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_to_join(request.user, organisation, form.cleaned_data["message"])
        except services.ActionRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your request was sent to the organisation's owners."))
            return redirect("partners:mine")
    return render(request, "partners/me/join.html", {"organisation": organisation, "form": form})


@never_cache
@login_required
def invitation(request, token):
    try:
        invitation = services.invitation_from_token(token)
    except services.ActionRefused as error:
        return render(request, "partners/me/invitation.html", {"error": str(error)}, status=404)
    if request.method == "POST":
        try:
            services.accept_invitation(request.user, token)
        except services.ActionRefused as error:
            return render(request, "partners/me/invitation.html", {"error": str(error)}, status=403)
        messages.success(
            request, _("Welcome to %(name)s.") % {"name": invitation.organisation.name}
        )
        return redirect("partners:members", slug=invitation.organisation.slug)
    return render(request, "partners/me/invitation.html", {"invitation": invitation})


@never_cache
@login_required
def withdraw_request(request, pk):
    """The person who asked takes a waiting request back, after confirming; others get 404."""
    join_request = get_object_or_404(
        JoinRequest.objects.select_related("organisation"), pk=pk, user=request.user
    )
    name = join_request.organisation.name
    return confirm_step(
        request,
        run=lambda: services.withdraw_join_request(request.user, join_request),
        heading=_("Withdraw your request"),
        question=_("Withdraw your request to join %(name)s? Its owners will no longer see it.")
        % {"name": name},
        button=_("Withdraw my request"),
        back=reverse("partners:mine"),
        done=_("Your request to join %(name)s was withdrawn.") % {"name": name},
        refusal=request_refusal(join_request),
    )


@never_cache
@login_required
def revoke_invitation(request, slug, pk):
    """The inviter or an owner takes a waiting invitation back, after confirming."""
    organisation = _organisation_for_member(request, slug)
    invitation = get_object_or_404(Invitation, pk=pk, organisation=organisation)
    if not admission_permissions.may_revoke(request.user, invitation):
        raise Http404
    return confirm_step(
        request,
        run=lambda: services.revoke_invitation(request.user, invitation),
        heading=_("Revoke the invitation"),
        question=_("Revoke the invitation to %(email)s? Its link will no longer work.")
        % {"email": invitation.email},
        button=_("Revoke the invitation"),
        back=reverse("partners:members", args=[slug]),
        done=_("The invitation to %(email)s was revoked.") % {"email": invitation.email},
        refusal=invitation_refusal(invitation),
    )
