"""Follow / unfollow, the member's list of followed items, and one-click unsubscribe."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from portal.models import User
from portal.services import ActionRefused

from . import registry, services
from .emails import user_pk_from_token
from .listing import followed_rows

PAGE_SIZE = 20


def _item(kind, pk):
    """The public item of a registered kind, else 404 (private and unknown alike)."""
    followable = registry.get(kind or "")
    if followable is None or not str(pk or "").isdigit():
        raise Http404
    item = followable.public().filter(pk=int(pk)).first()
    if item is None:
        raise Http404
    return followable, item


def _back(request, fallback):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback)


@never_cache
@login_required
@require_POST
def toggle(request):
    followable, item = _item(request.POST.get("kind"), request.POST.get("pk"))
    title = followable.present([item])[item.pk][0]
    try:
        if request.POST.get("action") == "unfollow":
            services.unfollow(request.user, item)
            messages.success(request, _("You no longer follow “%(title)s”.") % {"title": title})
        else:
            services.follow(request.user, item)
            messages.success(
                request,
                _("You follow “%(title)s”. Choose how you hear about it on your profile.")
                % {"title": title},
            )
    except ActionRefused as error:
        messages.error(request, str(error))
    return _back(request, "portal:follows")


@never_cache
@login_required
def my_follows(request):
    page_obj = Paginator(
        request.user.follows.select_related("latest_news").order_by("-created_at", "-pk"),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/me/follows.html",
        {"page_obj": page_obj, "rows": followed_rows(page_obj.object_list)},
    )


@never_cache
@csrf_exempt  # mail clients POST here (RFC 8058); the signed token is the proof
def unsubscribe(request, token):
    """Turn follow e-mails off without signing in: GET asks, POST does it."""
    pk = user_pk_from_token(token)
    user = User.objects.filter(pk=pk, is_active=True).first() if pk else None
    if user is None:
        raise Http404
    done = False
    if request.method == "POST":
        services.stop_follow_emails(user)
        done = True
    response = render(request, "portal/follows/unsubscribe.html", {"done": done})
    response["X-Robots-Tag"] = "noindex"
    return response
