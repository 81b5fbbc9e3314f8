"""Forms of demo-day interest and start-up outcomes (the member area). Validation here says
what is wrong with the input; who may do it is for ``permissions``."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programs.models import CohortMember, StartupOutcome
from programs.models.demo_day import NOTE_LENGTH


class InterestForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Interested organisation"), queryset=None)
    note = forms.CharField(
        label=_("Note for the start-up and program managers"),
        required=False,
        max_length=NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you would like to try together (plain text, at most 2,000 characters)."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        only = list(organisations[:2])
        if len(only) == 1:  # the usual case: a liaison speaks for one agency
            self.fields["organisation"].initial = only[0].pk
            self.fields["organisation"].empty_label = None


class OutcomeForm(forms.ModelForm):
    member = forms.ModelChoiceField(label=_("Start-up and cohort"), queryset=None)

    class Meta:
        model = StartupOutcome
        fields = ["member", "kind", "value", "period_on", "evidence"]
        widgets = {
            "period_on": forms.DateInput(attrs={"type": "date"}),
            "evidence": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "value": _("A whole number: rupiah for funding, a count for the others."),
            "evidence": _("How program managers can check it: a contract, a report, a link."),
        }

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        if members is None:  # correcting an outcome: its start-up stays
            del self.fields["member"]
        else:
            self.fields["member"].queryset = members
            only = list(members[:2])
            if len(only) == 1:  # most start-ups were in one cohort
                self.fields["member"].initial = only[0].pk
                self.fields["member"].empty_label = None
            self.fields["member"].label_from_instance = lambda m: (
                f"{m.organisation.name} · {m.cohort.local_title}"
            )

    def clean_period_on(self):
        value = self.cleaned_data["period_on"]
        if value and value > timezone.localdate():
            raise forms.ValidationError(
                _("Report what has happened: the date cannot be later than today.")
            )
        return value


def my_startups(user):
    """The cohort places of the user's start-ups (accelerator cohorts only)."""
    return (
        CohortMember.objects.filter(
            organisation__memberships__user=user, cohort__kind="accelerator"
        )
        .select_related("organisation", "cohort")
        .distinct()
        .order_by("organisation__name", "-cohort__starts_on")
    )


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Message to the start-up"),
        required=False,
        max_length=NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required to return it: what to correct."),
    )
    expected_state = forms.CharField(widget=forms.HiddenInput, required=False)
