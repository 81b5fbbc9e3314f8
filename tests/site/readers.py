"""Reading a page, the sitemap and feeds as readers' tools do (tests/site)."""

import json
import re

from defusedxml import ElementTree

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    """``{location: {hreflang: href}}`` of /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    entries = {}
    for url in ElementTree.fromstring(response.content).findall("s:url", NS):
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        entries[url.find("s:loc", NS).text] = links
    return entries


def head(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def meta(html, attribute, name):
    return re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)


def hreflang(html):
    return re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html)


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]
