from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from partners.models import MembershipRole, Organisation, OrganisationKind
from portal.models import Pillar, SustainableDevelopmentGoal
from portal.text import SingleLineFieldsMixin


class OrganisationRequestForm(SingleLineFieldsMixin, forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "short_name", "kind", "city", "country", "website", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "name": _("The organisation's full, official name."),
            "description": _("What the organisation does. Basic formatting and links are kept."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Government agencies are set up by program managers, not requested by the public.
        self.fields["kind"].choices = [
            c for c in self.fields["kind"].choices if c[0] != OrganisationKind.AGENCY
        ]
        self.fields["description"].max_length = 5000

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if Organisation.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError(
                _(
                    "An organisation with this name is already in the network. Ask to join it instead."
                )
            )
        return name


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[c for c in MembershipRole.choices if c[0] != MembershipRole.LIAISON],
        initial=MembershipRole.MEMBER,
    )

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisation is not None and organisation.is_agency:
            self.fields["role"].choices = MembershipRole.choices


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the owners (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ChallengeForm(SingleLineFieldsMixin, forms.Form):
    """A liaison's draft challenge. Text is plain: blank lines start new paragraphs."""

    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=300,
        help_text=_("One or two sentences shown on the list of challenges."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    problem_statement = forms.CharField(
        label=_("Problem statement"),
        max_length=5000,
        help_text=_("What is the problem, for whom, and how do you know? Plain text."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    context = forms.CharField(
        label=_("Context"),
        max_length=5000,
        required=False,
        help_text=_("What has been tried, rules and constraints. Plain text."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    data_available = forms.CharField(
        label=_("Data available"),
        max_length=5000,
        required=False,
        help_text=_("Data sets, sensors and systems partners may use. Plain text."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    expected_outcomes = forms.CharField(
        label=_("Expected outcomes"),
        max_length=5000,
        required=False,
        help_text=_("What would a good answer change? Plain text."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    pillars = forms.ModelMultipleChoiceField(
        label=_("Smart-city pillars"),
        queryset=Pillar.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sdgs = forms.ModelMultipleChoiceField(
        label=_("Sustainable Development Goals"),
        queryset=SustainableDevelopmentGoal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    response_deadline = forms.DateTimeField(
        label=_("Response deadline (optional)"),
        required=False,
        help_text=_("Jakarta time (WIB, UTC+7)."),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Pages link the default language's rows; labels follow the member's language.
        default, active = Locale.get_default(), Locale.get_active()
        pillar_names = dict(
            Pillar.objects.filter(locale=active).values_list("translation_key", "name")
        )
        sdg_names = dict(
            SustainableDevelopmentGoal.objects.filter(locale=active).values_list(
                "translation_key", "name"
            )
        )
        self.fields["pillars"].queryset = Pillar.objects.filter(locale=default)
        self.fields["pillars"].label_from_instance = lambda p: pillar_names.get(
            p.translation_key, p.name
        )
        self.fields["sdgs"].queryset = SustainableDevelopmentGoal.objects.filter(locale=default)
        self.fields["sdgs"].label_from_instance = lambda g: (
            f"{g.number}. {sdg_names.get(g.translation_key, g.name)}"
        )

    def clean_response_deadline(self):
        deadline = self.cleaned_data.get("response_deadline")
        if deadline is not None and deadline <= timezone.now():
            raise forms.ValidationError(
                _("The response deadline has passed. Choose a date and time in the future.")
            )
        return deadline
