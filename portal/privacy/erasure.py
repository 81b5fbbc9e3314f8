"""Deleting a member's account.

The account row stays (proposals, registrations, reviews and timeline entries point at it, and
the portal's public records and figures must not change), but everything that identifies the
person is erased: name, e-mail addresses, password, sessions, second factors, notifications and
e-mails waiting for them. What the apps hold is theirs to erase, through two hooks (the core never
imports the apps):

- ``register_account_deletion_blockers``: ``fn(user) -> [message, ...]``; any message refuses the
  deletion with that message (e.g. the sole owner of an organisation that has other members must
  hand it over first).
- ``register_account_erasure``: ``fn(user)``, run inside the deletion's transaction, erases or
  anonymises the app's rows about the person.
"""

import logging
import re
from functools import reduce
from operator import or_

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.log_actions import log

from portal.models import Notification, OutgoingEmail, User
from portal.permissions import is_program_manager
from portal.services import ActionRefused, require

logger = logging.getLogger(__name__)

BLOCKERS_HOOK = "register_account_deletion_blockers"
ERASURE_HOOK = "register_account_erasure"
ERASED_DOMAIN = "erased.invalid"  # RFC 2606: can never be a real address


def deletion_blockers(user):
    """What stops ``user``'s account from being deleted now, as messages for them."""
    messages = []
    if user.is_superuser:
        messages.append(_("Administrator accounts are removed by another administrator."))
    for blockers in hooks.get_hooks(BLOCKERS_HOOK):
        messages.extend(blockers(user))
    return messages


def may_delete(actor, user):
    if actor.pk == user.pk:
        return True, ""
    if is_program_manager(actor):
        return True, ""
    return False, _("You may only delete your own account.")


@transaction.atomic
def delete_account(actor, user):
    """Erase ``user``'s personal data; ``actor`` is the member or a program manager on request."""
    require(may_delete(actor, user))
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.erased_at:
        raise ActionRefused(_("This account has already been deleted."))
    blockers = deletion_blockers(user)
    if blockers:
        raise ActionRefused(" ".join(str(message) for message in blockers))
    for erase in hooks.get_hooks(ERASURE_HOOK):
        erase(user)
    # Last: the apps' hooks log what they undo (a cancelled registration is labelled with
    # the member's name), and those labels are scrubbed with all the earlier ones.
    _erase_core(user)
    log(instance=user, action="portal.account_erased", user=None if actor.pk == user.pk else actor)
    logger.info(
        "Account %s erased (by %s)", user.pk, "the member" if actor.pk == user.pk else actor.pk
    )
    return user


def _erase_core(user):
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from wagtail.models import ModelLogEntry

    addresses = {
        user.email,
        *EmailAddress.objects.filter(user=user).values_list("email", flat=True),
    }
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    Notification.objects.filter(recipient=user).delete()
    # What they followed and how they wanted to hear about it (portal/follows).
    user.follows.all().delete()
    user.follow_preferences.all().delete()
    user.digest_entries.all().delete()
    # E-mails still waiting for them, and sent ones kept for a while, hold the address.
    OutgoingEmail.objects.filter(recipients__in=addresses).delete()
    # Audit entries about the account were labelled with its e-mail address.
    ModelLogEntry.objects.filter(
        content_type__app_label="portal", content_type__model="user", object_id=str(user.pk)
    ).update(label=_("Former member"))
    _scrub_audit_labels([user.name, *addresses])
    user.email = f"erased-{user.pk}@{ERASED_DOMAIN}"
    user.name = ""
    user.is_active = False
    user.is_staff = False
    user.groups.clear()
    user.user_permissions.clear()
    # A new password hash ends every session: Django checks it on each request.
    user.set_unusable_password()
    user.erased_at = timezone.now()
    user.save()


def _scrub_audit_labels(identifiers):
    """The site history labels entries with the object's text at the time ("Sari Wulandari ·
    Kampung Kita (Owner)"): the person's name and addresses in any label become "Former
    member". Whole words only, so a short name does not eat into other words."""
    from wagtail.models import ModelLogEntry

    needles = sorted({i.strip() for i in identifiers if i and len(i.strip()) >= 3}, key=len)
    if not needles:
        return
    pattern = re.compile(
        "|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in reversed(needles)), re.IGNORECASE
    )
    former = str(_("Former member"))
    matches = ModelLogEntry.objects.filter(reduce(or_, (Q(label__icontains=n) for n in needles)))
    for entry in matches.only("pk", "label"):
        label = pattern.sub(former, entry.label)
        if label != entry.label:
            ModelLogEntry.objects.filter(pk=entry.pk).update(label=label)
