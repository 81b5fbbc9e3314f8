from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    """Users log in with their e-mail address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=[("en", "English"), ("id", "Bahasa Indonesia")],
        default="en",
        help_text=_("Language of the e-mails the portal sends you."),
    )
    # Notifications always reach /me/notifications/; this says whether each also comes by e-mail.
    # Account e-mails (verification, password reset) are sent regardless.
    email_notifications = models.BooleanField(
        _("notifications by e-mail"),
        default=True,
        help_text=_(
            "Also send me each notification by e-mail. Account e-mails (confirming an address, "
            "resetting a password) are always sent."
        ),
    )
    # Set when the member deleted their account (portal.privacy.erasure): the row stays for the
    # records that point at it, with nothing left that identifies the person.
    erased_at = models.DateTimeField(_("account deleted"), null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name()

    def get_full_name(self):
        if self.erased_at:
            return str(_("Former member"))
        return self.name or self.email

    def get_short_name(self):
        return (self.name.split(" ")[0] if self.name else self.email.split("@")[0]) or self.email
