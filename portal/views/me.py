from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache


@never_cache
@login_required
def dashboard(request):
    """The signed-in member's home: their account and what the portal told them."""
    return render(request, "portal/me/dashboard.html", {})
