"""Who belongs to which organisation, with which role; invitations and requests to join (their
fields, states and pipelines come from portal.admission)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.admission.models import AdmissionInvitation, AdmissionRequest


class MembershipRole(models.TextChoices):
    OWNER = "owner", _("Owner")
    EDITOR = "editor", _("Editor")
    MEMBER = "member", _("Member")
    LIAISON = "liaison", _("Agency liaison")


class Membership(models.Model):
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=MembershipRole.choices)
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="one_membership_each")
        ]

    def __str__(self):
        return f"{self.user} · {self.organisation} ({self.get_role_display()})"


class Invitation(AdmissionInvitation):
    """An owner's invitation by e-mail; the link carries a signed, expiring token."""

    group_field = "organisation"

    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.CASCADE, related_name="invitations"
    )
    role = models.CharField(_("role"), max_length=20, choices=MembershipRole.choices)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]


class JoinRequest(AdmissionRequest):
    group_field = "organisation"

    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.CASCADE, related_name="join_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests"
    )

    class Meta:
        verbose_name = _("request to join")
        verbose_name_plural = _("requests to join")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=models.Q(state="pending"),
                name="one_pending_join_request",
            )
        ]
