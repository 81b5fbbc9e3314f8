"""Admin for API keys (program managers: the group's permissions come from a data migration).

A new key's secret is shown once, on the page that follows its creation; only its digest is
stored, so a lost key is replaced, not recovered."""

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import CreateView

from api import services
from api.models import ApiKey
from portal.admin_viewsets import PortalModelViewSet


class ApiKeyCreateView(CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        instance, self.secret = services.create_key(
            name=data["name"], owner=data.get("owner"), active=data.get("active", True)
        )
        return instance

    def save_action(self):
        response = TemplateResponse(
            self.request,
            "api/admin/key_created.html",
            {
                "api_key": self.object,
                "secret": self.secret,
                "index_url": reverse(self.index_url_name),
                "docs_url": reverse("api:docs"),
            },
        )
        add_never_cache_headers(response)
        return response


class ApiKeyViewSet(PortalModelViewSet):
    model = ApiKey
    icon = "key"
    menu_label = _("API keys")
    menu_order = 900
    add_to_admin_menu = True
    add_view_class = ApiKeyCreateView
    form_fields = ["name", "owner", "active"]
    list_display = ["name", "prefix", "owner", "active", "created"]
    list_filter = ["active"]
    search_fields = ["name", "prefix"]
    ordering = ["-created"]


@hooks.register("register_admin_viewset")
def register_api_key_viewset():
    return ApiKeyViewSet("api_keys")
