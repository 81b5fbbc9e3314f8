from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from partners.models import Organisation
from partners.proposals.forms import MultipleFileField
from programs.models import CohortApplication
from programs.models.cohort_applications import MAX_ATTACHMENTS

from .services import MAX_ANSWER_LENGTH


class ApplicationForm(forms.ModelForm):
    """The fixed fields, the cohort's own questions, co-authors and attachments."""

    attachments = MultipleFileField(
        label=_("Add attachments"),
        required=False,
        help_text=_(
            "PDF, DOCX, XLSX, PNG or JPEG (a pitch deck, for instance); at most 10 MB each and "
            "%(count)s per application. Only your organisation and program managers open them."
        )
        % {"count": MAX_ATTACHMENTS},
    )

    class Meta:
        model = CohortApplication
        fields = ["pitch", "problem", "solution", "team", "needs", "co_authors"]
        widgets = {
            "pitch": forms.Textarea(attrs={"rows": 3}),
            "problem": forms.Textarea(attrs={"rows": 5}),
            "solution": forms.Textarea(attrs={"rows": 5}),
            "team": forms.Textarea(attrs={"rows": 4}),
            "needs": forms.Textarea(attrs={"rows": 4}),
            "co_authors": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "pitch": _("Two or three sentences: what you do and for whom."),
            "problem": _("Which problem of the city you solve."),
            "solution": _("Your product or service, and how far it is."),
            "team": _("Who you are and what you bring."),
            "needs": _("Mentoring, data, an agency partner: what would help you most."),
            "co_authors": _("Members of your organisation who may edit this application with you."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        application = self.instance
        self.fields["co_authors"].queryset = (
            get_user_model()
            .objects.filter(memberships__organisation=application.organisation, is_active=True)
            .order_by("email")
        )
        for name in ("pitch", "problem", "solution", "team", "needs"):
            self.fields[name].max_length = self._meta.model._meta.get_field(name).max_length
            self.fields[name].widget.attrs["maxlength"] = self.fields[name].max_length
        self.questions = []
        answers = application.answers or {}
        for number, block in enumerate(application.cohort.questions):
            value = block.value
            name = f"q{number}"
            choices = [c.strip() for c in (value["choices"] or "").splitlines() if c.strip()]
            common = {
                "label": value["question"],
                "required": False,  # drafts may be incomplete; submitting names what is missing
                "help_text": value["help_text"],
                "initial": answers.get(value["question"], ""),
            }
            if choices:
                field = forms.ChoiceField(choices=[("", "—"), *[(c, c) for c in choices]], **common)
            else:
                field = forms.CharField(
                    max_length=MAX_ANSWER_LENGTH, widget=forms.Textarea(attrs={"rows": 2}), **common
                )
            self.fields[name] = field
            self.questions.append((name, value["question"]))

    def answers(self):
        return {question: self.cleaned_data.get(name, "") for name, question in self.questions}


class StartForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), label=_("Organisation")
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first()


class StepForm(forms.Form):
    comment = forms.CharField(
        required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    expected_state = forms.CharField(required=False, max_length=30, widget=forms.HiddenInput)
