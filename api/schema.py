"""The OpenAPI 3 schema: one list and one detail operation per registered dataset, each with its
own record component built from the dataset's ``Field`` declarations (``api.records``).

The URLs are generic (``/api/v1/<slug>/``); :class:`DatasetSchemaGenerator` expands each into
one path per dataset, and :class:`DatasetAutoSchema` describes it from the declaration."""

from django.conf import settings
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from api import records
from portal import datasets as registry

PREFIX = "/api/v1/"


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "api.access.ApiKeyAuthentication"
    name = "ApiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "X-Api-Key",
            "description": force_str(
                _(
                    "Optional: a key raises the rate limit. "
                    "`Authorization: Api-Key <key>` works too."
                )
            ),
        }


class ErrorSerializer(serializers.Serializer):
    status = serializers.IntegerField(help_text=_("The HTTP status code."))
    detail = serializers.CharField(help_text=_("What went wrong, in words."))
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text=_("For 400: the messages per query parameter."),
    )

    class Meta:
        ref_name = "Error"


class FieldSerializer(serializers.Serializer):
    name = serializers.CharField()
    type = serializers.CharField(help_text=_("A Frictionless Table Schema type."))
    title = serializers.CharField()
    description = serializers.CharField()

    class Meta:
        ref_name = "DatasetField"


class DatasetSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField()
    url = serializers.CharField(help_text=_("The dataset's list resource."))
    filters = serializers.ListField(child=serializers.CharField())
    fields = FieldSerializer(many=True)

    class Meta:
        ref_name = "Dataset"


class IndexSerializer(serializers.Serializer):
    datasets = DatasetSerializer(many=True)
    schema = serializers.CharField()
    docs = serializers.CharField()

    class Meta:
        ref_name = "Index"


def lang_parameter():
    return OpenApiParameter(
        "lang",
        OpenApiTypes.STR,
        OpenApiParameter.QUERY,
        description=_("The language of labels and descriptions (default: English)."),
        enum=[code for code, _name in settings.LANGUAGES],
    )


def index_parameters():
    return [lang_parameter()]


def filter_parameter(name, apply):
    """A filter as the API reads it: a year filter (``portal.datasets.by_year``) is an integer
    in its range, any other a string without NUL (which the API refuses: PostgreSQL cannot
    compare it)."""
    if getattr(apply, "kind", "") == "integer":
        low, high = apply.bounds
        return OpenApiParameter(
            name,
            {"type": "integer", "minimum": low, "maximum": high},
            OpenApiParameter.QUERY,
            description=_("Only the records of this year."),
        )
    return OpenApiParameter(
        name,
        {"type": "string", "pattern": "^[^\\u0000]*$"},
        OpenApiParameter.QUERY,
        description=_("Only the records matching this value."),
    )


ERRORS = {400: ErrorSerializer, 404: ErrorSerializer, 429: ErrorSerializer}


class DatasetAutoSchema(AutoSchema):
    """Describes the operation of the dataset the generator gave the view."""

    @property
    def dataset(self):
        return self.view.dataset

    def _is_list_view(self, serializer=None):
        return self.view.action == "list"

    def get_operation_id(self):
        return f"{self.dataset.slug.replace('-', '_')}_{self.view.action}"

    def get_tags(self):
        return [self.dataset.slug]

    def get_summary(self):
        title = force_str(self.dataset.title)
        if self.view.action == "list":
            return title
        return force_str(_("%(title)s: one record") % {"title": title})

    def get_description(self):
        return force_str(self.dataset.description)

    def get_override_parameters(self):
        parameters = [lang_parameter()]
        if self.view.action == "retrieve":
            parameters.append(
                OpenApiParameter(
                    "id",
                    OpenApiTypes.INT,
                    OpenApiParameter.PATH,
                    description=_("The record's stable identifier."),
                )
            )
        else:
            parameters += [
                filter_parameter(name, apply) for name, apply in self.dataset.filters.items()
            ]
        return parameters

    def get_request_serializer(self):
        return None

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        """Each record property also carries the field's title from the declaration."""
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        if field.label and field.parent is not None and "$ref" not in schema:
            schema["title"] = force_str(field.label)
        return schema

    def get_response_serializers(self):
        return {200: records.record_serializer(self.dataset), **ERRORS}


class DatasetSchemaGenerator(SchemaGenerator):
    """One path per registered dataset for every view marked ``per_dataset``."""

    def _get_paths_and_endpoints(self):
        endpoints = []
        for path, path_regex, method, callback in self.endpoints:
            if not path.startswith(PREFIX):  # the admin's own DRF views are not the public API
                continue
            if not getattr(getattr(callback, "cls", None), "per_dataset", False):
                view = self.create_view(callback, method)
                endpoints.append((self.coerce_path(path, method, view), path_regex, method, view))
                continue
            for dataset in registry.datasets():
                view = self.create_view(callback, method)
                view.dataset = dataset
                concrete = path.replace("{slug}", dataset.slug).replace("{pk}", "{id}")
                endpoints.append((concrete, path_regex, method, view))
        return endpoints
