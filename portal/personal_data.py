"""A member's personal data, for Indonesia's Personal Data Protection Law (UU 27/2022).

The core exports what it holds (the account, e-mail addresses, notifications); every app adds what
it holds about the member through the Wagtail hook ``register_personal_data``: a function taking
the user and returning ``{section name: JSON-ready value}``. The core never imports the apps.
Only rows that belong to the member are exported, never another member's data.
"""

from wagtail import hooks

HOOK = "register_personal_data"


def iso(value):
    return value.isoformat() if value else None


def export_personal_data(user):
    from allauth.account.models import EmailAddress

    data = {
        "profile": {
            "email": user.email,
            "name": user.name,
            "preferred_language": getattr(user, "preferred_language", ""),
            "email_notifications": getattr(user, "email_notifications", True),
            "date_joined": iso(user.date_joined),
            "last_login": iso(user.last_login),
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "notifications": [
            {
                "kind": n.kind,
                "title": n.title,
                "body": n.body,
                "url": n.url,
                "created_at": iso(n.created_at),
                "read_at": iso(n.read_at),
            }
            for n in user.notifications.order_by("created_at", "pk")
        ],
        # portal/follows: what they follow and how they hear about each kind.
        "follows": [
            {"kind": f.kind, "item": f.object_id, "since": iso(f.created_at)}
            for f in user.follows.order_by("created_at", "pk")
        ],
        "follow_preferences": dict(
            user.follow_preferences.order_by("kind").values_list("kind", "delivery")
        ),
    }
    for contribute in hooks.get_hooks(HOOK):
        data.update(contribute(user))
    return data
