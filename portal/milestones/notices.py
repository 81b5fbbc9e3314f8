"""Who hears about each milestone step, and what they are told (in-app plus e-mail).

The concrete model names its people (``owners()``) and its screens (``member_url()`` for the
team, ``review_url()`` for program managers); ``subject_label()`` says whose milestone it is.
"""

from django.utils.translation import gettext_lazy as _

from portal.permissions import program_managers
from portal.workflow import Notice


def _body(milestone, entry=None):
    body = f"{milestone.subject_label()} · {milestone.title}"
    if entry is not None and entry.comment:
        body = f"{body}\n\n{entry.comment}"
    return body


def submitted(milestone, entry):
    yield Notice(
        program_managers(),
        title=_("A milestone awaits your review"),
        body=_body(milestone, entry),
        url=milestone.review_url(),
    )


REVIEW_TITLES = {
    "done": _("Your milestone was accepted"),
    "changes_requested": _("Changes requested on your milestone"),
}


def reviewed(milestone, entry):
    yield Notice(
        milestone.owners(),
        title=REVIEW_TITLES[entry.to_state],
        body=_body(milestone, entry),
        url=milestone.member_url(),
    )


def delayed(milestone, entry):
    title = _("A milestone is delayed")
    body = _body(milestone, entry)
    yield Notice(milestone.owners(), title=title, body=body, url=milestone.member_url())
    yield Notice(program_managers(), title=title, body=body, url=milestone.review_url())


def overdue(milestone):
    return Notice(
        milestone.owners(),
        title=_("Reminder: a milestone is overdue"),
        body=_body(milestone),
        url=milestone.member_url(),
    )
