"""The shared review machinery: assignments, reviews and results (see docs/reviews.md).

Writes go through ``services``; "may this user …" questions through ``permissions``.
"""
