"""Thin translators between chat platforms and the Turnout core."""
