"""The read API: an index of the public datasets, and each dataset's list and detail
resources. Generic over ``portal.datasets``: a dataset an app declares appears here, in the
schema and in the docs with no code in this app (docs/api.md)."""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.encoding import force_str
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, pagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from api import records
from api.access import ApiKeyAuthentication, ClientRateThrottle
from api.errors import exception_handler
from api.schema import DatasetAutoSchema, IndexSerializer, index_parameters
from portal import datasets as registry
from portal.cache import generation

PAGINATION_PARAMS = ("page", "page_size")


class Pages(pagination.PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100  # the hard cap: a larger page_size gets 100


def languages():
    return [code for code, _name in settings.LANGUAGES]


class ReadView(APIView):
    """What every API view shares: ``?lang=`` picks the language of labels (default English),
    unknown query parameters are refused with 400, and responses carry the language."""

    allowed_params: tuple = ()
    authentication_classes = [ApiKeyAuthentication]
    permission_classes = [AllowAny]
    throttle_classes = [ClientRateThrottle]
    renderer_classes = [JSONRenderer]

    def get_exception_handler(self):
        return exception_handler

    def dispatch(self, request, *args, **kwargs):
        language = request.GET.get("lang") or settings.LANGUAGE_CODE
        self.language = language if language in languages() else settings.LANGUAGE_CODE
        with translation.override(self.language):
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        response.headers.setdefault("Content-Language", self.language)
        return response

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        errors = {}
        language = request.query_params.get("lang")
        if language is not None and language not in languages():
            errors["lang"] = [
                _("Choose one of: %(choices)s.") % {"choices": ", ".join(languages())}
            ]
        allowed = {"lang", "format", *self.params()}
        for name, values in request.query_params.lists():
            if any("\x00" in value for value in values):
                # PostgreSQL cannot compare text holding NUL: refuse it rather than fail.
                errors[name] = [_("A null character is not allowed here.")]
            elif name not in allowed:
                errors[name] = [
                    _("Unknown query parameter. Allowed here: %(names)s.")
                    % {"names": ", ".join(sorted(allowed))}
                ]
        if errors:
            raise exceptions.ValidationError(errors)

    def params(self):
        return self.allowed_params

    def cached(self, request, last_modified, build):
        """``build()``'s response, or 304 when the client holds the current version. The ETag
        follows the portal's public cache generation (every public change moves it), the
        dataset's last change, the full URL and the language."""
        raw = f"{generation()}|{last_modified}|{request.get_full_path()}|{self.language}"
        etag = '"' + hashlib.sha256(raw.encode()).hexdigest()[:32] + '"'
        not_modified = get_conditional_response(request._request, etag=etag)
        response = not_modified if not_modified is not None else build()
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified.timestamp())
        response["Cache-Control"] = f"public, max-age={settings.PORTAL_CACHE_MAX_AGE}"
        return response


def _describe(dataset, request):
    return {
        "slug": dataset.slug,
        "title": force_str(dataset.title),
        "description": force_str(dataset.description),
        "url": request.build_absolute_uri(reverse("api:records", args=[dataset.slug])),
        "filters": list(dataset.filters),
        "fields": [
            {
                "name": f.name,
                "type": f.type,
                "title": force_str(f.title),
                "description": force_str(f.description),
            }
            for f in dataset.fields
        ],
    }


class IndexView(ReadView):
    """Every public dataset, with its fields, filters and link."""

    @extend_schema(
        operation_id="datasets_index",
        summary=gettext_lazy("Every public dataset"),
        parameters=index_parameters(),
        responses={200: IndexSerializer},
        tags=["index"],
    )
    def get(self, request):
        def build():
            return Response(
                {
                    "datasets": [_describe(d, request) for d in registry.datasets()],
                    "schema": request.build_absolute_uri(reverse("api:schema")),
                    "docs": request.build_absolute_uri(reverse("api:docs")),
                }
            )

        return self.cached(request, None, build)


class DatasetView(ReadView):
    """Shared by a dataset's list and detail: which dataset the URL names."""

    per_dataset = True  # the schema generator makes one operation per registered dataset
    schema = DatasetAutoSchema()

    def get_dataset(self):
        dataset = getattr(self, "dataset", None)  # set by the schema generator
        if dataset is None:
            dataset = registry.get(self.kwargs.get("slug", ""))
        if dataset is None:
            raise exceptions.NotFound(
                _("There is no dataset called “%(slug)s”. The index lists them all: %(index)s")
                % {
                    "slug": self.kwargs.get("slug", ""),
                    "index": self.request.build_absolute_uri(reverse("api:index")),
                }
            )
        return dataset


class RecordListView(DatasetView):
    action = "list"
    pagination_class = Pages

    def params(self):
        return (*PAGINATION_PARAMS, *self.get_dataset().filters)

    def filtered(self, dataset):
        queryset = dataset.rows()
        errors = {}
        for name, apply in dataset.filters.items():
            value = self.request.query_params.get(name, "").strip()[:200]
            if not value:
                continue
            try:
                queryset = apply(queryset, value)
            except (ValueError, TypeError, DjangoValidationError):
                errors[name] = [_("“%(value)s” is not a valid value here.") % {"value": value}]
        if errors:
            raise exceptions.ValidationError(errors)
        return queryset

    def get(self, request, slug):
        dataset = self.get_dataset()
        queryset = self.filtered(dataset)

        def build():
            paginator = self.pagination_class()
            page = paginator.paginate_queryset(queryset, request, view=self)
            return paginator.get_paginated_response(records.resources(dataset, page, request))

        return self.cached(request, dataset.last_updated(), build)


class RecordView(DatasetView):
    action = "retrieve"

    def get(self, request, slug, pk):
        dataset = self.get_dataset()

        def build():
            record = records.find(dataset, pk)
            if record is None:
                raise exceptions.NotFound(
                    _("There is no public record %(pk)s in “%(slug)s”.")
                    % {"pk": pk, "slug": dataset.slug}
                )
            return Response(records.resources(dataset, [record], request)[0])

        return self.cached(request, dataset.last_updated(), build)


class NotFoundView(ReadView):
    """Any other address under /api/: a JSON 404, not the site's HTML page."""

    schema = None

    def initial(self, request, *args, **kwargs):
        APIView.initial(self, request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        raise exceptions.NotFound(
            _("Nothing here. The index lists every resource: %(index)s")
            % {"index": request.build_absolute_uri(reverse("api:index"))}
        )

    def http_method_not_allowed(self, request, *args, **kwargs):
        return self.get(request)
