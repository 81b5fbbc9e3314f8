from django import forms
from django.utils.translation import gettext_lazy as _

from partners.models import MembershipRole, Organisation, OrganisationKind


class OrganisationRequestForm(forms.ModelForm):
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
