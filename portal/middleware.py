from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _


def _is_admin_path(path):
    return path.startswith("/admin/")


class AdminSecurityMiddleware:
    """Security headers that differ between the public site and the Wagtail admin.

    - The public site gets the strict, nonce-based CSP from settings; /admin/ a relaxed one,
      because Wagtail's admin relies on inline scripts and styles.
    - Staff must have set up TOTP before they reach /admin/ when PORTAL_REQUIRE_STAFF_MFA is on.
    - A Permissions-Policy header limits browser features everywhere.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            _is_admin_path(request.path)
            and settings.PORTAL_REQUIRE_STAFF_MFA
            and request.user.is_authenticated
            and request.user.is_staff
            and not _has_totp(request.user)
        ):
            messages.warning(
                request,
                _("Set up two-factor authentication before you use the admin."),
            )
            return redirect("mfa_activate_totp")
        response = self.get_response(request)
        if _is_admin_path(request.path):
            response._csp_config = settings.PORTAL_ADMIN_CSP
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def _has_totp(user):
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
