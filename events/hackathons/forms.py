from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import Licence, Track
from partners.models import Organisation
from portal.text import SingleLineFieldsMixin


class TeamForm(SingleLineFieldsMixin, forms.Form):
    name = forms.CharField(label=_("Team name"), max_length=120)
    track = forms.ModelChoiceField(label=_("Track"), queryset=Track.objects.none(), required=False)
    looking_for_members = forms.BooleanField(label=_("We are looking for members"), required=False)
    skills_wanted = forms.CharField(
        label=_("Skills we are looking for"), max_length=300, required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("Our start-up organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Optional: an organisation you are a member of. It leads a pilot if you win."),
    )

    def __init__(self, *args, hackathon, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["track"].queryset = hackathon.tracks.all()
        self.fields["organisation"].queryset = Organisation.objects.filter(
            memberships__user=user
        ).order_by("name")


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address to invite"))


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the team"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class SubmissionForm(SingleLineFieldsMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=150, required=False)
    tagline = forms.CharField(
        label=_("Tagline"),
        max_length=200,
        required=False,
        help_text=_("One sentence: what it does, for whom."),
    )
    problem = forms.CharField(
        label=_("Problem"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    repository_url = forms.URLField(
        label=_("Repository URL"), required=False, assume_scheme="https"
    )
    demo_url = forms.URLField(label=_("Demo URL"), required=False, assume_scheme="https")
    video_url = forms.URLField(label=_("Video URL"), required=False, assume_scheme="https")
    technologies = forms.CharField(
        label=_("Technologies"), max_length=300, required=False, help_text=_("Separated by commas.")
    )
    licence = forms.ChoiceField(
        label=_("Licence"), required=False, choices=[("", "—"), *Licence.choices]
    )
    pitch_deck = forms.FileField(label=_("Pitch deck (PDF, at most 10 MB)"), required=False)
    screenshots = forms.FileField(
        label=_("Screenshots (PNG or JPEG, at most 3 MB each)"),
        required=False,
        widget=MultipleFileInput(),
    )


class DisqualifyForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the team reads it)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AwardForm(SingleLineFieldsMixin, forms.Form):
    submission = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Award"), max_length=200)
    title_id = forms.CharField(label=_("Award (Bahasa Indonesia)"), max_length=200, required=False)
    track = forms.ModelChoiceField(label=_("Track"), queryset=Track.objects.none(), required=False)
    prize = forms.CharField(label=_("Prize"), max_length=300, required=False)

    def __init__(self, *args, hackathon, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["track"].queryset = hackathon.tracks.all()


class ConflictForm(SingleLineFieldsMixin, forms.Form):
    team = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Why (for program managers)"), max_length=300, required=False)
