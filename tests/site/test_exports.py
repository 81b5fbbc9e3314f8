"""Every CSV the portal writes, and the admin's built-in exports, neutralise formula-like cells."""

import csv
import io
from functools import reduce

import pytest
from django.db import models
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.admin.viewsets import viewsets as admin_viewsets
from wagtail.snippets.models import get_snippet_models

from portal.exports import FormulaGuardMixin, csv_writer, dict_writer, safe_cell
from tests.factories import SuperuserFactory

FORMULA = "=1+1"


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1"])
def test_formula_like_text_is_prefixed(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Tim & Co", "a=b", "", 42, -3, None, 1.5])
def test_other_values_are_left_alone(value):
    assert safe_cell(value) == value


def test_the_writers_guard_every_cell():
    out = io.StringIO()
    csv_writer(out).writerows([["=HYPERLINK(1)", "ok", -1]])
    writer = dict_writer(out, ["a", "b"])
    writer.writerow({"a": "@x", "b": "plain"})
    assert out.getvalue().splitlines() == ["'=HYPERLINK(1),ok,-1", "'@x,plain"]


def _exporting_viewsets():
    reverse("wagtailadmin_home")  # loading the admin's URLs registers every viewset
    found = [*admin_viewsets.viewsets, *(m.snippet_viewset for m in get_snippet_models())]
    # Wagtail's own viewsets (pages, users, sites…) declare no export (their list_export is a
    # sentinel, not a list).
    found = [vs for vs in found if isinstance(getattr(vs, "list_export", None), list | tuple)]
    return list({id(vs): vs for vs in found}.values())


def test_every_admin_viewset_with_exports_is_guarded(db):
    viewsets = _exporting_viewsets()
    assert len(viewsets) >= 12
    guarded = FormulaGuardMixin
    unguarded = [
        type(vs).__name__ for vs in viewsets if not issubclass(vs.index_view_class, guarded)
    ]
    assert unguarded == []


def _text_field(owner, attr):
    try:
        field = owner._meta.get_field(attr)
    except Exception:
        return None
    if isinstance(field, models.CharField | models.TextField) and not field.choices:
        return field
    return None


_planted = iter(range(1, 10**6))


def _plant_formulas(obj, paths):
    """Put =1+1 in every plain-text field an export reads from ``obj`` (and its relations);
    numbered, so unique fields (e-mail, slug) stay unique."""
    planted = 0
    for path in paths:
        *hops, attr = path.split(".")
        owner = reduce(lambda o, hop: getattr(o, hop, None), hops, obj)
        if owner is None or not isinstance(owner, models.Model) or not _text_field(owner, attr):
            continue
        value = f"{FORMULA}-{next(_planted)}"
        type(owner)._base_manager.filter(pk=owner.pk).update(**{attr: value})
        planted += 1
    return planted


def test_every_admin_export_neutralises_user_text(client, demo):
    client.force_login(SuperuserFactory())
    checked = []
    for vs in _exporting_viewsets():
        obj = vs.model._default_manager.order_by("pk").first()
        if obj is None or not _plant_formulas(obj, vs.list_export):
            continue
        url = vs.menu_url
        response = client.get(url, {"export": "csv"})
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content).decode()
        cells = [cell for row in csv.reader(io.StringIO(body)) for cell in row]
        assert [c for c in cells if c.startswith("'" + FORMULA)], url
        assert not [c for c in cells if c.startswith(("=", "+", "@"))], url

        response = client.get(url, {"export": "xlsx"})
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        texts = [c for row in sheet.iter_rows() for c in row if str(c.value).startswith(FORMULA)]
        assert texts and all(c.data_type == "s" for c in texts), url
        checked.append(vs.model.__name__)
    # The demo data fills these: each export is proven, not only its class.
    assert {"Organisation", "Registration", "Submission", "Pilot", "Pillar"} <= set(checked)


def test_the_hackathon_export_neutralises_user_text(client, demo):
    from events.models import HackathonPage, Submission

    hackathon = HackathonPage.objects.filter(submissions__isnull=False).first()
    hackathon.submissions.update(title=FORMULA, tagline="@cmd", technologies="+x")
    client.force_login(SuperuserFactory())
    url = reverse("hackathon_submissions:export", args=[hackathon.pk, "submissions", "csv"])
    rows = list(csv.reader(io.StringIO(client.get(url).content.decode())))
    assert Submission.objects.filter(title=FORMULA).exists()
    assert {"'=1+1", "'@cmd", "'+x"} <= {cell for row in rows[1:] for cell in row}


def test_the_public_pilots_csv_neutralises_user_text(client, demo):
    from programs.models import Pilot
    from programs.models.pilot_pages import PilotIndexPage
    from programs.pilots.public import published

    pilot = published().first()
    Pilot.objects.filter(pk=pilot.pk).update(title=FORMULA, funding_source="-2+3")
    index = PilotIndexPage.objects.live().filter(locale__language_code="en").first()
    response = client.get(index.url + "export/")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    row = next(r for r in rows if r[0].endswith(FORMULA))
    assert row[0] == "'=1+1" and "'-2+3" in row


WAGTAIL_REPORTS = ("site_history", "aging_pages", "locked_pages", "workflow", "workflow_tasks")


def test_wagtails_own_reports_neutralise_user_text(client, demo):
    # Wagtail routes its reports itself; a page title or a member's name starting with "="
    # reaches their CSV as a page or a user object, not as a string.
    from django.utils import timezone
    from wagtail.models import Page, Workflow

    from portal.models import User

    editor = SuperuserFactory(name="@SUM(A1)")
    page = Page.objects.live().filter(depth__gt=2).order_by("pk").first().specific
    page.title = FORMULA
    page.save_revision(user=editor, log_action=True).publish(user=editor)
    page.save_revision(user=editor)
    Workflow.objects.filter(active=True).order_by("pk").first().start(page, editor)
    Page.objects.filter(pk=page.pk).update(locked=True, locked_by=editor, locked_at=timezone.now())
    assert User.objects.get(pk=editor.pk).get_full_name() == "@SUM(A1)"

    client.force_login(editor)
    for report in WAGTAIL_REPORTS:
        response = client.get(reverse(f"wagtailadmin_reports:{report}"), {"export": "csv"})
        assert response.status_code == 200, report
        body = b"".join(response.streaming_content).decode()
        cells = [cell for row in csv.reader(io.StringIO(body)) for cell in row]
        assert "'" + FORMULA in cells, report
        assert not [c for c in cells if c.startswith(("=", "+", "@"))], report
