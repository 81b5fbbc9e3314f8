"""/open-data/: the catalogue, one page per dataset, the downloads, the Data Package and DCAT.

Public and anonymous: the page cache (``portal.page_cache``) stores them and sends
``Cache-Control: public``; every download names its file in ``Content-Disposition``.
"""

import json

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.datasets import get
from portal.open_data import catalog, formats


def _dataset(slug):
    dataset = get(slug)
    if dataset is None:
        raise Http404(_("There is no such dataset."))
    return dataset


def _attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _json(data, content_type="application/json"):
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type=f"{content_type}; charset=utf-8",
    )


def catalogue(request):
    settings = catalog.site_settings()
    context = {
        "entries": catalog.entries(),
        "licence": catalog.licence(settings),
        "intro": settings.open_data_intro_for(get_language()) if settings else "",
    }
    return render(request, "portal/open_data/catalogue.html", context)


def dataset_page(request, slug):
    item = catalog.entry(_dataset(slug))
    lic = catalog.licence()
    context = {
        "entry": item,
        "licence": lic,
        "schema_org": catalog.schema_org(item, lic),
        "dictionary": [(f, type_labels().get(f.type, f.type)) for f in item.dataset.fields],
    }
    return render(request, "portal/open_data/dataset.html", context)


def type_labels():
    return {
        "string": _("text"),
        "integer": _("whole number"),
        "number": _("number"),
        "boolean": _("true or false"),
        "date": _("date (YYYY-MM-DD)"),
        "datetime": _("date and time (ISO 8601)"),
        "year": _("year"),
        "array": _("list (a JSON array in the CSV)"),
    }


def download(request, slug, fmt):
    dataset = _dataset(slug)
    if fmt == "csv":
        response = HttpResponse(formats.csv_bytes(dataset), content_type="text/csv; charset=utf-8")
    elif fmt == "json":
        item = catalog.entry(dataset)
        lic = catalog.licence()
        response = _json(
            {
                "name": dataset.slug,
                "title": str(dataset.title),
                "description": str(dataset.description),
                "license": {"name": lic.id, "path": lic.url},
                "updated": item.updated.isoformat() if item.updated else None,
                "schema": catalog.table_schema(dataset),
                "count": item.count,
                "records": formats.json_records(dataset),
            }
        )
    elif fmt == "xlsx":
        response = HttpResponse(
            formats.xlsx_bytes(dataset, dataset.slug), content_type=catalog.FORMATS["xlsx"][0]
        )
    else:
        raise Http404(_("There is no such format."))
    return _attachment(response, f"{dataset.slug}.{fmt}")


def datapackage_json(request):
    items = catalog.entries()
    response = _json(catalog.data_package(items, catalog.licence()))
    response["Content-Disposition"] = 'inline; filename="datapackage.json"'
    return response


def datapackage_zip(request):
    body = catalog.data_package_zip(catalog.entries(), catalog.licence())
    return _attachment(HttpResponse(body, content_type="application/zip"), "datapackage.zip")


def dcat(request):
    response = _json(
        catalog.dcat_catalog(catalog.entries(), catalog.licence()), "application/ld+json"
    )
    response["Content-Disposition"] = 'inline; filename="catalog.jsonld"'
    return response
