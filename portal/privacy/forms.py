from django import forms
from django.utils.translation import gettext_lazy as _


class DeleteAccountForm(forms.Form):
    """The member confirms with their password: a borrowed session alone cannot delete them."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    understood = forms.BooleanField(
        label=_("I understand that my account and my personal data are deleted for good."),
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        if not user.has_usable_password():
            del self.fields["password"]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("understood"):
            raise forms.ValidationError(
                _("Tick the box to confirm that you want to delete your account.")
            )
        return cleaned

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password


class FindMemberForm(forms.Form):
    email = forms.EmailField(label=_("Member's e-mail address"), max_length=254)


class ConfirmErasureForm(forms.Form):
    confirm_email = forms.EmailField(
        label=_("Type the member's e-mail address to confirm"), max_length=254
    )

    def __init__(self, *args, member, **kwargs):
        self.member = member
        super().__init__(*args, **kwargs)

    def clean_confirm_email(self):
        email = self.cleaned_data["confirm_email"]
        if email.lower() != self.member.email.lower():
            raise forms.ValidationError(_("This is not the member's e-mail address."))
        return email
