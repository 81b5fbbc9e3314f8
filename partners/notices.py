"""Who hears about each step of a partner pipeline, and what they are told.

The workflow engine calls these with the item and its new timeline entry; each returns the
notices to send (in-app plus e-mail after the commit, in each recipient's language).
"""

from django.utils.translation import gettext_lazy as _

from portal.links import link
from portal.permissions import program_managers
from portal.workflow import Notice


def proposal_people(proposal):
    """The people a proposal's news concerns: its writers, co-authors and creator."""
    writers = [
        membership.user
        for membership in proposal.organisation.memberships.filter(
            role__in=("owner", "editor")
        ).select_related("user")
    ]
    return [*writers, *proposal.co_authors.all(), proposal.created_by]


def proposal_url(proposal):
    return link("partners:proposal", proposal.pk)


def proposal_admin_url(proposal):
    return link("proposals:decide", proposal.pk)


STEP_TITLES = {
    "submitted": _("Proposal submitted"),
    "in_review": _("Your proposal is in review"),
    "changes_requested": _("Changes requested on your proposal"),
    "accepted": _("Your proposal was accepted"),
    "declined": _("Your proposal was declined"),
    "withdrawn": _("A proposal was withdrawn"),
}


def proposal_submitted(proposal, entry):
    yield Notice(
        proposal_people(proposal),
        title=STEP_TITLES["submitted"],
        body=proposal.title,
        url=proposal_url(proposal),
    )
    yield Notice(
        program_managers(),
        title=_("A proposal is waiting for review"),
        body=f"{proposal.title} · {proposal.organisation.name}",
        url=proposal_admin_url(proposal),
    )


def proposal_moved(proposal, entry):
    body = proposal.title
    if entry.comment:
        body = f"{proposal.title}\n\n{entry.comment}"
    yield Notice(
        proposal_people(proposal),
        title=STEP_TITLES[entry.to_state],
        body=body,
        url=proposal_url(proposal),
    )


def proposal_withdrawn(proposal, entry):
    yield Notice(
        proposal_people(proposal),
        title=STEP_TITLES["withdrawn"],
        body=proposal.title,
        url=proposal_url(proposal),
    )
    if entry.from_state != "draft":
        yield Notice(
            program_managers(),
            title=STEP_TITLES["withdrawn"],
            body=f"{proposal.title} · {proposal.organisation.name}",
            url=proposal_admin_url(proposal),
        )
