"""``{% follow_toggle item %}``: the Follow / Following button of a followable item.

One query for a signed-in member (do they follow it?), none for a visitor, who is offered
"Sign in to follow" (the page stays the same for every visitor, so the shared cache may keep it).
"""

from django import template

from portal.follows import registry, services

register = template.Library()


@register.inclusion_tag("portal/follows/_toggle.html", takes_context=True)
def follow_toggle(context, item):
    request = context.get("request")
    user = getattr(request, "user", None)
    followable = registry.for_model(type(item)) if item is not None else None
    signed_in = bool(user and user.is_authenticated)
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "followable": followable,
        "item": item,
        "signed_in": signed_in,
        "following": signed_in and followable is not None and services.is_following(user, item),
        "next": request.get_full_path() if request else "",
    }
