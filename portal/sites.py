"""One canonical address for every absolute URL the portal writes: the ``SITE_URL`` setting.

Wagtail builds absolute URLs (``page.full_url``: the sitemap, hreflang alternates, ``og:url``,
JSON-LD, feed links and guids, frontend-cache purges) from its ``Site`` record; the portal's own
e-mails and calendars use ``SITE_URL``. So that both agree, ``migrate`` and ``seed_demo`` write
``SITE_URL``'s host and port into the default Site: ``SITE_URL`` is the one place to change it.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_address(url=None):
    """``(hostname, port)`` of ``url`` (default ``SITE_URL``) as a Wagtail ``Site`` stores it.

    Wagtail writes ``https://`` only for port 443 and ``http://`` otherwise, so an address it
    could not write back unchanged (https on another port, a path) is a configuration error.
    """
    url = url or settings.SITE_URL
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname or parts.path.strip("/"):
        raise ImproperlyConfigured(f"SITE_URL must be http(s)://host[:port], not {url!r}.")
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    if (parts.scheme == "https") != (port == 443):
        raise ImproperlyConfigured(
            f"SITE_URL {url!r}: https must use port 443 and http another port."
        )
    return parts.hostname, port


def absolute(url):
    """``url`` on the canonical host (``SITE_URL``); absolute URLs are left alone."""
    if not url or url.startswith(("http://", "https://")):
        return url
    return f"{settings.SITE_URL}{url}"


def sync_default_site():
    """Point the default Wagtail Site at ``SITE_URL``; returns the Site (None if there is none)."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    hostname, port = site_address()
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    return site


def sync_after_migrate(sender, **kwargs):
    sync_default_site()
