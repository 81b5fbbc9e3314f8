"""The response form liaisons and program managers fill at /me/responses/<pk>/."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.text import SingleLineFieldsMixin


class ResponseStepForm(SingleLineFieldsMixin, forms.Form):
    """One form for every step: the button pressed names the step (``action``).

    The text, date and reference are plain text, escaped where shown; the engine says which
    steps need the text and the date.
    """

    text = forms.CharField(
        label=_("Response"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the agency decided and why, or how it was implemented. Public."),
    )
    date = forms.DateField(
        label=_("Date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The date of the decision or of the implementation."),
    )
    reference = forms.CharField(
        label=_("Reference"),
        required=False,
        max_length=200,
        help_text=_("Decree, regulation or letter number, if any. Public."),
    )
    expected_state = forms.CharField(required=False, max_length=30, widget=forms.HiddenInput)
