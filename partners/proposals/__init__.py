"""Calls for proposals and proposals: drafting, attachments, review and decision."""
