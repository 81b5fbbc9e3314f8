from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_DETAILS, ReportReason


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why are you reporting this?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose a reason.")},
    )
    details = forms.CharField(
        label=_("What is wrong with it?"),
        help_text=_(
            "Optional, up to 1000 characters. Program managers read it; the author does not."
        ),
        required=False,
        max_length=MAX_DETAILS,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
