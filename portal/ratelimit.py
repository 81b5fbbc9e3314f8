"""Rate limits for member forms where abuse is cheap (allauth limits the account forms itself).

Counters live in the cache, which is Redis in production, so every app server sees the same
count. A limited request gets the friendly 429 page and changes nothing.
"""

import functools

from django.core.cache import cache
from django.shortcuts import render

from portal.clientip import client_ip


def allow(scope, key, *, limit, period):
    """Count one attempt for ``key`` in ``scope``; False once ``limit`` is passed in ``period``."""
    name = f"ratelimit:{scope}:{key}"
    if cache.add(name, 1, timeout=period):
        return True
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr: start again
        cache.add(name, 1, timeout=period)
        return True
    return count <= limit


def _client_key(request):
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"ip:{client_ip(request)}"


def rate_limit(scope, *, limit, period=3600):
    """Limit POSTs to the decorated view to ``limit`` per ``period`` seconds per member."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST" and not allow(
                scope, _client_key(request), limit=limit, period=period
            ):
                return render(request, "429.html", status=429)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
