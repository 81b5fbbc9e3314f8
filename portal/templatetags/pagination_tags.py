from django import template

register = template.Library()


@register.filter
def page_links(page_obj):
    """The page numbers to link from ``page_obj``: the first, the last and two either side of the
    current one; ``None`` stands for the pages left out (shown as an ellipsis)."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    ]
