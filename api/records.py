"""A dataset's records as API resources: one serializer per dataset, built from its ``Field``
declarations, so the JSON and the OpenAPI schema follow the declaration with no API code."""

import datetime
import re

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from portal.datasets import Dataset

LINKS = ("api_url", "page_url")


class DateValue(serializers.DateField):
    """A date; a datetime is given as its day in the portal's time zone."""

    def to_representation(self, value):
        if isinstance(value, datetime.datetime):
            value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
        return super().to_representation(value)


def _field(kind, **options):
    """The serializer field for a Table Schema type."""
    if kind in ("integer", "year"):
        return serializers.IntegerField(**options)
    if kind == "number":
        return serializers.FloatField(**options)
    if kind == "boolean":
        return serializers.BooleanField(**options)
    if kind == "date":
        return DateValue(**options)
    if kind == "datetime":
        return serializers.DateTimeField(**options)
    if kind == "array":
        return serializers.ListField(child=serializers.CharField(), **options)
    return serializers.CharField(**options)


def component_name(dataset: Dataset) -> str:
    """``pilots`` -> ``PilotsRecord``, ``policy-recommendations`` -> ``PolicyRecommendationsRecord``."""
    parts = re.split(r"[^A-Za-z0-9]+", dataset.slug)
    return "".join(part[:1].upper() + part[1:] for part in parts if part) + "Record"


_serializers: dict[int, tuple[Dataset, type]] = {}


def record_serializer(dataset: Dataset) -> type[serializers.Serializer]:
    """The serializer class of one record of ``dataset`` (built once per declaration)."""
    cached = _serializers.get(id(dataset))
    if cached is not None and cached[0] is dataset:
        return cached[1]
    attrs = {
        "api_url": serializers.CharField(
            read_only=True,
            allow_null=True,
            help_text=_("This record in the API; none for a computed row without an id."),
        ),
        "page_url": serializers.CharField(
            read_only=True, allow_null=True, help_text=_("The record's public page, if it has one.")
        ),
    }
    for declared in dataset.fields:
        if declared.name in LINKS:
            raise ValueError(f"{dataset.slug}: field name {declared.name!r} is the API's own")
        attrs[declared.name] = _field(
            declared.type,
            read_only=True,
            allow_null=True,
            label=declared.title,
            help_text=declared.description,
        )
    attrs["Meta"] = type("Meta", (), {"ref_name": component_name(dataset)})
    serializer = type(component_name(dataset), (serializers.Serializer,), attrs)
    _serializers[id(dataset)] = (dataset, serializer)
    return serializer


def record_id(dataset: Dataset, record, row=None):
    """The record's stable id: its primary key, or the ``id`` field of a row that is no model."""
    pk = getattr(record, "pk", None)
    if pk is not None:
        return pk
    return (row if row is not None else dataset.row(record)).get("id")


def find(dataset: Dataset, pk):
    """The public record ``pk`` of ``dataset``, or None."""
    rows = dataset.rows()
    if isinstance(rows, QuerySet):
        return rows.filter(pk=pk).first()
    return next((record for record in rows if record_id(dataset, record) == pk), None)


def resources(dataset: Dataset, records, request):
    """The records as API resources (plain data), each with its API and public page links."""
    rows = []
    for record in records:
        row = dataset.row(record)
        pk = record_id(dataset, record, row)
        # A computed row without an id is listed, with no detail link.
        row["api_url"] = (
            request.build_absolute_uri(reverse("api:record", args=[dataset.slug, pk]))
            if pk is not None
            else None
        )
        path = dataset.record_url(record) if dataset.record_url else None
        row["page_url"] = request.build_absolute_uri(path) if path else None
        rows.append(row)
    return record_serializer(dataset)(rows, many=True).data
