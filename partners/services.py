"""Every write about organisations and their people: atomic, permission-checked, logged.

Views call these and show ``ActionRefused`` messages to the user; nothing else writes these rows.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
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
from portal.admission import services as admission
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


def invite(actor, organisation, *, email, role) -> Invitation:
    return admission.invite(actor, organisation, email=email, role=role)


def send_invitation_email(invitation):
    """The invitation's e-mail with its signed link (queued in the caller's transaction)."""
    address = reverse("partners:invitation", args=[invitation_token(invitation)])
    context = {
        "invitation": invitation,
        "link": f"{settings.SITE_URL}{address}",
        "inviter": invitation.invited_by,
        "days": INVITATION_MAX_AGE.days,
    }
    message = EmailMultiAlternatives(
        subject=_("Join %(organisation)s on %(site)s")
        % {"organisation": invitation.organisation.name, "site": settings.WAGTAIL_SITE_NAME},
        body=render_to_string("partners/email/invitation.txt", context),
        to=[invitation.email],
    )
    enqueue_email(message)


def invitation_from_token(token) -> Invitation:
    """The invitation a link points to; refuses broken, expired and answered links clearly."""
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
    reason = admission.invitation_refusal(invitation)
    if reason:
        raise ActionRefused(reason)
    return invitation


@transaction.atomic
def accept_invitation(user, token) -> Membership:
    return admission.accept(user, invitation_from_token(token))


def revoke_invitation(actor, invitation) -> Invitation:
    return admission.revoke(actor, invitation)


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


def request_to_join(user, organisation, message="") -> JoinRequest:
    return admission.request_to_join(user, organisation, message.strip()[:2000])


def decide_join_request(actor, join_request, *, approve) -> JoinRequest:
    return admission.decide(actor, join_request, approve=approve)


def withdraw_join_request(user, join_request) -> JoinRequest:
    return admission.withdraw(user, join_request)
