"""The client's address, seen through the reverse proxies the operator trusts.

``REMOTE_ADDR`` is the TCP peer: behind a proxy, the proxy itself. ``X-Forwarded-For`` carries the
chain, but anyone can send it, so it is believed only as far as it was written by a proxy in
``settings.TRUSTED_PROXIES`` (CIDRs): reading right to left from the peer, each trusted hop
vouches for the address before it, and the first address that is not a trusted proxy is the
client. A request whose peer is not trusted is taken at its peer address, whatever it claims.

Used by the portal's rate limits, allauth's (through the account adapter) and the People's
Choice vote audit.
"""

import functools
import ipaddress

from django.conf import settings


@functools.cache
def _networks(proxies):
    return tuple(ipaddress.ip_network(cidr.strip(), strict=False) for cidr in proxies if cidr)


def _address(text):
    text = (text or "").strip()
    if text.startswith("[") and "]" in text:  # [v6]:port
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # v4:port
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(address, networks):
    return any(address in network for network in networks)


def client_ip(request):
    """The client's IP address as a string ('' when the peer address is unusable)."""
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    peer = _address(request.META.get("REMOTE_ADDR"))
    if peer is None:
        return ""
    if not networks or not _trusted(peer, networks):
        return str(peer)
    hops = [h for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    address = peer
    for hop in reversed(hops):
        hop_address = _address(hop)
        if hop_address is None:  # garbage written before a trusted hop: stop believing
            break
        address = hop_address
        if not _trusted(address, networks):
            break
    return str(address)
