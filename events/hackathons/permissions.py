"""The one place that answers "may this user do X in this hackathon", with the reason.

Each rule returns ``(allowed, reason)``. Deadlines are read from the canonical page and compared
with the server clock (aware datetimes; shown in Asia/Jakarta), never with anything the browser
sent. Private things (team screens, drafts, pitch decks, judge screens) answer 404 to others.
"""

from allauth.account.models import EmailAddress
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from portal.permissions import is_program_manager


def can_manage_hackathons(user, obj=None):
    if is_program_manager(user):
        return True, ""
    return False, _("Only program managers manage hackathons.")


def is_verified_member(user):
    """Signed in, active, with a verified e-mail address (allauth's mandatory verification)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return EmailAddress.objects.filter(user=user, verified=True).exists()


def membership(user, team):
    if not (user and user.is_authenticated):
        return None
    return team.memberships.filter(user=user).first()


def is_team_member(user, team):
    return membership(user, team) is not None


def is_leader(user, team):
    found = membership(user, team)
    return bool(found and found.role == "leader")


def teams_open(hackathon, now=None):
    """Teams form and change from registration opening until the submission deadline closes
    registration (whichever of registration close and the deadline comes first)."""
    now = now or timezone.now()
    if now < hackathon.registration_opens_at:
        return False, _("Registration for this hackathon has not opened yet.")
    if now >= min(hackathon.registration_closes_at, hackathon.submission_deadline):
        return False, _("Registration for this hackathon is closed: teams can no longer change.")
    return True, ""


GOVERNMENT_KINDS = ("agency", "sister_city")


def may_compete(user, hackathon):
    """The hackathon's eligibility rule (``competitors``): who may be in a competing team."""
    if hackathon.competitors == "not_government":
        from partners.models import Membership

        if Membership.objects.filter(user=user, organisation__kind__in=GOVERNMENT_KINDS).exists():
            return False, _(
                "Government employees may mentor in this hackathon but not compete, so you "
                "cannot form or join a team. Ask the organisers about mentoring."
            )
    return True, ""


def can_create_team(user, hackathon):
    if not is_verified_member(user):
        return False, _("Sign in with a verified e-mail address to form a team.")
    allowed, reason = may_compete(user, hackathon)
    if not allowed:
        return allowed, reason
    allowed, reason = teams_open(hackathon)
    if not allowed:
        return allowed, reason
    from events.models import TeamMembership

    if TeamMembership.objects.filter(hackathon=hackathon, user=user).exists():
        return False, _("You are already in a team for this hackathon.")
    return True, ""


def can_join(user, team):
    allowed, reason = can_create_team(user, team.hackathon)
    if not allowed:
        return allowed, reason
    if team.memberships.count() >= team.hackathon.max_team_size:
        return False, _("This team is full (at most %(max)s people).") % {
            "max": team.hackathon.max_team_size
        }
    return True, ""


def can_manage_team(user, team):
    if not is_leader(user, team):
        return False, _("Only the team leader does this.")
    return teams_open(team.hackathon)


def can_leave(user, team):
    if not is_team_member(user, team):
        return False, _("You are not in this team.")
    return teams_open(team.hackathon)


def before_deadline(hackathon, now=None):
    if (now or timezone.now()) >= hackathon.submission_deadline:
        return False, _("The submission deadline has passed: the project can no longer change.")
    return True, ""


def can_edit_submission(user, submission):
    if not is_team_member(user, submission.team):
        return False, _("Only the team's members edit its project.")
    if submission.state not in ("draft", "submitted"):
        return False, _("This project can no longer change.")
    return before_deadline(submission.hackathon)


def submission_window_open(hackathon, now=None):
    """Projects are submitted from the start of hacking until the deadline (drafts may be
    written before)."""
    now = now or timezone.now()
    if now < hackathon.hacking_starts_at:
        starts = date_format(timezone.localtime(hackathon.hacking_starts_at), "DATETIME_FORMAT")
        return False, _(
            "Hacking starts on %(starts)s (Jakarta time): projects can be submitted from then "
            "until the deadline."
        ) % {"starts": starts}
    return before_deadline(hackathon, now)


def can_submit(user, submission):
    allowed, reason = can_edit_submission(user, submission)
    if not allowed:
        return allowed, reason
    hackathon = submission.hackathon
    allowed, reason = submission_window_open(hackathon)
    if not allowed:
        return allowed, reason
    size = submission.team.memberships.count()
    if size < hackathon.min_team_size:
        return False, _("Your team has %(size)s people; it needs at least %(min)s to submit.") % {
            "size": size,
            "min": hackathon.min_team_size,
        }
    if size > hackathon.max_team_size:
        return False, _("Your team has %(size)s people; at most %(max)s may submit.") % {
            "size": size,
            "max": hackathon.max_team_size,
        }
    missing = [
        label
        for field, label in (
            ("title", _("title")),
            ("tagline", _("tagline")),
            ("description", _("description")),
        )
        if not getattr(submission, field).strip()
    ]
    if missing:
        return False, _("Fill in before submitting: %(fields)s.") % {"fields": ", ".join(missing)}
    if submission.team.track_id is None:
        return False, _("Choose a track for your team before submitting.")
    return True, ""


def can_see_submission(user, submission):
    """Team members, program managers, and judges assigned to it; the public sees it in the
    gallery once submitted (and not disqualified or hidden)."""
    if submission.is_public:
        return True, ""
    if is_program_manager(user) or is_team_member(user, submission.team):
        return True, ""
    return False, _("This project is not public.")


def voting_open(hackathon, now=None):
    now = now or timezone.now()
    if not hackathon.peoples_choice:
        return False, _("This hackathon has no People's Choice vote.")
    if now < hackathon.submission_deadline:
        return False, _("Voting opens when the submission deadline passes.")
    if now >= hackathon.voting_closes_at:
        return False, _("Voting for the People's Choice is closed.")
    return True, ""


def can_vote(user, submission):
    if not is_verified_member(user):
        return False, _("Sign in with a verified e-mail address to vote.")
    allowed, reason = voting_open(submission.hackathon)
    if not allowed:
        return allowed, reason
    if not submission.is_public:
        return False, _("This project is not in the vote.")
    if is_team_member(user, submission.team):
        return False, _("You cannot vote for your own team.")
    return True, ""


def tallies_visible(hackathon, now=None):
    """Nobody, staff included, sees vote counts before voting closes."""
    return (now or timezone.now()) >= hackathon.voting_closes_at
