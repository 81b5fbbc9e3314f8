"""The reviewer's form: one radio group per criterion, a recommendation and two comments.

Every field is optional here so that drafts may be partial; what a submission needs is checked by
``services.save_review``, whose per-field messages the view puts back on these fields.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models import Recommendation

from .services import COMMENT_MAX_LENGTH


class ReviewForm(forms.Form):
    recommendation = forms.ChoiceField(
        label=_("Your recommendation"),
        choices=Recommendation.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the recommendations offered.")},
    )
    comment_for_staff = forms.CharField(
        label=_("Comment for program managers only"),
        help_text=_("Only program managers read this. The applicant never sees it."),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    comment_for_applicant = forms.CharField(
        label=_("Comment shared with the applicant"),
        help_text=_("The applicant may read this with the decision. Be specific and kind."),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, rubric, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(rubric.criteria.all())
        for criterion in self.criteria:
            self.fields[self.field_name(criterion)] = forms.TypedChoiceField(
                label=criterion.label,
                choices=[(n, str(n)) for n in criterion.score_range],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                error_messages={
                    "invalid_choice": _("“%(criterion)s” takes a score from %(min)s to %(max)s.")
                    % {
                        "criterion": criterion.label,
                        "min": criterion.min_score,
                        "max": criterion.max_score,
                    }
                },
            )

    @staticmethod
    def field_name(criterion):
        return f"criterion_{criterion.pk}"

    def criterion_fields(self):
        """(criterion, bound field) pairs, in the rubric's order, for the template."""
        return [(criterion, self[self.field_name(criterion)]) for criterion in self.criteria]

    def scores(self):
        return {c.pk: self.cleaned_data.get(self.field_name(c)) for c in self.criteria}
