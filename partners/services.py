"""Every write about organisations and their people: atomic, permission-checked, logged.

Views call these and show ``ActionRefused`` messages to the user; nothing else writes these rows.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partners import permissions
from partners.models import (
    Invitation,
    JoinRequest,
    Membership,
    MembershipRole,
    Organisation,
    VerificationState,
)
from portal.links import link
from portal.notifications.email import enqueue_email
from portal.notifications.services import notify
from portal.permissions import program_managers
from portal.sanitize import sanitize_html
from portal.services import ActionRefused, require

logger = logging.getLogger(__name__)

INVITATION_SALT = "partners.invitation"
INVITATION_MAX_AGE = timedelta(days=14)


@transaction.atomic
def request_organisation(user, **profile) -> Organisation:
    """Anyone signed in may propose an organisation; it stays pending until verified."""
    profile["description"] = str(sanitize_html(profile.get("description", "")))
    organisation = Organisation.objects.create(
        verification_state=VerificationState.PENDING, **profile
    )
    Membership.objects.create(organisation=organisation, user=user, role=MembershipRole.OWNER)
    notify(
        program_managers(),
        title=gettext_lazy("An organisation is waiting for verification"),
        body=organisation.name,
        url=link("organisations:verification", organisation.pk),
        kind="partners.organisation_requested",
    )
    logger.info("Organisation %s requested by %s", organisation.pk, user.pk)
    return organisation


def invitation_token(invitation):
    return signing.dumps({"invitation": invitation.pk}, salt=INVITATION_SALT)


@transaction.atomic
def invite(actor, organisation, *, email, role) -> Invitation:
    require(permissions.can_manage_members(actor, organisation))
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise ActionRefused(_("%(email)s is already a member.") % {"email": email})
    invitation = Invitation.objects.create(
        organisation=organisation, email=email, role=role, invited_by=actor
    )
    address = reverse("partners:invitation", args=[invitation_token(invitation)])
    context = {
        "invitation": invitation,
        "link": f"{settings.SITE_URL}{address}",
        "inviter": actor,
        "days": INVITATION_MAX_AGE.days,
    }
    message = EmailMultiAlternatives(
        subject=_("Join %(organisation)s on %(site)s")
        % {"organisation": organisation.name, "site": settings.WAGTAIL_SITE_NAME},
        body=render_to_string("partners/email/invitation.txt", context),
        to=[email],
    )
    enqueue_email(message)
    logger.info("Invitation %s to %s for %s", invitation.pk, email, organisation.pk)
    return invitation


def invitation_from_token(token) -> Invitation:
    """The invitation a link points to; refuses broken, expired and used links clearly."""
    try:
        data = signing.loads(
            token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE.total_seconds()
        )
    except signing.SignatureExpired as error:
        raise ActionRefused(_("This invitation has expired. Ask for a new one.")) from error
    except signing.BadSignature as error:
        raise ActionRefused(_("This invitation link is not valid.")) from error
    invitation = (
        Invitation.objects.select_related("organisation").filter(pk=data.get("invitation")).first()
    )
    if invitation is None:
        raise ActionRefused(_("This invitation link is not valid."))
    if invitation.accepted_at:
        raise ActionRefused(_("This invitation has already been used."))
    return invitation


@transaction.atomic
def accept_invitation(user, token) -> Membership:
    invitation = invitation_from_token(token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at:
        raise ActionRefused(_("This invitation has already been used."))
    if invitation.email.lower() != user.email.lower():
        raise ActionRefused(
            _("This invitation was sent to %(email)s. Sign in with that address to accept it.")
            % {"email": invitation.email}
        )
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                organisation=invitation.organisation, user=user, role=invitation.role
            )
    except IntegrityError as error:
        raise ActionRefused(_("You are already a member.")) from error
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


def _owners(organisation):
    return Membership.objects.select_for_update().filter(
        organisation=organisation, role=MembershipRole.OWNER
    )


@transaction.atomic
def change_role(actor, membership, role) -> Membership:
    require(permissions.can_manage_members(actor, membership.organisation))
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    demoting_owner = membership.role == MembershipRole.OWNER and role != MembershipRole.OWNER
    if demoting_owner and _owners(membership.organisation).count() <= 1:
        raise ActionRefused(_("An organisation always keeps at least one owner."))
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def remove_membership(actor, membership) -> None:
    """Owners remove anyone; members may leave. The last owner can do neither."""
    if membership.user_id != actor.pk:
        require(permissions.can_manage_members(actor, membership.organisation))
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == MembershipRole.OWNER and _owners(membership.organisation).count() <= 1:
        raise ActionRefused(_("An organisation always keeps at least one owner."))
    membership.delete()


@transaction.atomic
def request_to_join(user, organisation, message="") -> JoinRequest:
    require(permissions.can_request_to_join(user, organisation))
    if JoinRequest.objects.filter(organisation=organisation, user=user, state="pending").exists():
        raise ActionRefused(_("You already asked to join; an owner will answer."))
    join_request = JoinRequest.objects.create(
        organisation=organisation, user=user, message=message.strip()[:2000]
    )
    owners = [m.user for m in organisation.memberships.filter(role="owner").select_related("user")]
    notify(
        owners,
        title=gettext_lazy("Someone asked to join your organisation"),
        body=f"{user} · {organisation.name}",
        url=link("partners:members", organisation.slug),
        kind="partners.join_requested",
    )
    return join_request


@transaction.atomic
def decide_join_request(actor, join_request, *, approve) -> JoinRequest:
    require(permissions.can_manage_members(actor, join_request.organisation))
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if join_request.state != JoinRequest.State.PENDING:
        raise ActionRefused(_("This request was already answered."))
    join_request.state = JoinRequest.State.APPROVED if approve else JoinRequest.State.DECLINED
    join_request.decided_by = actor
    join_request.decided_at = timezone.now()
    join_request.save(update_fields=["state", "decided_by", "decided_at"])
    if approve:
        Membership.objects.get_or_create(
            organisation=join_request.organisation,
            user=join_request.user,
            defaults={"role": MembershipRole.MEMBER},
        )
    notify(
        [join_request.user],
        title=gettext_lazy("Your request to join was approved")
        if approve
        else gettext_lazy("Your request to join was declined"),
        body=join_request.organisation.name,
        kind="partners.join_decided",
    )
    return join_request
