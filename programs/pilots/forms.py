"""Forms for pilots: the pilot itself, steps, agency decisions, adoption and the public record.

Text is plain and escaped where shown; numbers and dates are validated here; uploads are checked
(type sniffed, size capped) in the service.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from partners.models import Organisation
from portal.models import Pillar, SustainableDevelopmentGoal
from portal.text import SingleLineFieldsMixin
from programs.models import District, Pilot, ProgrammePage
from programs.models.pilots import DocumentKind, Role, Scale

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PilotForm(SingleLineFieldsMixin, forms.ModelForm):
    districts = forms.MultipleChoiceField(
        label=_("Where in Jakarta"),
        choices=District.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Pilot
        fields = [
            "title",
            "title_id",
            "summary",
            "summary_id",
            "problem",
            "problem_id",
            "solution",
            "solution_id",
            "lead_organisation",
            "partner_organisations",
            "pillars",
            "sdgs",
            "programme",
            "districts",
            "start_date",
            "end_date",
            "budget_idr",
            "funding_source",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "summary_id": forms.Textarea(attrs={"rows": 3}),
            "problem": forms.Textarea(attrs={"rows": 5}),
            "solution": forms.Textarea(attrs={"rows": 5}),
            "problem_id": forms.Textarea(attrs={"rows": 5}),
            "solution_id": forms.Textarea(attrs={"rows": 5}),
            "pillars": forms.CheckboxSelectMultiple,
            "sdgs": forms.CheckboxSelectMultiple,
            "start_date": DATE,
            "end_date": DATE,
        }

    def __init__(self, *args, lead_editable=True, **kwargs):
        super().__init__(*args, **kwargs)
        verified = Organisation.objects.verified().order_by("name")
        self.fields["lead_organisation"].queryset = verified
        self.fields["partner_organisations"].queryset = verified
        self.fields["partner_organisations"].required = False
        self.fields["pillars"].queryset = Pillar.objects.filter(locale__language_code="en")
        self.fields["sdgs"].queryset = SustainableDevelopmentGoal.objects.filter(
            locale__language_code="en"
        ).order_by("number")
        self.fields["programme"].queryset = ProgrammePage.objects.filter(
            locale__language_code="en"
        ).order_by("title")
        if not lead_editable:
            # Only program managers hand a pilot to another organisation.
            del self.fields["lead_organisation"]

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date comes after the start date."))
        return data


class StepForm(forms.Form):
    comment = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required to extend or discontinue (the reason). Public on the pilot's page."),
    )
    expected_state = forms.CharField(required=False, max_length=30, widget=forms.HiddenInput)


class InviteForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Agency"), queryset=Organisation.objects.verified().agencies().order_by("name")
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class IndicatorForm(SingleLineFieldsMixin, forms.Form):
    name = forms.CharField(label=_("Indicator"), max_length=200)
    unit = forms.CharField(label=_("Unit"), max_length=50, required=False)
    baseline = forms.DecimalField(
        label=_("Baseline"), max_digits=14, decimal_places=2, required=False
    )
    target = forms.DecimalField(label=_("Target"), max_digits=14, decimal_places=2)
    measured = forms.DecimalField(
        label=_("Measured value"), max_digits=14, decimal_places=2, required=False
    )


class MeasureForm(forms.Form):
    measured = forms.DecimalField(label=_("Measured value"), max_digits=14, decimal_places=2)


class MilestoneForm(SingleLineFieldsMixin, forms.Form):
    """A new milestone starts planned; its state then moves on its own page."""

    title = forms.CharField(label=_("Milestone"), max_length=200)
    title_id = forms.CharField(
        label=_("Milestone (Bahasa Indonesia)"), max_length=200, required=False
    )
    due_on = forms.DateField(label=_("Due"), widget=DATE)


class DocumentForm(SingleLineFieldsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    reference = forms.CharField(
        label=_("Reference"),
        max_length=200,
        required=False,
        help_text=_("Agreement or letter number, shown publicly."),
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, Word, Excel, PNG or JPEG, up to 10 MB. Only participants download it."),
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    public = forms.BooleanField(
        label=_("Show on the public timeline"),
        required=False,
        help_text=_("Leave unticked for internal discussion: it never appears publicly."),
    )


class DecisionForm(forms.Form):
    comment = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when declining. Public on the pilot's page."),
    )
    expected_state = forms.CharField(required=False, max_length=30, widget=forms.HiddenInput)


class AdoptionForm(SingleLineFieldsMixin, forms.Form):
    adopted_on = forms.DateField(label=_("Adopted on"), widget=DATE)
    legal_basis = forms.CharField(
        label=_("Legal basis or reference"),
        max_length=300,
        help_text=_("Decree, regulation or agreement number."),
    )
    scale = forms.ChoiceField(label=_("Scale"), choices=Scale.choices)
    service = forms.CharField(label=_("Service or programme it became"), max_length=300)
