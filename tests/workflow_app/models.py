"""A proposal-like pipeline: draft → submitted → in_review ⇄ changes_requested → decided."""

from django.conf import settings
from django.db import models

from portal.models import Visibility
from portal.workflow import Notice, Pipeline, Transition


class State(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    IN_REVIEW = "in_review", "In review"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


def owner(user, application):
    if user.is_authenticated and application.owner_id == user.pk:
        return True, ""
    return False, "Only the applicant may do this."


def staff(user, application):
    if user.is_authenticated and user.is_staff:
        return True, ""
    return False, "Only program managers may do this."


def tell_owner(application, entry):
    yield Notice([application.owner], title=f"Your application is now {entry.to_state}", url="/")


OPEN = ("draft", "submitted", "in_review", "changes_requested")


class ApplicationPipeline(Pipeline):
    name = "workflow_app.application"
    states = State
    transitions = [
        Transition(
            "submit",
            "Submit",
            ("draft", "changes_requested"),
            "submitted",
            owner,
            notify=tell_owner,
        ),
        Transition(
            "start_review",
            "Start review",
            ("submitted",),
            "in_review",
            staff,
            visibility=Visibility.STAFF,
        ),
        Transition(
            "request_changes",
            "Request changes",
            ("in_review",),
            "changes_requested",
            staff,
            requires_comment=True,
            notify=tell_owner,
        ),
        Transition(
            "accept",
            "Accept",
            ("in_review",),
            "accepted",
            staff,
            visibility=Visibility.PUBLIC,
            notify=tell_owner,
        ),
        Transition("decline", "Decline", ("in_review",), "declined", staff, notify=tell_owner),
        Transition("withdraw", "Withdraw", OPEN, "withdrawn", owner),
        # A step that records something without moving the item: the signed agreement.
        Transition(
            "record_agreement",
            "Record the signed agreement",
            ("accepted",),
            "accepted",
            staff,
            requires_date=True,
            requires_attachment=True,
            visibility=Visibility.STAFF,
        ),
    ]


class Application(models.Model):
    title = models.CharField(max_length=200)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    state = models.CharField(max_length=30, choices=ApplicationPipeline.choices(), default="draft")
    updated_at = models.DateTimeField(auto_now=True)

    workflow = ApplicationPipeline
    # The review machinery's protocol (docs/reviews.md): how a reviewer sees the item.
    review_template = "workflow_app/review_item.html"

    def __str__(self):
        return self.title

    def review_conflict(self, user):
        if user.pk == self.owner_id:
            return "This reviewer submitted the application."
        return ""

    def is_open_for_review(self):
        return self.state in ("submitted", "in_review")
