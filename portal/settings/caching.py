"""Cache (local memory, or Redis with the sessions in it), the public page cache and CDN purges
(docs/caching.md)."""

from .environment import env, env_bool

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # An unreachable Redis fails fast instead of hanging every request.
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 5,
            },
        }
    }
    # Sessions live in the cache too, so app servers stay stateless.
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The public cache (docs/caching.md). Anonymous pages are stored in the default cache under a
# generation counter that every public change moves on (portal/cache.py). Local memory is per
# process, so the page and frame caches are on by default only with Redis (shared by every app
# server); PAGE_CACHE=1 forces them on (one process: `make run`), PAGE_CACHE=0 turns them off.
PORTAL_PAGE_CACHE = env_bool("PAGE_CACHE", bool(REDIS_URL))
PORTAL_FRAME_CACHE = env_bool("FRAME_CACHE", PORTAL_PAGE_CACHE)
PORTAL_PAGE_CACHE_TIMEOUT = int(env("PAGE_CACHE_TIMEOUT", "3600"))  # seconds an entry is kept
PORTAL_PAGE_CACHE_MAX_BYTES = 2 * 1024 * 1024  # larger responses are not stored
PORTAL_PAGE_CACHE_EXCLUDE = ("/admin/",)
# Cache-Control of public responses: browsers keep a page briefly, a CDN longer (it is purged).
PORTAL_CACHE_MAX_AGE = int(env("CACHE_MAX_AGE", "60"))
PORTAL_CACHE_S_MAXAGE = int(env("CACHE_S_MAXAGE", "300"))
PORTAL_CACHE_STALE_WHILE_REVALIDATE = int(env("CACHE_STALE_WHILE_REVALIDATE", "60"))
# A CDN in front is purged through wagtail.contrib.frontend_cache; no backend by default.
# FRONTEND_CACHE_URL: a Varnish/Squid/nginx purge endpoint (HTTP PURGE);
# CLOUDFLARE_BEARER_TOKEN + CLOUDFLARE_ZONE_ID: Cloudflare's purge API.
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_URL"),
    }
if env("CLOUDFLARE_BEARER_TOKEN") and env("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
    }
