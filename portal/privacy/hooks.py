"""Admin wiring for data requests: the screen, its menu item (program managers only) and the
audit-log label of an account deletion."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from portal.permissions import is_program_manager

from . import admin_views


@hooks.register("register_admin_urls")
def data_request_urls():
    return [
        path("data-requests/", admin_views.find_member, name="data_requests"),
        path(
            "data-requests/<id:pk>/export/", admin_views.export_member, name="data_request_export"
        ),
        path("data-requests/<id:pk>/erase/", admin_views.erase_member, name="data_request_erase"),
    ]


class ProgramManagerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_program_manager(request.user)


@hooks.register("register_admin_menu_item")
def data_requests_menu_item():
    return ProgramManagerMenuItem(
        _("Data requests"), reverse("data_requests"), icon_name="user", order=9000
    )


@hooks.register("register_log_actions")
def register_erasure_log_action(actions):
    @actions.register_action("portal.account_erased")
    class AccountErasedFormatter(LogFormatter):
        label = _("Account deleted")

        def format_message(self, log_entry):
            return _("Account and personal data deleted")
