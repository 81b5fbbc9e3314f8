"""Admin screens for program managers: a hackathon's judging desk (assign judges, results raw
and normalised side by side, close judging, awards and publishing, disqualification, gallery
moderation), the vote audit, and exports (CSV/JSON) of submissions, scores and decisions.
Anyone else gets 404. People's Choice counts never appear before voting closes."""

import json

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale

from events.models import Award, HackathonPage, Submission, VoteAudit
from portal.exports import csv_writer
from portal.permissions import is_program_manager

from . import permissions
from .forms import AwardForm, DisqualifyForm
from .services import ActionRefused, finals, judging, submissions, voting


def _require_manager(request):
    if not is_program_manager(request.user):
        raise Http404


def _hackathon(pk):
    return get_object_or_404(HackathonPage, pk=pk).canonical()


def index(request):
    _require_manager(request)
    hackathons = HackathonPage.objects.filter(locale=Locale.get_default()).order_by(
        "-hacking_starts_at"
    )
    return TemplateResponse(
        request, "events/hackathons/admin/index.html", {"hackathons": hackathons}
    )


def _act(request, hackathon):
    action = request.POST.get("action")
    user = request.user
    if action == "assign":
        made = judging.assign_judges(user, hackathon)
        messages.success(request, _("%(count)s assignments made.") % {"count": len(made)})
        if made.message:
            messages.warning(request, made.message)
    elif action == "close_judging":
        moved = judging.close_judging(user, hackathon)
        messages.success(request, _("%(count)s projects marked judged.") % {"count": moved})
    elif action == "award":
        form = AwardForm(request.POST, hackathon=hackathon)
        if not form.is_valid():
            raise ActionRefused(_("Give the award a name."))
        target = get_object_or_404(hackathon.submissions, pk=form.cleaned_data["submission"])
        judging.add_award(
            user,
            hackathon,
            target,
            title=form.cleaned_data["title"],
            title_id=form.cleaned_data["title_id"],
            track=form.cleaned_data["track"],
            prize=form.cleaned_data["prize"],
        )
        messages.success(request, _("Award added; publish to announce it."))
    elif action == "remove_award":
        Award.objects.filter(
            hackathon=hackathon, published_at=None, pk=request.POST.get("award")
        ).delete()
    elif action == "publish":
        count = judging.publish_awards(user, hackathon)
        messages.success(request, _("%(count)s awards published.") % {"count": count})
    elif action == "disqualify":
        target = get_object_or_404(hackathon.submissions, pk=request.POST.get("submission"))
        form = DisqualifyForm(request.POST)
        if not form.is_valid():
            raise ActionRefused(_("Write the reason the team will read."))
        submissions.disqualify(user, target, form.cleaned_data["reason"])
        messages.success(request, _("Disqualified; the team is told why."))
    elif action == "reinstate":
        target = get_object_or_404(hackathon.submissions, pk=request.POST.get("submission"))
        submissions.reinstate(user, target)
    elif action in ("hide", "show"):
        target = get_object_or_404(hackathon.submissions, pk=request.POST.get("submission"))
        submissions.set_hidden(user, target, action == "hide")
    elif action == "finalists":
        chosen = hackathon.submissions.filter(pk__in=request.POST.getlist("finalist"))
        finals.start_finals(user, hackathon, list(chosen))
        messages.success(request, _("Finalists chosen."))
    else:
        raise Http404


def desk(request, pk):
    _require_manager(request)
    hackathon = _hackathon(pk)
    if request.method == "POST":
        try:
            _act(request, hackathon)
        except ActionRefused as error:
            messages.error(request, str(error))
        return redirect(request.path)
    results = judging.results(hackathon)
    scored = {r.item.pk for r in results}
    others = hackathon.submissions.exclude(pk__in=scored).select_related("team")
    return TemplateResponse(
        request,
        "events/hackathons/admin/desk.html",
        {
            "hackathon": hackathon,
            "results": results,
            "others": others,
            "awards": list(
                Award.objects.filter(hackathon=hackathon).select_related("submission", "track")
            ),
            "award_form": AwardForm(hackathon=hackathon),
            "tallies": voting.tallies(hackathon)
            if permissions.tallies_visible(hackathon)
            else None,
            "standings": finals.standings(hackathon) if hackathon.finals_enabled else None,
            "judges": hackathon.judge_users(),
        },
    )


def vote_audit(request, pk):
    """Who voted when and from where; which project only once voting has closed."""
    _require_manager(request)
    hackathon = _hackathon(pk)
    records = VoteAudit.objects.filter(hackathon=hackathon).select_related(
        "user", "submission", "previous"
    )
    page_obj = Paginator(records, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "events/hackathons/admin/vote_audit.html",
        {
            "hackathon": hackathon,
            "page_obj": page_obj,
            "records": page_obj.object_list,
            "reveal": permissions.tallies_visible(hackathon),
        },
    )


def _rows(hackathon, kind):
    if kind == "submissions":
        header = [
            "id",
            "title",
            "tagline",
            "team",
            "track",
            "state",
            "submitted_at",
            "repository_url",
            "demo_url",
            "video_url",
            "technologies",
            "licence",
        ]
        rows = [
            [
                s.pk,
                s.title,
                s.tagline,
                s.team.name,
                s.team.track.name if s.team.track else "",
                s.state,
                s.submitted_at.isoformat() if s.submitted_at else "",
                s.repository_url,
                s.demo_url,
                s.video_url,
                s.technologies,
                s.licence,
            ]
            for s in hackathon.submissions.select_related("team__track").order_by("pk")
        ]
    elif kind == "scores":
        header = [
            "id",
            "title",
            "reviews",
            "scores",
            "raw_mean",
            "raw_rank",
            "normalised_mean",
            "normalised_rank",
            "rank_changed",
            "offset_quality",
            "offset_rank",
            "rankings_disagree",
            "spread",
            "std",
        ]
        rows = [
            [
                r.item.pk,
                r.item.title,
                r.n_reviews,
                " ".join(f"{s:.2f}" for s in r.scores),
                _num(r.raw_mean),
                r.raw_rank,
                _num(r.normalised_mean),
                r.normalised_rank,
                r.rank_changed,
                _num(r.offset_quality),
                r.offset_rank,
                r.rankings_disagree,
                _num(r.spread),
                _num(r.std),
            ]
            for r in judging.results(hackathon)
        ]
    elif kind == "decisions":
        header = ["submission", "title", "state", "award", "track", "prize", "published_at"]
        rows = [
            [
                a.submission_id,
                a.submission.title,
                a.submission.state,
                a.title,
                a.track.name if a.track else "",
                a.prize,
                a.published_at.isoformat() if a.published_at else "",
            ]
            for a in Award.objects.filter(hackathon=hackathon).select_related("submission", "track")
        ]
        rows += [
            [s.pk, s.title, s.state, "", "", "", ""]
            for s in hackathon.submissions.filter(state="disqualified")
        ]
    else:
        raise Http404
    return header, rows


def _num(value):
    return None if value is None else round(value, 4)


def export(request, pk, kind, fmt):
    _require_manager(request)
    hackathon = _hackathon(pk)
    header, rows = _rows(hackathon, kind)
    filename = f"{hackathon.slug}-{kind}"
    if fmt == "json":
        response = JsonResponse([dict(zip(header, row, strict=True)) for row in rows], safe=False)
    elif fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv_writer(response)
        writer.writerow(header)
        writer.writerows(rows)
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    return response


__all__ = ["Submission", "desk", "export", "index", "json", "vote_audit"]
