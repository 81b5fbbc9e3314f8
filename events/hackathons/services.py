"""The hackathon write API in one import: teams, submissions, voting, judging, finals.

Each use case lives in its own module; this one re-exports them and holds the contract with
the pilots (programs): ``pilot_fields(submission)``.
"""

from portal.services import ActionRefused

from . import finals, judging, submissions, teams, voting

__all__ = ["ActionRefused", "finals", "judging", "pilot_fields", "submissions", "teams", "voting"]


def pilot_fields(submission) -> dict:
    """What a pilot proposed from a winning project starts with (see Submission.can_become_pilot).

    The team's organisation leads; the track's challenge and its agency stay linked.
    """
    track = submission.team.track
    challenge = track.challenge if track is not None and track.challenge_id else None
    pillars = list(challenge.pillars.all()) if challenge is not None else []
    sdgs = list(challenge.sdgs.all()) if challenge is not None else []
    return {
        "title": submission.title,
        "summary": submission.tagline,
        "problem": submission.problem,
        "solution": submission.description,
        "lead_organisation": submission.team.organisation,
        "challenge": challenge,
        "agency": challenge.owner_agency if challenge is not None else None,
        "pillars": pillars,
        "sdgs": sdgs,
    }
