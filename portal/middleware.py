from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from portal import request_memo


def _is_admin_path(path):
    return path.startswith("/admin/")


class AdminSecurityMiddleware:
    """Security headers that differ between the public site and the Wagtail admin.

    - The public site gets the strict, nonce-based CSP from settings; /admin/ a relaxed one,
      because Wagtail's admin relies on inline scripts and styles.
    - Staff must have set up TOTP before they reach /admin/ when PORTAL_REQUIRE_STAFF_MFA is on.
    - A signed-in member without admin access gets 404 from every /admin/ URL (exports
      included), as for any private object: the admin's own "no permission" redirect would
      confirm what exists.
    - A Permissions-Policy header limits browser features everywhere.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            _is_admin_path(request.path)
            and request.user.is_authenticated
            and not request.user.has_perm("wagtailadmin.access_admin")
        ):
            raise Http404
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


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 under /admin/, /documents/ or /api/ stays a 404, and that
    the request looks each Wagtail ``Locale`` up once (portal/request_memo.py).

    Django retries a 404 with a language prefix, and Wagtail's catch-all makes every prefixed
    path "valid", so /admin/… would bounce to /en/admin/… before answering 404.
    """

    UNPREFIXED = ("/admin/", "/documents/", "/api/")

    def __call__(self, request):
        with request_memo.request_scope():
            return super().__call__(request)

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(self.UNPREFIXED):
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


def _has_null_character(query):
    return any("\x00" in key or "\x00" in value for key, value in query.items())


class NullCharacterMiddleware:
    """A query parameter holding a NUL character is refused with 400 before any view reads it:
    PostgreSQL cannot compare text with NUL, so a filter would otherwise fail as a server error.
    The API answers the same in JSON itself (api/views.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/api/") and _has_null_character(request.GET):
            return render(
                request,
                "400.html",
                {"reason": _("The address holds a null character, which is not allowed.")},
                status=400,
            )
        return self.get_response(request)
