"""Every write of the API app: issuing a key."""

import logging

from django.db import transaction

from api.models import ApiKey

logger = logging.getLogger(__name__)


@transaction.atomic
def create_key(*, name: str, owner=None, active: bool = True) -> tuple[ApiKey, str]:
    """A new key and its secret; the secret is returned once and never stored."""
    api_key = ApiKey(name=name, owner=owner, active=active)
    secret = api_key.issue()
    api_key.save()
    logger.info("API key %s issued (%s)", api_key.pk, api_key.prefix)
    return api_key, secret
