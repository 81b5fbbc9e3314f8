from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal.sites import sync_after_migrate

        post_migrate.connect(sync_after_migrate, sender=self)

        from portal import cache, request_memo
        from portal.exports import guard_wagtail_exports

        guard_wagtail_exports()

        from portal.notifications import wagtail_mail

        wagtail_mail.install()

        request_memo.install()

        cache.connect()

        from portal.search import indexing

        indexing.connect()

        from portal.follows import signals as follow_signals

        follow_signals.connect()
