"""Partner pipelines, declared for the portal's workflow engine (docs/workflow.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Visibility
from portal.workflow import Pipeline, Transition

from .permissions import can_moderate_organisations


class VerificationState(models.TextChoices):
    PENDING = "pending", _("Pending verification")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")
    SUSPENDED = "suspended", _("Suspended")


PENDING, VERIFIED, REJECTED, SUSPENDED = VerificationState.values


class OrganisationVerification(Pipeline):
    """pending → verified | rejected; verified ⇄ suspended. Only verified ones are public."""

    name = "partners.organisation_verification"
    field = "verification_state"
    states = VerificationState
    transitions = [
        Transition("verify", _("Verify"), (PENDING,), VERIFIED, can_moderate_organisations,
                   visibility=Visibility.PUBLIC),
        Transition("reject", _("Reject"), (PENDING,), REJECTED, can_moderate_organisations,
                   requires_comment=True),
        Transition("suspend", _("Suspend"), (VERIFIED,), SUSPENDED, can_moderate_organisations,
                   requires_comment=True),
        Transition("reinstate", _("Reinstate"), (SUSPENDED,), VERIFIED,
                   can_moderate_organisations, visibility=Visibility.PUBLIC),
    ]  # fmt: skip
