"""Shared accessible widgets of the kiosk: big touch targets, keyboard activation, the top bar, project cards."""

from kiosk.widgets.basics import KioskButton, centered_card, label
from kiosk.widgets.idle_warning import IdleWarning
from kiosk.widgets.project_card import ProjectCard
from kiosk.widgets.toolbar import TopBar

__all__ = ["IdleWarning", "KioskButton", "ProjectCard", "TopBar", "centered_card", "label"]
