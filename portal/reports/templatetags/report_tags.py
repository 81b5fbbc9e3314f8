"""``{% report_link obj %}``: "Report" for signed-in members, "Sign in to report" for visitors
(no query, so a list may show one per row). ``{% report_notice obj %}``: on a detail page, the
notice that the content is hidden after a report, for the authors and program managers who still
see it, with the moderator's note."""

from django import template
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.urls import reverse
from django.utils.http import urlencode

from portal.reports.hidden import hidden_by, may_see_hidden
from portal.reports.registry import kind_of

register = template.Library()


@register.inclusion_tag("reports/_link.html", takes_context=True)
def report_link(context, obj):
    kind = kind_of(obj) if obj is not None else None
    request = context.get("request")
    if kind is None or request is None:
        return {"url": ""}
    url = reverse("reports_public:report", args=[kind.slug, obj.pk])
    signed_in = request.user.is_authenticated
    if not signed_in:
        url = f"{reverse('account_login')}?{urlencode({REDIRECT_FIELD_NAME: url})}"
    return {"url": url, "signed_in": signed_in, "kind": kind, "title": kind.title(obj)}


@register.inclusion_tag("reports/_notice.html", takes_context=True)
def report_notice(context, obj):
    request = context.get("request")
    hiding = hidden_by(obj) if obj is not None else None
    if hiding is None or request is None or not may_see_hidden(request.user, obj):
        return {"hidden": False}
    from portal.models import TimelineEntry

    entry = TimelineEntry.objects.for_object(hiding).filter(action="hide").last()
    return {"hidden": True, "note": entry.comment if entry else ""}
