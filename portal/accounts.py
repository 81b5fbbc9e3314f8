"""allauth glue: the sign-up form's extra field and the adapter that sends mail as a job."""

from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class SignupExtraForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        required=False,
        help_text=_("Shown to other members, for example on a team. You can change it later."),
    )

    def signup(self, request, user):
        user.name = self.cleaned_data.get("name", "").strip()
        user.preferred_language = translation.get_language() or "en"
        user.save(update_fields=["name", "preferred_language"])


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request):
        # allauth's rate limits count per visitor behind the trusted proxies, as ours do.
        from portal.clientip import client_ip

        return client_ip(request) or super().get_client_ip(request)

    def send_mail(self, template_prefix, email, context):
        # allauth mail (verification, password reset) goes through the same job queue as
        # every other e-mail, so a slow SMTP server never blocks a request.
        from portal.notifications.email import enqueue_email

        msg = self.render_mail(template_prefix, email, context)
        enqueue_email(msg)
