"""Settings package: base (production-safe), dev, test, production.

Every environment variable is read in ``base.py`` and nowhere else; the other modules only
change defaults for their situation.
"""
