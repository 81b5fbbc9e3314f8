"""Notifications: e-mail through django-q2 jobs (with retries) and the in-app list at /me/."""
