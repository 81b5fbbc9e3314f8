"""What the authors of reported content are told when it is hidden or restored: the moderator's
note, and where the content is (in each recipient's language). Reporters are not named."""

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from portal.workflow import Notice


def _authors_and_url(report):
    from .registry import get

    kind, content = get(report.kind), report.content
    if kind is None or content is None:
        return [], ""
    return list(kind.authors(content)), lazy(lambda: kind.url(content), str)()


def content_hidden(report, entry):
    authors, url = _authors_and_url(report)
    yield Notice(
        authors,
        title=_("Your content was hidden after a report"),
        body=f"{report.content_title}\n\n{entry.comment}",
        url=url,
    )


def content_restored(report, entry):
    authors, url = _authors_and_url(report)
    yield Notice(
        authors,
        title=_("Your content is public again"),
        body=f"{report.content_title}\n\n{entry.comment}",
        url=url,
    )
