"""The bare Django view the benchmark compares against: one URL, no middleware, no database.

Served by gunicorn exactly like the portal (``gunicorn bench.hello``), so the difference between
the two is what the portal's own stack costs.
"""

from django.conf import settings

settings.configure(
    DEBUG=False,
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=["*"],
    SECRET_KEY="bench-only-key-not-used-for-anything-secret-0123456789",  # noqa: S106
    MIDDLEWARE=[],
)

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402


def hello(request):
    return HttpResponse(b"Hello, world!", content_type="text/plain")


urlpatterns = [path("", hello)]
application = get_wsgi_application()
