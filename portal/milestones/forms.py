"""Forms for milestones: the step form the team and program managers use (evidence, file,
message), and the admin form that adds or edits a milestone's title and due date."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import EVIDENCE_LIMIT


class StepForm(forms.Form):
    evidence = forms.CharField(
        label=_("Evidence"),
        required=False,
        max_length=EVIDENCE_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required to submit: what was done, and where to see it (links, names)."),
    )
    evidence_file = forms.FileField(
        label=_("Evidence file (optional)"),
        required=False,
        help_text=_(
            "PDF, Word, Excel, PNG or JPEG, up to 10 MB. Only the team and program managers "
            "download it."
        ),
    )
    comment = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required to report a delay (the reason) or to request changes."),
    )
    expected_state = forms.CharField(required=False, max_length=30, widget=forms.HiddenInput)

    def __init__(self, *args, milestone=None, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        names = {action.name for action in actions}
        if milestone is not None and not self.is_bound:
            self.initial.setdefault("evidence", milestone.evidence)
            self.initial.setdefault("expected_state", milestone.state)
        if "submit" not in names:
            del self.fields["evidence"]
            del self.fields["evidence_file"]
        if not names & {"delay", "request_changes", "accept"}:
            del self.fields["comment"]


class MilestoneAdminForm(WagtailAdminModelForm):
    """A new due date makes an overdue reminder due again."""

    def save(self, commit=True):
        if self.instance.pk and "due_on" in self.changed_data:
            self.instance.reminded_at = None
        return super().save(commit=commit)
