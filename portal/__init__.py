"""The co-creation portal: the Django project and its core."""

from portal import converters  # noqa: F401  (registers the ``id`` path converter before any URL)
