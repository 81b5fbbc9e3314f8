"""allauth glue: the sign-up form's extra field and the adapter that sends mail as a job."""

from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django import forms
from django.urls import reverse
from django.utils import translation
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.text import SingleLineFieldsMixin


def _name_help():
    """The name's hint, linking to the profile page where it can be changed later."""
    return format_html(
        gettext(
            "Shown to other members, for example on a team. You can change it later on {link}."
        ),
        link=format_html('<a href="{}">{}</a>', reverse("portal:profile"), gettext("your profile")),
    )


class SignupExtraForm(SingleLineFieldsMixin, forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        required=False,
        help_text=lazy(_name_help, SafeString)(),
    )

    def signup(self, request, user):
        user.name = self.cleaned_data.get("name", "").strip()
        user.preferred_language = translation.get_language() or "en"
        user.save(update_fields=["name", "preferred_language"])


@dataclass(frozen=True)
class EmailSite:
    """What allauth's e-mails call ``current_site``: the portal's name and host.

    The Sites framework is not installed, so without this allauth's templates read an empty
    name ("Hello from !"). The name is the Wagtail site's (Settings > Sites) or ``SITE_NAME``.
    """

    name: str
    domain: str


def email_site(request=None):
    from urllib.parse import urlsplit

    from django.conf import settings
    from wagtail.models import Site

    site = (Site.find_for_request(request) if request is not None else None) or (
        Site.objects.filter(is_default_site=True).first()
    )
    name = (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME
    return EmailSite(name=name, domain=urlsplit(settings.SITE_URL).netloc)


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request):
        # allauth's rate limits count per visitor behind the trusted proxies, as ours do.
        from portal.clientip import client_ip

        return client_ip(request) or super().get_client_ip(request)

    def send_mail(self, template_prefix, email, context):
        # allauth mail (verification, password reset) goes through the same job queue as
        # every other e-mail, so a slow SMTP server never blocks a request.
        from portal.notifications.email import enqueue_email

        context = {"current_site": email_site(allauth_context.request), **context}
        msg = self.render_mail(template_prefix, email, context)
        enqueue_email(msg)
