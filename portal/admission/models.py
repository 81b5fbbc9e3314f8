"""Abstract bases for a request to join a group and an invitation into it.

A concrete model (in its own app, with its own table) subclasses one, adds the foreign key to
its group with ``related_name="join_requests"`` or ``"invitations"``, and names that field in
``group_field``. Its ``Meta`` may subclass the base's (ordering, constraints of its own).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .workflows import InvitationPipeline, InvitationState, JoinRequestPipeline, RequestState


class AdmissionItem(models.Model):
    group_field = ""  # the foreign key to the group, e.g. "organisation" or "team"

    created_at = models.DateTimeField(gettext_lazy("sent"), auto_now_add=True)

    class Meta:
        abstract = True

    @property
    def group(self):
        return getattr(self, self.group_field)

    @property
    def group_id(self):
        return getattr(self, f"{self.group_field}_id")


class AdmissionRequest(AdmissionItem):
    """Someone asks to join; whoever admits people into the group approves or declines."""

    State = RequestState
    workflow = JoinRequestPipeline

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )  # subclasses give it their own related_name
    message = models.TextField(gettext_lazy("message"), blank=True, max_length=2000)
    state = models.CharField(
        max_length=20, choices=JoinRequestPipeline.choices(), default=RequestState.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(gettext_lazy("decided"), null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.user} → {self.group}"

    @property
    def is_pending(self):
        return self.state == RequestState.PENDING

    # The role a person joins with when the request is approved.
    admission_role = "member"


class AdmissionInvitation(AdmissionItem):
    """Someone who admits people into the group invites an e-mail address."""

    State = InvitationState
    workflow = InvitationPipeline

    email = models.EmailField(gettext_lazy("e-mail address"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(
        max_length=20, choices=InvitationPipeline.choices(), default=InvitationState.PENDING
    )
    accepted_at = models.DateTimeField(gettext_lazy("accepted"), null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.email} → {self.group}"

    @property
    def is_pending(self):
        return self.state == InvitationState.PENDING

    @property
    def admission_role(self):
        """The role the person joins with (a ``role`` field when the model has one)."""
        return getattr(self, "role", "") or "member"

    def wrong_address_message(self):
        """Why someone signed in with another address may not answer this invitation."""
        return _(
            "This invitation was sent to %(email)s. Sign in with that address to accept it."
        ) % {"email": self.email}
