from django import template

register = template.Library()


@register.simple_tag
def is_liaison(user):
    """Whether ``user`` speaks for at least one agency (the dashboard links their challenges)."""
    from partners.permissions import speaks_for_an_agency

    return speaks_for_an_agency(user)
