"""Owners and editors edit their organisation's public profile from its member area.

Moderation follows the organisation requests' rule: a program manager verifies who the
organisation is (its name, kind and slug stay theirs, in the admin); what it says about itself
(description, logo, website, city, pillars) its owners and editors keep up to date. A pending
organisation's changes wait in the same verification queue; a verified organisation's changes
go public at once and every program manager is told, so they can look and suspend it if needed.
"""

import logging

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from partners import permissions
from partners.models import Organisation
from portal.links import link
from portal.models import Pillar
from portal.notifications.services import notify
from portal.permissions import program_managers
from portal.sanitize import sanitize_html
from portal.services import require
from portal.text import SingleLineFieldsMixin, plain_text
from portal.uploads import JPEG, MB, PNG, check_upload

logger = logging.getLogger(__name__)

LOGO_TYPES = (PNG, JPEG)
LOGO_MAX_BYTES = 2 * MB
PROFILE_FIELDS = ("description", "website", "city", "pillars")


class OrganisationProfileForm(SingleLineFieldsMixin, forms.ModelForm):
    logo_file = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("A PNG or JPEG image of at most 2 MB. Leave empty to keep the current logo."),
    )
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)

    class Meta:
        model = Organisation
        fields = list(PROFILE_FIELDS)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "pillars": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "description": _("What the organisation does. Basic formatting and links are kept."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].max_length = 5000
        # Organisations link the default language's pillars; labels follow the member's language.
        default, active = Locale.get_default(), Locale.get_active()
        names = dict(Pillar.objects.filter(locale=active).values_list("translation_key", "name"))
        self.fields["pillars"].queryset = Pillar.objects.filter(locale=default)
        self.fields["pillars"].label_from_instance = lambda p: names.get(p.translation_key, p.name)
        self.fields["pillars"].label = _("Smart-city pillars")
        if not self.instance.logo_id:
            del self.fields["remove_logo"]

    def clean_city(self):
        return plain_text(self.cleaned_data.get("city"), 100, single_line=True)

    def clean_logo_file(self):
        uploaded = self.cleaned_data.get("logo_file")
        if not uploaded:
            return None
        check_upload(uploaded, allowed=LOGO_TYPES, max_bytes=LOGO_MAX_BYTES)
        _check_decodes(uploaded)
        return uploaded


def _check_decodes(uploaded):
    """The right first bytes are not enough: the image must decode (Pillow verifies it)."""
    from PIL import Image as PillowImage

    uploaded.seek(0)
    try:
        with PillowImage.open(uploaded) as image:
            image.verify()
    except Exception as error:
        raise forms.ValidationError(
            _("“%(name)s” is not a readable image.") % {"name": uploaded.name}, code="broken"
        ) from error
    finally:
        uploaded.seek(0)


@transaction.atomic
def update_profile(
    actor, organisation, *, description, website, city, pillars, logo_file=None, remove_logo=False
) -> Organisation:
    """Save the public profile an owner or editor changed; program managers hear of it."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    require(permissions.can_edit_profile(actor, organisation))
    organisation.description = str(sanitize_html(description or ""))
    organisation.website = website or ""
    organisation.city = plain_text(city, 100, single_line=True)
    if logo_file is not None:
        organisation.logo = _logo_image(organisation, logo_file, actor)
    elif remove_logo:
        organisation.logo = None
    organisation.save()
    organisation.pillars.set(pillars)
    if organisation.is_public:
        notify(
            program_managers(),
            title=_("An organisation changed its public profile"),
            body=organisation.name,
            url=link("organisations:edit", organisation.pk),
            kind="partners.organisation_profile_changed",
        )
    logger.info("Organisation %s profile changed by %s", organisation.pk, actor.pk)
    return organisation


def _logo_image(organisation, uploaded, actor):
    from wagtail.images import get_image_model

    return get_image_model().objects.create(
        title=str(_("Logo of %(name)s") % {"name": organisation.name})[:255],
        file=uploaded,
        uploaded_by_user=actor,
    )
