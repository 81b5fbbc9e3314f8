from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


class OpenDataLicence(models.TextChoices):
    """Open Definition licence ids (what a Data Package and a DCAT catalogue name)."""

    CC_BY = "CC-BY-4.0", "Creative Commons Attribution 4.0 (CC BY 4.0)"
    CC_BY_SA = "CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0)"
    CC0 = "CC0-1.0", "Creative Commons Zero 1.0 (CC0, public domain)"
    ODBL = "ODbL-1.0", "Open Data Commons Open Database License 1.0 (ODbL)"


LICENCE_URLS = {
    OpenDataLicence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    OpenDataLicence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    OpenDataLicence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
    OpenDataLicence.ODBL: "https://opendatacommons.org/licenses/odbl/1-0/",
}


@register_setting(icon="cog")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """Contact details, social links and footer text, edited by program managers."""

    organisation_name = models.CharField(
        _("organisation name"), max_length=200, default="Jakarta Development Collaboration Network"
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True)
    footer_text = models.TextField(
        _("footer text"),
        blank=True,
        help_text=_("A sentence about the network, shown in the footer."),
    )
    footer_text_id = models.TextField(
        _("footer text (Bahasa Indonesia)"),
        blank=True,
        help_text=_("Shown instead of the footer text on Indonesian pages."),
    )
    open_data_licence = models.CharField(
        _("open-data licence"),
        max_length=20,
        choices=OpenDataLicence.choices,
        default=OpenDataLicence.CC_BY,
        help_text=_("The licence of every dataset on the open-data page."),
    )
    open_data_intro = models.TextField(
        _("open-data introduction"),
        blank=True,
        help_text=_("A paragraph at the top of the open-data page."),
    )
    open_data_intro_id = models.TextField(
        _("open-data introduction (Bahasa Indonesia)"),
        blank=True,
        help_text=_("Shown instead of the introduction on Indonesian pages."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("address"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("footer_text"), FieldPanel("footer_text_id")], heading=_("Footer")
        ),
        MultiFieldPanel(
            [
                FieldPanel("open_data_licence"),
                FieldPanel("open_data_intro"),
                FieldPanel("open_data_intro_id"),
            ],
            heading=_("Open data"),
        ),
        InlinePanel("social_links", heading=_("Social links"), label=_("Social link")),
    ]

    class Meta:
        verbose_name = _("site settings")

    def footer_text_for(self, language_code):
        if language_code == "id" and self.footer_text_id:
            return self.footer_text_id
        return self.footer_text

    def open_data_intro_for(self, language_code):
        if language_code == "id" and self.open_data_intro_id:
            return self.open_data_intro_id
        return self.open_data_intro

    @property
    def open_data_licence_url(self):
        return LICENCE_URLS.get(self.open_data_licence, "")


class SocialLink(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="social_links")
    label = models.CharField(_("label"), max_length=60, help_text=_("For example: Instagram"))
    url = models.URLField(_("URL"))
    panels = [FieldPanel("label"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("social link")

    def __str__(self):
        return self.label
