"""Hackathon submissions, screenshots, People's Choice votes, awards, declared conflicts and the
pairwise finals (Crowd-BT). States move only through the workflow engine
(events/hackathons/workflows.py); every write goes through events/hackathons/ services."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from events.hackathons.workflows import SubmissionPipeline, SubmissionState
from portal.uploads import private_storage

PUBLIC_STATES = (SubmissionState.SUBMITTED, SubmissionState.JUDGED, SubmissionState.AWARDED)


class Licence(models.TextChoices):
    MIT = "MIT", "MIT"
    APACHE = "Apache-2.0", "Apache 2.0"
    GPL = "GPL-3.0", "GPL 3.0"
    AGPL = "AGPL-3.0", "AGPL 3.0"
    MPL = "MPL-2.0", "MPL 2.0"
    CC_BY = "CC-BY-4.0", "CC BY 4.0"
    PROPRIETARY = "proprietary", _("All rights reserved")


def _deck_path(instance, filename):
    return f"hackathons/decks/{uuid.uuid4().hex}.pdf"


def _screenshot_path(instance, filename):
    extension = "png" if filename.lower().endswith(".png") else "jpg"
    return f"hackathons/screenshots/{uuid.uuid4().hex}.{extension}"


class SubmissionQuerySet(models.QuerySet):
    def public(self):
        """What the gallery shows: submitted or later, not disqualified, not hidden."""
        return self.filter(state__in=PUBLIC_STATES, hidden_from_gallery=False)


class Submission(index.Indexed, models.Model):
    hackathon = models.ForeignKey(
        "events.HackathonPage",
        verbose_name=_("hackathon"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    team = models.OneToOneField(
        "events.Team", verbose_name=_("team"), on_delete=models.CASCADE, related_name="submission"
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=SubmissionPipeline.choices(),
        default=SubmissionState.DRAFT,
        db_index=True,
    )
    title = models.CharField(_("title"), max_length=150, blank=True)
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    description = models.TextField(_("description"), max_length=10000, blank=True)
    problem = models.TextField(_("problem"), max_length=5000, blank=True)
    repository_url = models.URLField(_("repository"), blank=True)
    demo_url = models.URLField(_("demo"), blank=True)
    video_url = models.URLField(_("video"), blank=True)
    pitch_deck = models.FileField(
        _("pitch deck"), storage=private_storage, upload_to=_deck_path, blank=True
    )
    technologies = models.CharField(
        _("technologies"), max_length=300, blank=True, help_text=_("Separated by commas.")
    )
    licence = models.CharField(_("licence"), max_length=20, choices=Licence.choices, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    hidden_from_gallery = models.BooleanField(
        _("hidden from the gallery"), default=False, help_text=_("Moderation by staff.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SubmissionQuerySet.as_manager()
    workflow = SubmissionPipeline
    # Site search (portal/search): only what the gallery shows, filtered at query time.
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("tagline", boost=2),
        index.SearchField("description"),
        index.SearchField("problem"),
        index.SearchField("technologies"),
        index.RelatedFields("team", [index.SearchField("name")]),
        index.FilterField("state"),
        index.FilterField("hidden_from_gallery"),
        index.FilterField("title"),
        index.RelatedFields("hackathon", [index.FilterField("live")]),
    ]
    review_template = "events/hackathons/review_item.html"

    class Meta:
        verbose_name = _("hackathon submission")
        verbose_name_plural = _("hackathon submissions")
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title or gettext("Untitled project of %(team)s") % {"team": self.team}

    def public_pages(self):
        """The hackathon shows its gallery, finalists and awards (portal/cache.py)."""
        return [self.hackathon]

    @property
    def is_public(self):
        return self.state in PUBLIC_STATES and not self.hidden_from_gallery

    @property
    def technology_list(self):
        return [t.strip() for t in self.technologies.split(",") if t.strip()]

    # --- Review protocol (portal.reviews, docs/reviews.md) --------------------------------
    def review_conflict(self, user):
        if self.team.memberships.filter(user=user).exists():
            return gettext("This judge is a member of the team.")
        from partners.models import Membership

        # The team's own organisation, or any organisation a team member belongs to.
        members = self.team.memberships.values("user")
        if (
            Membership.objects.filter(user=user)
            .filter(
                Q(organisation_id=self.team.organisation_id)
                | Q(organisation__memberships__user__in=members)
            )
            .exists()
        ):
            return gettext("This judge belongs to the team's organisation.")
        if DeclaredConflict.objects.filter(judge=user, team_id=self.team_id).exists():
            return gettext("This judge declared a conflict of interest with the team.")
        return ""

    def is_open_for_review(self):
        return self.state == SubmissionState.SUBMITTED

    def can_become_pilot(self):
        """Awarded, with a start-up organisation to lead the pilot (contract with programs)."""
        return self.state == SubmissionState.AWARDED and self.team.organisation_id is not None


class Screenshot(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="screenshots")
    image = models.FileField(_("image"), upload_to=_screenshot_path)
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("screenshot")
        verbose_name_plural = _("screenshots")
        ordering = ["pk"]

    def __str__(self):
        return self.caption or self.image.name


class Vote(models.Model):
    """A member's People's Choice vote: one per member per hackathon; re-voting replaces it."""

    hackathon = models.ForeignKey(
        "events.HackathonPage", on_delete=models.CASCADE, related_name="votes"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hackathon_votes"
    )
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="votes")
    created_at = models.DateTimeField(_("cast"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("People's Choice vote")
        verbose_name_plural = _("People's Choice votes")
        constraints = [
            models.UniqueConstraint(fields=["hackathon", "user"], name="one_vote_per_hackathon"),
        ]

    def __str__(self):
        return f"{self.user} → {self.submission}"


class VoteAudit(models.Model):
    """Every cast and change of a vote, for staff: who, when, from what, to what, from where."""

    hackathon = models.ForeignKey(
        "events.HackathonPage", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="+")
    previous = models.ForeignKey(
        Submission, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("vote record")
        verbose_name_plural = _("vote records")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.user} → {self.submission}"


class Award(models.Model):
    hackathon = models.ForeignKey(
        "events.HackathonPage", on_delete=models.CASCADE, related_name="awards"
    )
    track = models.ForeignKey(
        "events.Track",
        verbose_name=_("track"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="awards",
    )
    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="awards"
    )
    title = models.CharField(_("award"), max_length=200)
    title_id = models.CharField(_("award (Bahasa Indonesia)"), max_length=200, blank=True)
    prize = models.CharField(_("prize"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["track__sort_order", "pk"]

    def __str__(self):
        return f"{self.title}: {self.submission}"


class DeclaredConflict(models.Model):
    """A judge's own declaration: "I must not judge this team" (a friend, a client, an investor)."""

    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="declared_conflicts"
    )
    team = models.ForeignKey("events.Team", on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("declared conflict")
        verbose_name_plural = _("declared conflicts")
        constraints = [
            models.UniqueConstraint(fields=["judge", "team"], name="one_declared_conflict"),
        ]

    def __str__(self):
        return f"{self.judge} ✕ {self.team}"


class Finalist(models.Model):
    """A submission in the pairwise finals, with its Crowd-BT quality estimate (mu, sigma²)."""

    submission = models.OneToOneField(Submission, on_delete=models.CASCADE, related_name="finalist")
    mu = models.FloatField(default=0.0)
    sigma_sq = models.FloatField(default=1.0)

    class Meta:
        verbose_name = _("finalist")
        verbose_name_plural = _("finalists")
        ordering = ["-mu", "pk"]

    def __str__(self):
        return str(self.submission)


class FinalsJudge(models.Model):
    """A judge in the finals: their reliability (alpha, beta) and the pair they are looking at."""

    hackathon = models.ForeignKey(
        "events.HackathonPage", on_delete=models.CASCADE, related_name="+"
    )
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    alpha = models.FloatField(default=10.0)
    beta = models.FloatField(default=1.0)
    current = models.ForeignKey(
        Finalist, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    previous = models.ForeignKey(
        Finalist, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["hackathon", "judge"], name="one_finals_judge"),
        ]

    def __str__(self):
        return str(self.judge)


class Comparison(models.Model):
    hackathon = models.ForeignKey(
        "events.HackathonPage", on_delete=models.CASCADE, related_name="+"
    )
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    winner = models.ForeignKey(Finalist, on_delete=models.CASCADE, related_name="+")
    loser = models.ForeignKey(Finalist, on_delete=models.CASCADE, related_name="+")
    # The judge's pair before this vote, so an undo puts the same pair back on screen.
    previous_before = models.ForeignKey(
        Finalist, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    undone = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.winner} > {self.loser}"
