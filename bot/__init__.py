"""Turnout: the platform-neutral core that coordinates campaign volunteers."""
