"""The follow preferences on /me/profile/: how the member hears about each kind."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models.follows import Delivery

from . import registry, services


class FollowPreferencesForm(forms.Form):
    prefix = "follow"

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        current = services.preferences(user)
        for followable in registry.kinds():
            self.fields[followable.kind] = forms.ChoiceField(
                label=followable.label,
                choices=Delivery.choices,
                initial=current[followable.kind],
                # A form without these fields (an older page, a script) keeps what is stored.
                required=False,
            )

    legend = _("News of the items you follow")
    help_text = _(
        "Every piece of news also appears on your dashboard. Digests go out once a day or once "
        "a week, with everything that happened since the last one."
    )
