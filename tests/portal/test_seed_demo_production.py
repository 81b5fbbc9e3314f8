"""seed_demo on production settings: refused unless forced; then no published password, no mail."""

import io
import re

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import override_settings

from partners.demo import MEMBER_EMAIL, MEMBER_PASSWORD
from portal import demo
from portal.models import User


@pytest.mark.django_db
@override_settings(PORTAL_PRODUCTION=True)
def test_seed_demo_is_refused_on_production_settings():
    with pytest.raises(CommandError, match="refused on production settings"):
        call_command("seed_demo", stdout=io.StringIO())
    assert not User.objects.exists()


@pytest.mark.django_db(transaction=True)
@override_settings(PORTAL_PRODUCTION=True)
def test_forced_seed_generates_passwords_and_sends_no_mail():
    # Real commits, as on a server: the e-mails seeding causes are sent (inline) inside the
    # command, and must reach no mailbox.
    out = io.StringIO()
    call_command("seed_demo", "--force", stdout=out)
    printed = out.getvalue()
    assert demo.ADMIN_PASSWORD not in printed and MEMBER_PASSWORD not in printed
    admin_password = re.search(rf"Admin: {re.escape(demo.ADMIN_EMAIL)} / (\S+)", printed)[1]
    admin = User.objects.get(email=demo.ADMIN_EMAIL)
    assert admin.check_password(admin_password)
    assert not admin.check_password(demo.ADMIN_PASSWORD)
    assert not User.objects.get(email=MEMBER_EMAIL).check_password(MEMBER_PASSWORD)
    assert mail.outbox == []
    # A second run keeps the passwords and says so instead of printing a wrong one.
    again = io.StringIO()
    call_command("seed_demo", "--force", stdout=again)
    assert "(unchanged: set on an earlier run)" in again.getvalue()
    assert User.objects.get(email=demo.ADMIN_EMAIL).check_password(admin_password)
