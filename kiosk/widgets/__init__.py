"""Shared accessible widgets of the kiosk: big touch targets, keyboard activation, the top bar, project cards."""

from kiosk.widgets.basics import KioskButton, centered_card, label
from kiosk.widgets.error_notice import ErrorNotice
from kiosk.widgets.idle_warning import IdleWarning
from kiosk.widgets.lock_screen import LockScreen
from kiosk.widgets.project_card import ProjectCard
from kiosk.widgets.toolbar import TopBar

__all__ = ["ErrorNotice", "IdleWarning", "KioskButton", "LockScreen", "ProjectCard", "TopBar", "centered_card", "label"]
