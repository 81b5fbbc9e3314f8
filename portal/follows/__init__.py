"""Following items and hearing about them: in-app, at once by e-mail, or in a digest.

See docs/follows.md. Apps declare their followable kinds in their own ``follows.py``
(:mod:`portal.follows.registry`); the core never imports them.
"""
