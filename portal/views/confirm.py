"""The confirmation step behind every destructive button a member meets (withdraw a request,
revoke an invitation, cancel a registration or a booking, leave a team): one key press must not
undo something that cannot be taken back.

GET shows what will happen and one clearly labelled button (a POST form); POST takes the step,
says how it went and goes back. An item that can no longer move says why instead of a form.
"""

from django.contrib import messages
from django.shortcuts import redirect, render

from portal.services import ActionRefused


def confirm_step(request, *, run, heading, question, button, back, done, refusal="", after=""):
    """``back`` is where "keep it" and a refusal lead; ``after`` where the member lands once the
    step is taken (``back`` unless the item is gone from there, e.g. a team one has left)."""
    if request.method == "POST":
        try:
            run()
        except ActionRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(request, done)
            return redirect(after or back)
        return redirect(back)
    return render(
        request,
        "portal/confirm.html",
        {
            "heading": heading,
            "question": question,
            "button": button,
            "back": back,
            "refusal": refusal,
        },
    )
