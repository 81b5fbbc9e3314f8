"""Every write of reports: a member reports content; a program manager takes a moderation step.

Both are atomic, logged in Wagtail's audit log, and tell the people concerned after the commit.
"""

import logging

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from portal.links import link
from portal.notifications.services import notify
from portal.permissions import program_managers
from portal.services import ActionRefused, require, retry_when_locked
from portal.text import plain_text
from portal.workflow import apply_transition

from .models import MAX_DETAILS, Report, ReportReason
from .permissions import can_report

logger = logging.getLogger(__name__)

SUBMITTED = "reports.report_submitted"


def _already_reported():
    return ActionRefused(
        _(
            "You have already reported this and a program manager has not decided yet. "
            "Your first report is kept; there is no need to send another."
        )
    )


@retry_when_locked
def submit_report(user, kind, obj, *, reason, details=""):
    """Record ``user``'s report of ``obj`` (a ``kind`` of reportable content); return it."""
    with transaction.atomic():
        require(can_report(user, kind, obj))
        if reason not in ReportReason.values:
            raise ActionRefused(_("Please choose a reason."), errors={"reason": _("Choose one.")})
        details = plain_text(details)
        if len(details) > MAX_DETAILS:
            raise ActionRefused(
                _("Please keep the details under %(limit)s characters.") % {"limit": MAX_DETAILS}
            )
        if Report.objects.for_object(obj).open().filter(reporter=user).exists():
            raise _already_reported()
        try:
            with transaction.atomic():
                report = Report.objects.create(
                    content=obj,
                    kind=kind.slug,
                    reporter=user,
                    reason=reason,
                    details=details,
                    content_title=plain_text(kind.title(obj), 300, single_line=True),
                )
        except IntegrityError as error:  # the same member, at the same moment, twice
            raise _already_reported() from error
        log(instance=report, action=SUBMITTED, user=user, data={"kind": kind.slug})
        notify(
            program_managers(),
            title=gettext_lazy("New report to moderate"),
            body=f"{report.content_title} · {report.get_reason_display()}\n\n{details}",
            url=_admin_link(report),
            kind=SUBMITTED,
        )
    logger.info("Report %s on %s %s by %s", report.pk, kind.slug, obj.pk, user.pk)
    return report


def _admin_link(report):
    return link("reports:moderate", report.pk)


def take_step(user, report, action, *, note, expected_state=None):
    """A program manager's step (hide, dismiss, restore) through the workflow engine."""
    return apply_transition(report, action, user, comment=note, expected_state=expected_state)
