"""Checking: every claim as table rows, the rules over those tables, the verdicts of each check."""
