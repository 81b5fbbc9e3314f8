"""The member's own profile at /me/profile/: display name, language and notification e-mail.

The e-mail address and password have their own allauth screens (verification, rate limits);
this form changes only what the member says about themselves.
"""

import logging

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from portal.models import User
from portal.text import SingleLineFieldsMixin, plain_text

logger = logging.getLogger(__name__)


class ProfileForm(SingleLineFieldsMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["name", "preferred_language", "email_notifications"]
        labels = {
            "name": _("Your name"),
            "preferred_language": _("Language"),
            "email_notifications": _("Send me notifications by e-mail"),
        }
        help_texts = {
            "name": _("Shown to other members, for example on a team."),
            "preferred_language": _(
                "The language of the portal's e-mails to you, and of these pages after you save."
            ),
        }

    def clean_name(self):
        return plain_text(self.cleaned_data.get("name"), 150, single_line=True)


@transaction.atomic
def update_profile(user, *, name, preferred_language, email_notifications) -> User:
    """Save what the member changed on their profile (only their own row, only these fields)."""
    user = User.objects.select_for_update().get(pk=user.pk)
    user.name = plain_text(name, 150, single_line=True)
    user.preferred_language = preferred_language
    user.email_notifications = bool(email_notifications)
    user.save(update_fields=["name", "preferred_language", "email_notifications"])
    logger.info("Member %s updated their profile", user.pk)
    return user
