"""Who is calling: an API key (``Authorization: Api-Key <key>`` or ``X-Api-Key``) or nobody,
and how often each may call (DRF throttles on the portal's cache, so every app server shares
the counts). Anonymous clients are counted by IP address (``portal.clientip``), key holders by
key. The rates are ``settings.PORTAL_API_RATES``, read on every request."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions, throttling

from api.models import ApiKey
from portal.clientip import client_ip

SCHEME = "Api-Key"


def sent_key(request):
    """The key the request carries, or ''."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _space, value = header.partition(" ")
    if scheme.lower() == SCHEME.lower() and value.strip():
        return value.strip()
    return request.META.get("HTTP_X_API_KEY", "").strip()


class ApiKeyAuthentication(authentication.BaseAuthentication):
    """A known, active key authenticates the client (not a user: keys give no more data, only a
    higher limit). An unknown or inactive key is refused with 401 rather than quietly treated
    as anonymous, so its holder notices."""

    def authenticate(self, request):
        key = sent_key(request)
        if not key:
            return None
        api_key = ApiKey.objects.for_key(key)
        if api_key is None:
            raise exceptions.AuthenticationFailed(_("Unknown or inactive API key."))
        return (AnonymousUser(), api_key)

    def authenticate_header(self, request):
        return SCHEME


class ClientRateThrottle(throttling.SimpleRateThrottle):
    """One bucket per API key, else one per client IP address."""

    scope = "anonymous"

    def get_rate(self):
        return settings.PORTAL_API_RATES[self.scope]

    def allow_request(self, request, view):
        self.scope = "key" if isinstance(request.auth, ApiKey) else "anonymous"
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiKey):
            ident = f"key-{request.auth.pk}"
        else:
            ident = client_ip(request._request) or "unknown"
        return f"portal:api:throttle:{self.scope}:{ident}"
