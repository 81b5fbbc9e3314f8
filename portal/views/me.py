"""The signed-in member's pages: /me/ and /me/notifications/. Private: never cached."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal.dashboard import dashboard_links, waiting_items
from portal.follows import services as follow_services
from portal.follows.forms import FollowPreferencesForm
from portal.follows.listing import followed_rows
from portal.models import Notification
from portal.notifications.services import mark_read
from portal.profile import ProfileForm, update_profile

PAGE_SIZE = 20
FOLLOWED_ON_DASHBOARD = 5


@never_cache
@login_required
def dashboard(request):
    """The member's home: their account and the latest things the portal told them."""
    notifications = request.user.notifications.all()
    return render(
        request,
        "portal/me/dashboard.html",
        {
            "latest_notifications": notifications[:5],
            "unread_count": notifications.filter(read_at__isnull=True).count(),
            # Each app's links (portal_dashboard_links hooks), in their order.
            "dashboard_links": dashboard_links(request),
            # What waits for the member (portal_dashboard_waiting hooks): each links to its to-do.
            "waiting_items": waiting_items(request),
            # The latest items the member follows, with their latest news (portal/follows).
            "followed_rows": followed_rows(
                request.user.follows.select_related("latest_news")[:FOLLOWED_ON_DASHBOARD]
            ),
        },
    )


@never_cache
@login_required
def notifications(request):
    page_obj = Paginator(request.user.notifications.all(), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "portal/me/notifications.html",
        {"page_obj": page_obj, "notifications": page_obj.object_list},
    )


@never_cache
@login_required
@require_POST
def notification_read(request, pk):
    # Someone else's notification answers 404, like anything private.
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    mark_read(request.user, [notification.pk])
    # Only within this site: a stored "//elsewhere" must not turn the button into a way out.
    if url_has_allowed_host_and_scheme(
        notification.url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(notification.url)
    return redirect("portal:notifications")


@never_cache
@login_required
@require_POST
def notifications_read_all(request):
    count = mark_read(request.user)
    messages.success(request, _("Marked %(count)s notifications as read.") % {"count": count})
    return redirect("portal:notifications")


@never_cache
@login_required
def personal_data(request):
    """Everything the portal holds about the signed-in member, as a JSON download."""
    from portal.privacy.downloads import personal_data_response

    return personal_data_response(request.user)


@never_cache
@login_required
def profile(request):
    """The member's name, language, notification e-mail and how they hear about followed items;
    a refused form keeps what was typed."""
    form = ProfileForm(request.POST or None, instance=request.user)
    follow_form = FollowPreferencesForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid() and follow_form.is_valid():
        user = update_profile(request.user, **form.cleaned_data)
        follow_services.set_preferences(user, follow_form.cleaned_data)
        # The page comes back in the language the member chose.
        with translation.override(user.preferred_language):
            messages.success(request, _("Your profile was saved."))
            return redirect(reverse("portal:profile"))
    return render(request, "portal/me/profile.html", {"form": form, "follow_form": follow_form})
