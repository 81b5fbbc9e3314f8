"""The confirmation step every withdraw / revoke button leads to, for every group's screens.

GET shows what will happen and one clearly labelled button (a POST form); POST takes the step,
says how it went and goes back. An item that can no longer move says why instead of a form.
"""

from django.contrib import messages
from django.shortcuts import redirect, render

from portal.services import ActionRefused


def confirm_step(request, *, run, heading, question, button, back, done, refusal=""):
    if request.method == "POST":
        try:
            run()
        except ActionRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(request, done)
        return redirect(back)
    return render(
        request,
        "admission/confirm.html",
        {
            "heading": heading,
            "question": question,
            "button": button,
            "back": back,
            "refusal": refusal,
        },
    )
