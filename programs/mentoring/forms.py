from django import forms
from django.utils.translation import gettext_lazy as _

from programs.models import SessionFeedback


class BookingForm(forms.Form):
    slot = forms.IntegerField(widget=forms.HiddenInput)
    member = forms.IntegerField(widget=forms.HiddenInput)
    need = forms.CharField(
        label=_("What you want to discuss"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The mentor reads this before the session."),
    )


class FeedbackForm(forms.ModelForm):
    class Meta:
        model = SessionFeedback
        fields = ["rating", "comment"]
        widgets = {
            "rating": forms.Select(choices=[(n, str(n)) for n in range(5, 0, -1)]),
            "comment": forms.Textarea(attrs={"rows": 4}),
        }
