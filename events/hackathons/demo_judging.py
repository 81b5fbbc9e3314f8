"""Judging and results of the demo's past hackathon: judges' scores on the weighted rubric
(each judge with a severity, so normalisation visibly changes some ranks), a disqualified
project, People's Choice votes with their audit, and the published awards."""

from django.utils import timezone

from events.demo_id import AWARDS
from events.models import Award, Submission, Vote, VoteAudit
from portal.models import CriterionScore, Review, ReviewAssignment


def seed_judging(rng, page, rubric, judges, projects, admin):
    """Assign three or four judges per project (rotating, overlapping, no conflicts), then
    score: each judge has a severity, so normalisation visibly changes some ranks."""
    criteria = list(rubric.criteria.all())
    severity = {j.pk: rng.choice([-1.2, -0.6, 0, 0.4, 0.9]) for j in judges}
    quality = {p.pk: rng.uniform(1.8, 4.6) for p in projects}
    assignments = []
    for number, project in enumerate(projects):
        panel = [judges[(number + k) % len(judges)] for k in range(3 + number % 2)]
        for judge in panel:
            if project.review_conflict(judge):
                continue
            assignments.append(
                ReviewAssignment(item=project, reviewer=judge, rubric=rubric, assigned_by=admin)
            )
    ReviewAssignment.objects.bulk_create(assignments)
    now = timezone.now()
    reviews = [
        Review(
            assignment=a,
            recommendation="accept",
            submitted_at=now,
            comment_for_applicant="Strong problem fit; show the agency a pilot plan.",
        )
        for a in assignments
    ]
    Review.objects.bulk_create(reviews)
    scores = []
    for review in reviews:
        base = quality[int(review.assignment.object_id)] + severity[review.assignment.reviewer_id]
        for criterion in criteria:
            value = round(base + rng.uniform(-0.7, 0.7))
            scores.append(
                CriterionScore(review=review, criterion=criterion, score=min(max(value, 1), 5))
            )
    CriterionScore.objects.bulk_create(scores)
    return len(assignments)


def seed_results(rng, page, projects, participants, admin):
    from events.hackathons import judging

    ids = [p.pk for p in projects]
    Submission.objects.filter(pk__in=ids).update(state="judged")
    disqualified = projects[-1]
    Submission.objects.filter(pk=disqualified.pk).update(state="disqualified")
    results = [r for r in judging.results(page) if r.item.pk != disqualified.pk]
    awards = []
    for track in page.tracks.all():
        best = next((r.item for r in results if r.item.team.track_id == track.pk), None)
        if best:
            awards.append(
                Award(
                    hackathon=page,
                    track=track,
                    submission=best,
                    prize=track.prize,
                    title=f"Winner: {track.name}"[:200],
                    published_at=page.results_at,
                    title_id=AWARDS["Winner: {}"].format(track.name_id)[:200],
                    published_by=admin,
                )
            )
    voters = [p for p in participants if p.pk % 3 == 0][:240]
    public = [p for p in projects if p.pk != disqualified.pk]
    votes = [
        Vote(
            hackathon=page,
            user=v,
            submission=public[min(int(rng.expovariate(0.25)), len(public) - 1)],
        )
        for v in voters
    ]
    Vote.objects.bulk_create(votes)
    VoteAudit.objects.bulk_create(
        [VoteAudit(hackathon=page, user=v.user, submission=v.submission) for v in votes]
    )
    by_votes = {}
    for vote in votes:
        by_votes[vote.submission_id] = by_votes.get(vote.submission_id, 0) + 1
    favourite = max(public, key=lambda p: by_votes.get(p.pk, 0))
    awards.append(
        Award(
            hackathon=page,
            submission=favourite,
            title="People's Choice",
            title_id=AWARDS["People's Choice"],
            prize="Rp 10,000,000",
            published_at=page.results_at,
            published_by=admin,
        )
    )
    Award.objects.bulk_create(awards)
    Submission.objects.filter(pk__in=[a.submission_id for a in awards]).update(state="awarded")
    return len(awards), len(votes)
