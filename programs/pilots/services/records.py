"""The pilot's public record: key indicators, agreements and reports, timeline notes."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from portal.models import Visibility
from portal.services import ActionRefused, require
from portal.uploads import check_upload
from programs.models import PilotDocument, PilotIndicator

from .. import permissions
from .common import _log_edit, _note, _user, clean_text


@transaction.atomic
def add_indicator(user, pilot, *, name, unit="", baseline=None, target, measured=None):
    require(permissions.can_edit(user, pilot))
    indicator = PilotIndicator.objects.create(
        pilot=pilot,
        name=clean_text(name)[:200],
        unit=clean_text(unit)[:50],
        baseline=baseline,
        target=target,
        measured=measured,
        measured_on=timezone.localdate() if measured is not None else None,
    )
    _log_edit(user, pilot, ["indicators"])
    return indicator


@transaction.atomic
def measure_indicator(user, indicator, *, measured):
    require(permissions.can_edit(user, indicator.pilot))
    indicator.measured = measured
    indicator.measured_on = timezone.localdate()
    indicator.save(update_fields=["measured", "measured_on"])
    _log_edit(user, indicator.pilot, ["indicators"])
    return indicator


@transaction.atomic
def add_document(user, pilot, *, kind, title, reference="", uploaded=None):
    require(permissions.can_edit(user, pilot))
    document = PilotDocument(
        pilot=pilot,
        kind=kind,
        title=clean_text(title)[:200],
        reference=clean_text(reference)[:200],
        uploaded_by=_user(user),
    )
    if uploaded is not None:
        file_type = check_upload(uploaded)
        document.mime_type = file_type.mime
        document.file.save(
            f"{slugify(title)[:60] or 'document'}.{file_type.extension}", uploaded, save=False
        )
    elif not document.reference:
        raise ActionRefused(_("Upload the file or give the agreement reference."))
    document.save()
    _log_edit(user, pilot, ["documents"])
    return document


@transaction.atomic
def add_note(user, pilot, *, text, public=False):
    """A timeline entry: public ones show on the pilot's page; internal ones never do."""
    if public:
        require(permissions.can_edit(user, pilot))
    else:
        require(permissions.can_view_private(user, pilot))
    text = clean_text(text)[:5000]
    if not text:
        raise ActionRefused(_("Write the note first."))
    visibility = Visibility.PUBLIC if public else Visibility.PARTICIPANTS
    return _note(pilot, user, "note", text, visibility)
