"""What moderation hid, for every public surface.

Content is hidden while one of its reports is in the state "hidden". Lists, datasets, search and
the sitemap keep only ``visible(queryset)``; a detail page asks ``check_visible(user, obj)``,
which answers 404 to everyone but the content's authors and program managers (they see it, with
a notice). Neither costs a query more as the data grows: ``visible`` is a subquery.
"""

from django.http import Http404

from portal.permissions import is_program_manager

from .registry import is_reportable_model, kind_of

_CACHE = "_reports_hiding"


def _hiding_reports(model):
    from .models import Report
    from .workflows import ReportState

    return Report.objects.filter(
        state=ReportState.HIDDEN,
        content_type__app_label=model._meta.app_label,
        content_type__model=model._meta.model_name,
    )


def visible(queryset):
    """``queryset`` without hidden content (unchanged for models nobody may report, or lists)."""
    model = getattr(queryset, "model", None)
    if model is None or not hasattr(queryset, "exclude") or not is_reportable_model(model):
        return queryset
    return queryset.exclude(pk__in=_hiding_reports(model).values("object_id"))


def hidden_ids(model):
    """The numbers of the hidden items of ``model`` (one query; none for other models)."""
    if not is_reportable_model(model):
        return set()
    return set(_hiding_reports(model).values_list("object_id", flat=True))


def hiding_report(content_type_id, object_id):
    from .models import Report
    from .workflows import ReportState

    return (
        Report.objects.filter(
            state=ReportState.HIDDEN, content_type_id=content_type_id, object_id=object_id
        )
        .order_by("-updated_at", "-pk")
        .first()
    )


def hidden_by(obj):
    """The report that hides ``obj``, or None (one query, then kept on the object)."""
    if not hasattr(obj, _CACHE):
        hiding = None
        if kind_of(obj) is not None:
            from django.contrib.contenttypes.models import ContentType

            content_type = ContentType.objects.get_for_model(obj)
            hiding = hiding_report(content_type.pk, obj.pk)
        setattr(obj, _CACHE, hiding)
    return getattr(obj, _CACHE)


def is_hidden(obj) -> bool:
    return hidden_by(obj) is not None


def may_see_hidden(user, obj) -> bool:
    """The content's authors and program managers still see hidden content."""
    if not (user and user.is_authenticated):
        return False
    if is_program_manager(user):
        return True
    kind = kind_of(obj)
    return kind is not None and user.pk in {author.pk for author in kind.authors(obj)}


def check_visible(user, obj):
    """404 for hidden content unless ``user`` may still see it; returns the hiding report."""
    hiding = hidden_by(obj)
    if hiding is not None and not may_see_hidden(user, obj):
        raise Http404
    return hiding
