"""What the catalogue says about each dataset: its licence, record count, last change, Table
Schema, the Frictionless Data Package, schema.org ``Dataset`` and the DCAT catalogue.

Everything here reads ``portal.datasets``; the texts are in the active language.
"""

import io
import json
import zipfile
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.datasets import datasets
from portal.models import SiteSettings
from portal.models.site_settings import LICENCE_URLS, OpenDataLicence
from portal.open_data import formats
from portal.sites import absolute

FORMATS = {
    "csv": ("text/csv", "CSV"),
    "json": ("application/json", "JSON"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
}


@dataclass(frozen=True)
class Licence:
    id: str
    title: str
    url: str


def site_settings():
    """The default site's settings (None before a site exists)."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site) if site else None


def licence(settings=None):
    """The licence set in the site settings (CC BY 4.0 unless changed)."""
    settings = settings or site_settings()
    code = (settings.open_data_licence if settings else "") or OpenDataLicence.CC_BY
    return Licence(code, OpenDataLicence(code).label, LICENCE_URLS[code])


def publisher():
    settings = site_settings()
    return settings.organisation_name if settings else ""


def download_url(dataset, extension):
    return absolute(reverse("open_data:download", kwargs={"slug": dataset.slug, "fmt": extension}))


def dataset_url(dataset):
    return absolute(reverse("open_data:dataset", kwargs={"slug": dataset.slug}))


@dataclass
class Entry:
    """One dataset as the catalogue lists it."""

    dataset: object
    count: int
    updated: object

    @property
    def slug(self):
        return self.dataset.slug

    @property
    def title(self):
        return self.dataset.title

    @property
    def description(self):
        return self.dataset.description

    @property
    def downloads(self):
        return [
            (extension, label, reverse("open_data:download", args=[self.slug, extension]))
            for extension, (_media, label) in FORMATS.items()
        ]


def entry(dataset):
    return Entry(dataset, formats.count(dataset), dataset.last_updated())


def entries():
    return [entry(dataset) for dataset in datasets()]


def table_schema(dataset):
    """The dataset's Frictionless Table Schema."""
    fields = []
    for field in dataset.fields:
        spec = {
            "name": field.name,
            "type": field.type,
            "title": str(field.title),
            "description": str(field.description),
        }
        fields.append(spec)
    schema = {"fields": fields}
    if "id" in dataset.field_names():
        schema["primaryKey"] = ["id"]
    return schema


def _iso(moment):
    return moment.isoformat() if moment else None


def data_package(items, lic, *, paths=None):
    """The Data Package descriptor; ``paths`` maps a slug to its resource path (the CSV's URL
    online, its file name inside the zip)."""
    resources = []
    for item in items:
        dataset = item.dataset
        resources.append(
            {
                "name": dataset.slug,
                "path": paths[dataset.slug] if paths else download_url(dataset, "csv"),
                "title": str(dataset.title),
                "description": str(dataset.description),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": table_schema(dataset),
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "jakarta-co-creation-portal",
        "title": publisher(),
        "homepage": absolute(reverse("open_data:catalogue")),
        "created": _iso(timezone.now().replace(microsecond=0)),
        "licenses": [{"name": lic.id, "title": lic.title, "path": lic.url}],
        "resources": resources,
    }


def data_package_zip(items, lic):
    """``datapackage.json`` and ``data/<slug>.csv`` of every dataset, in one zip."""
    paths = {item.slug: f"data/{item.slug}.csv" for item in items}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        descriptor = data_package(items, lic, paths=paths)
        archive.writestr("datapackage.json", json.dumps(descriptor, ensure_ascii=False, indent=2))
        for item in items:
            with archive.open(paths[item.slug], "w") as member:
                for chunk in formats.csv_lines(item.dataset):
                    member.write(chunk.encode("utf-8"))
    return out.getvalue()


def schema_org(item, lic):
    """schema.org ``Dataset`` markup for the dataset's page (Google Dataset Search reads it)."""
    dataset = item.dataset
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": str(dataset.title),
        "description": str(dataset.description),
        "url": dataset_url(dataset),
        "keywords": list(dataset.keywords),
        "license": lic.url,
        "isAccessibleForFree": True,
        "inLanguage": get_language(),
        "dateModified": _iso(item.updated),
        "creator": {"@type": "Organization", "name": publisher()},
        "variableMeasured": [
            {"@type": "PropertyValue", "name": f.name, "description": str(f.description)}
            for f in dataset.fields
        ],
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": media_type,
                "contentUrl": download_url(dataset, extension),
            }
            for extension, (media_type, _label) in FORMATS.items()
        ],
    }


DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dct:modified": {"@type": "xsd:dateTime"},
    "dct:issued": {"@type": "xsd:dateTime"},
    "dct:license": {"@type": "@id"},
    "dcat:accessURL": {"@type": "@id"},
    "dcat:downloadURL": {"@type": "@id"},
    "dcat:landingPage": {"@type": "@id"},
    "foaf:homepage": {"@type": "@id"},
}


def dcat_catalog(items, lic):
    """The catalogue as DCAT in JSON-LD: what ckanext-dcat's harvester reads."""
    language = get_language()
    name = publisher()
    agent = {"@type": "foaf:Agent", "foaf:name": name}
    records = []
    for item in items:
        dataset = item.dataset
        page = dataset_url(dataset)
        modified = _iso(item.updated)
        distributions = [
            {
                "@id": download_url(dataset, extension),
                "@type": "dcat:Distribution",
                "dct:title": f"{dataset.title} ({label})",
                "dct:format": label,
                "dcat:mediaType": media_type,
                "dcat:accessURL": page,
                "dcat:downloadURL": download_url(dataset, extension),
                "dct:license": lic.url,
                **({"dct:modified": modified} if modified else {}),
            }
            for extension, (media_type, label) in FORMATS.items()
        ]
        records.append(
            {
                "@id": page,
                "@type": "dcat:Dataset",
                "dct:identifier": dataset.slug,
                "dct:title": {"@value": str(dataset.title), "@language": language},
                "dct:description": {"@value": str(dataset.description), "@language": language},
                "dcat:keyword": list(dataset.keywords),
                "dct:license": lic.url,
                "dct:publisher": agent,
                "dcat:landingPage": page,
                **({"dct:modified": modified} if modified else {}),
                "dcat:distribution": distributions,
            }
        )
    catalogue_url = absolute(reverse("open_data:catalogue"))
    return {
        "@context": DCAT_CONTEXT,
        "@id": absolute(reverse("open_data:dcat")),
        "@type": "dcat:Catalog",
        "dct:title": {"@value": _("%(name)s: open data") % {"name": name}, "@language": language},
        "dct:publisher": agent,
        "dct:license": lic.url,
        "foaf:homepage": catalogue_url,
        "dct:language": language,
        "dcat:dataset": records,
    }
