"""Exceptions raised by kiosk/."""


class KioskError(Exception):
    """Base class of every error raised by kiosk/."""
