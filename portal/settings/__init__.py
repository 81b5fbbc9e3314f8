"""Settings package: base (production-safe), dev, test, production.

Every environment variable is read in ``base.py`` and the modules it gathers (one per concern:
caching, jobs, accounts, security, logs, api), through ``environment.py``, and nowhere else;
``dev``, ``test`` and ``production`` only change defaults for their situation.
"""
