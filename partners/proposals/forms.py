from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from partners.models import Organisation, Proposal
from partners.models.proposals import MAX_ATTACHMENTS
from portal.models import Pillar, SustainableDevelopmentGoal
from portal.text import SingleLineFieldsMixin


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by the service, not here."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.png,.jpg,.jpeg"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


class ProposalForm(SingleLineFieldsMixin, forms.ModelForm):
    attachments = MultipleFileField(
        label=_("Add attachments"),
        required=False,
        help_text=_(
            "PDF, DOCX, XLSX, PNG or JPEG; at most 10 MB each and %(count)s per proposal. "
            "Only your organisation, its reviewers and program managers can open them."
        )
        % {"count": MAX_ATTACHMENTS},
    )

    class Meta:
        model = Proposal
        fields = [
            "title",
            "summary",
            "problem",
            "solution",
            "pillars",
            "sdgs",
            "target_agencies",
            "requested_support",
            "budget_idr",
            "duration_months",
            "team",
            "co_authors",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "problem": forms.Textarea(attrs={"rows": 6}),
            "solution": forms.Textarea(attrs={"rows": 6}),
            "requested_support": forms.Textarea(attrs={"rows": 4}),
            "team": forms.Textarea(attrs={"rows": 4}),
            "pillars": forms.CheckboxSelectMultiple,
            "sdgs": forms.CheckboxSelectMultiple,
            "co_authors": forms.CheckboxSelectMultiple,
            "target_agencies": forms.SelectMultiple(attrs={"size": 8}),
        }
        help_texts = {
            "title": _("A short name for what you propose."),
            "summary": _("Two or three sentences that a busy reader understands."),
            "problem": _("Which problem of the city this solves, and for whom."),
            "solution": _("What you will do, how, and what will be different afterwards."),
            "target_agencies": _(
                "The government agencies that would host or adopt it. Hold Ctrl (or ⌘) to pick several."
            ),
            "budget_idr": _("Whole rupiah, without dots or commas."),
            "team": _("Who will do the work and what they bring."),
            "co_authors": _("Members of your organisation who may edit this proposal with you."),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        default = Locale.get_default()
        active = Locale.get_active()
        # Taxonomy rows exist per language: store the default-language rows, label them in the
        # reader's language.
        pillar_names = dict(
            Pillar.objects.filter(locale=active).values_list("translation_key", "name")
        )
        goal_names = dict(
            SustainableDevelopmentGoal.objects.filter(locale=active).values_list(
                "translation_key", "name"
            )
        )
        self.fields["pillars"].queryset = Pillar.objects.filter(locale=default).order_by(
            "sort_order"
        )
        self.fields["pillars"].label_from_instance = lambda p: pillar_names.get(
            p.translation_key, p.name
        )
        self.fields["sdgs"].queryset = SustainableDevelopmentGoal.objects.filter(
            locale=default
        ).order_by("number")
        self.fields["sdgs"].label_from_instance = lambda g: (
            f"{g.number}. {goal_names.get(g.translation_key, g.name)}"
        )
        self.fields["target_agencies"].queryset = (
            Organisation.objects.verified().agencies().order_by("name")
        )
        self.fields["co_authors"].queryset = (
            get_user_model()
            .objects.filter(memberships__organisation=organisation, is_active=True)
            .order_by("email")
        )
        for name in ("summary", "problem", "solution", "requested_support", "team"):
            self.fields[name].max_length = self._meta.model._meta.get_field(name).max_length
            self.fields[name].widget.attrs["maxlength"] = self.fields[name].max_length


class StartProposalForm(SingleLineFieldsMixin, forms.Form):
    """Which of the member's organisations the new proposal is for (asked only when several)."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), label=_("Organisation")
    )
    title = forms.CharField(
        label=_("Title"), max_length=200, help_text=_("A short name for what you propose.")
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first()


class StepForm(forms.Form):
    comment = forms.CharField(
        required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    expected_state = forms.CharField(required=False, max_length=30, widget=forms.HiddenInput)
