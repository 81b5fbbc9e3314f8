from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingEmailQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(sent_at__isnull=True, failed_at__isnull=True)

    def failed(self):
        return self.filter(failed_at__isnull=False)


class OutgoingEmail(models.Model):
    """One e-mail to send: the transactional outbox (see docs/notifications.md).

    Written in the transaction that causes it, together with its django-q2 task (ORM broker), so
    neither a web process nor a worker that dies loses it. ``key`` is unique: the same e-mail
    queued twice is one row. ``payload`` (the message as plain data, reset links included) is
    emptied when the e-mail is sent.
    """

    key = models.CharField(_("key"), max_length=200, unique=True)
    recipients = models.CharField(_("to"), max_length=500)
    subject = models.CharField(_("subject"), max_length=300)
    payload = models.JSONField(_("message"), default=dict, blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    failed_at = models.DateTimeField(_("given up"), null=True, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["sent_at", "failed_at", "next_attempt_at"]),
            models.Index(fields=["failed_at"]),
        ]

    def __str__(self):
        return self.subject

    @property
    def status(self):
        if self.sent_at:
            return _("Sent")
        if self.failed_at:
            return _("Failed")
        return _("Waiting")
