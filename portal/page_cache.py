"""The full-page cache for anonymous visitors, and the Cache-Control header of every response.

A response is *public* only when nothing in it can belong to one person: an anonymous GET/HEAD
without a session or messages cookie, answered 200, setting no cookie, using no CSRF token, not
marked private by its view. Public responses are stored in the shared cache (keyed by scheme,
host, full path with query, and language, under the current generation: ``portal.cache``) and
sent with ``Cache-Control: public, max-age, s-maxage, stale-while-revalidate``. Everything else
is ``private, no-store``. A signed-in member therefore never reaches the shared cache: they get
their own render. The CSP nonce of a stored page is replaced with a fresh one on every hit.

See docs/caching.md.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.csp import generate_nonce
from django.utils.http import parse_http_date_safe
from django.utils.translation import get_language_from_request

from portal.cache import GENERATION_KEY, generation

MESSAGES_COOKIE = "messages"  # django.contrib.messages CookieStorage
NONCE_PLACEHOLDER = "__portal_csp_nonce__"
CACHEABLE_VARY = {"cookie", "accept-language", "accept-encoding"}
STATUS_HEADER = "X-Portal-Cache"  # hit / miss / bypass, for operators and the benchmark
PREFIX = "portal:page:"


def _personal_request(request):
    """The visitor carries something that may make the page theirs."""
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME in cookies
        or MESSAGES_COOKIE in cookies
        or "HTTP_AUTHORIZATION" in request.META
    )


def _key(request):
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    language = get_language_from_request(request, check_path=True)
    raw = f"{request.scheme}|{host}|{language}|{request.get_full_path()}"
    return PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def _personal_response(request, response):
    user = getattr(request, "user", None)
    return bool(
        response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or (user is not None and user.is_authenticated)
    )


def _publishable(request, response):
    """Nothing personal and nothing the view asked to keep private: may be shared."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return False
    if response.streaming or request.path.startswith(settings.PORTAL_PAGE_CACHE_EXCLUDE):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return vary <= CACHEABLE_VARY


def _public_header():
    return (
        f"public, max-age={settings.PORTAL_CACHE_MAX_AGE}, "
        f"s-maxage={settings.PORTAL_CACHE_S_MAXAGE}, "
        f"stale-while-revalidate={settings.PORTAL_CACHE_STALE_WHILE_REVALIDATE}"
    )


def _nonce_free(request, response):
    """The stored form of a response: its CSP nonce replaced by a placeholder."""
    content = response.content
    headers = list(response.items())
    nonce = getattr(request, "_csp_nonce", None)
    if nonce:  # a LazyNonce is true once the page used it
        value = str(nonce)
        content = content.replace(value.encode(), NONCE_PLACEHOLDER.encode())
        headers = [(name, text.replace(value, NONCE_PLACEHOLDER)) for name, text in headers]
    return {"content": content, "headers": headers}


def _from_store(request, stored):
    nonce = generate_nonce()
    content = stored["content"].replace(NONCE_PLACEHOLDER.encode(), nonce.encode())
    response = HttpResponse(b"" if request.method == "HEAD" else content)
    for name, text in stored["headers"]:
        response[name] = text.replace(NONCE_PLACEHOLDER, nonce)
    if "Content-Length" in response:
        response["Content-Length"] = str(len(content))
    response[STATUS_HEADER] = "hit"
    # A reader (or proxy) revalidating what it holds gets 304, as the view itself would answer.
    conditional = get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )
    conditional[STATUS_HEADER] = "hit"
    return conditional


class PublicPageCacheMiddleware:
    """Serve and store public pages; label every response public or ``private, no-store``.

    Sits above the session, CSRF, auth and messages middleware, so a hit costs no database query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = None
        if (
            settings.PORTAL_PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and not _personal_request(request)
            and not request.path.startswith(settings.PORTAL_PAGE_CACHE_EXCLUDE)
        ):
            key = _key(request)
        if key is not None:
            found = cache.get_many([GENERATION_KEY, key])
            current = found.get(GENERATION_KEY)
            if current is None:
                current = generation()
            request._portal_generation = current
            stored = found.get(key)
            if stored is not None and stored["generation"] == current:
                return _from_store(request, stored)
        response = self.get_response(request)
        personal = _personal_request(request) or _personal_response(request, response)
        if personal or not _publishable(request, response):
            # Keeps what the view said (never_cache's no-cache, max-age=0), drops "public".
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ["Cookie"])
            if key is not None:
                response[STATUS_HEADER] = "bypass"
            return response
        response["Cache-Control"] = _public_header()
        patch_vary_headers(response, ["Cookie"])
        if key is not None and len(response.content) <= settings.PORTAL_PAGE_CACHE_MAX_BYTES:
            stored = _nonce_free(request, response)
            stored["generation"] = request._portal_generation
            cache.set(key, stored, settings.PORTAL_PAGE_CACHE_TIMEOUT)
            response[STATUS_HEADER] = "miss"
        return response
