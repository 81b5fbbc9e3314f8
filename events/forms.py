from django import forms
from django.utils.translation import gettext_lazy as _

from events.services import MAX_ANSWER_LENGTH
from portal.text import SingleLineFieldsMixin


class RegistrationForm(forms.Form):
    """One step: the event's own questions (if any), then the button."""

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = []
        for number, block in enumerate(event.registration_questions):
            value = block.value
            name = f"q{number}"
            choices = [c.strip() for c in (value["choices"] or "").splitlines() if c.strip()]
            common = {
                "label": value["question"],
                "required": bool(value["required"]),
                "help_text": value["help_text"],
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


class CheckInSearchForm(SingleLineFieldsMixin, forms.Form):
    q = forms.CharField(label=_("Name or e-mail"), max_length=200, required=False)


class AddPersonForm(forms.Form):
    email = forms.EmailField(label=_("E-mail of a member"))
