"""Where news of followed items comes from: public workflow steps and page publications."""

from portal.models import ItemNews, Visibility

from . import registry, services


def on_transition(sender, obj, transition, entry, **kwargs):
    """A workflow step on a followed item (or on something that is news about one, ``via``):
    told only when its timeline entry is public."""
    if entry is None or entry.visibility != Visibility.PUBLIC:
        return
    from portal.workflow.engine import pipeline_for

    pipeline = pipeline_for(obj).name
    targets = []
    followable = registry.for_model(type(obj))
    if followable is not None:
        targets.append((followable, obj))
    targets += [(f, getter(obj)) for f, getter in registry.for_related(type(obj))]
    for followable, item in targets:
        if item is not None and followable.is_public(item):
            services.record_news(
                item, verb=ItemNews.Verb.MOVED, pipeline=pipeline, state=transition.target
            )


def on_page_published(sender, instance, **kwargs):
    """A followed page published again. An alias (a language version still showing its
    source's text) is republished with its source: that is the same news, told once."""
    if getattr(instance, "alias_of_id", None) is not None:
        return
    followable = registry.for_model(type(instance))
    if followable is not None and followable.is_public(instance):
        services.record_news(instance, verb=ItemNews.Verb.PUBLISHED)


def connect():
    from wagtail.signals import page_published

    from portal.workflow.engine import transition_applied

    transition_applied.connect(on_transition, dispatch_uid="portal.follows.transition")
    page_published.connect(on_page_published, dispatch_uid="portal.follows.page_published")
