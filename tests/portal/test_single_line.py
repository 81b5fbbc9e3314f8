"""Single-line fields refuse line breaks with a clear message; allauth's e-mails name the site."""

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.core import mail

from portal.models import User
from portal.text import SingleLineFieldsMixin, plain_text, refuse_line_breaks
from tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db

MESSAGE = "Please keep this on one line."


class _Form(SingleLineFieldsMixin, forms.Form):
    title = forms.CharField()
    body = forms.CharField(widget=forms.Textarea)


@pytest.mark.parametrize("text", ["a\nb", "a\r\nb", "a\rb", "a\u2028b"])
def test_one_line_inputs_refuse_line_breaks_and_text_areas_keep_them(text):
    form = _Form({"title": text, "body": text})
    assert not form.is_valid()
    assert form.errors == {"title": [MESSAGE]}


PROJECT_PACKAGES = ("portal", "partners", "events", "programs", "api")


def _project_forms():
    for package in PROJECT_PACKAGES:
        for info in pkgutil.walk_packages(importlib.import_module(package).__path__, f"{package}."):
            if any(part in info.name for part in (".migrations", ".settings", ".management")):
                continue
            for _name, cls in inspect.getmembers(
                importlib.import_module(info.name), inspect.isclass
            ):
                if issubclass(cls, forms.BaseForm) and cls.__module__.startswith(PROJECT_PACKAGES):
                    yield cls


def test_every_one_line_input_in_the_portal_refuses_line_breaks():
    # A form added without the mixin would let a hand-made request put a line break in a
    # reason, a reference or a search that e-mails, CSV rows and logs then quote.
    unguarded = {
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in _project_forms()
        if not issubclass(cls, SingleLineFieldsMixin)
        for name, field in cls.base_fields.items()
        if isinstance(field, forms.CharField)
        and type(field.widget) is forms.TextInput
        and refuse_line_breaks not in field.validators
    }
    assert unguarded == set()


def test_plain_text_keeps_what_was_typed():
    assert plain_text("  <b>Tim</b> &\x00 Co \r\n\r\nnext ") == "<b>Tim</b> & Co \n\nnext"
    assert plain_text("a\n b", single_line=True) == "a b"


def _signup(client, name):
    return client.post(
        "/en/accounts/signup/",
        {
            "email": "sari@example.org",
            "name": name,
            "password1": DEFAULT_PASSWORD,
            "password2": DEFAULT_PASSWORD,
        },
    )


def test_sign_up_refuses_a_display_name_with_a_line_break(client):
    response = _signup(client, "Sari\nBcc: everyone@example.org")
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not User.objects.filter(email="sari@example.org").exists()


def test_the_verification_e_mail_names_the_site(
    client, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert _signup(client, "Sari Wulandari").status_code == 302
    body = mail.outbox[0].body
    assert f"Hello from {settings.WAGTAIL_SITE_NAME}!" in body
    assert "Hello from !" not in body and " on .\n" not in body
    assert "testserver" in body or "127.0.0.1" in body
