from django import template

register = template.Library()


@register.simple_tag
def is_liaison(user):
    """Whether ``user`` speaks for at least one agency (the dashboard links their challenges)."""
    if not (user and user.is_authenticated):
        return False
    from partners.models import Membership, MembershipRole

    return Membership.objects.filter(
        user=user, role=MembershipRole.LIAISON, organisation__kind="agency"
    ).exists()
