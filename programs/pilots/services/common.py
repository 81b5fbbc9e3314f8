"""Helpers every pilot service shares: plain text, the actor, a timeline note, the edit log."""

from wagtail.log_actions import log

from portal.models import TimelineEntry, Visibility


def clean_text(value):
    # Plain text: templates escape it. Drop NULs and other control characters but line breaks.
    return "".join(ch for ch in (value or "") if ch in "\n\t" or ord(ch) >= 32).strip()


def _user(user):
    return user if getattr(user, "is_authenticated", False) else None


def _note(pilot, user, action, comment="", visibility=Visibility.PUBLIC, to_state=""):
    return TimelineEntry.objects.create(
        subject=pilot,
        actor=_user(user),
        action=action,
        comment=comment,
        to_state=to_state,
        visibility=visibility,
    )


def _log_edit(user, pilot, fields):
    log(
        instance=pilot,
        action="programs.pilot.edit",
        user=_user(user),
        data={"fields": sorted(fields), "published": pilot.is_published},
    )
